import { describe, expect, it } from 'vitest';
import { addDays, amsterdamDate, amsterdamInstant, daysBetween, isValidYmd, isoWeekday } from './calendar-date.js';

describe('calendar dates in Europe/Amsterdam', () => {
  it('takes the Amsterdam date of an instant, not the UTC one', () => {
    expect(amsterdamDate(new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
    expect(amsterdamDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(amsterdamDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('places 09:00 local correctly on both sides of the clock changes', () => {
    expect(amsterdamInstant('2026-03-28', 9).toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(amsterdamInstant('2026-03-29', 9).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(amsterdamInstant('2026-10-25', 9).toISOString()).toBe('2026-10-25T08:00:00.000Z');
  });

  it('counts calendar days across DST changes and year ends', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-11-23', '2023-11-09')).toBe(-1110);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('validates dates and weekdays', () => {
    expect(isValidYmd('2026-02-30')).toBe(false);
    expect(isValidYmd('2024-02-29')).toBe(true);
    expect(isValidYmd('26-02-01')).toBe(false);
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-22')).toBe(7);
  });
});

import { describe, expect, it } from 'vitest';
import { reminderDueAt, reminderDueDate } from './reminder-due-time.js';

const DEFAULT = { goodFriday: false, liberationDay: false };

describe('reminderDueDate / reminderDueAt', () => {
  it('is 09:00 Amsterdam, lead days before the milestone, on a working day', () => {
    expect(reminderDueDate('2027-04-01', 7, DEFAULT)).toBe('2027-03-25');
    expect(reminderDueAt('2027-04-01', 7, DEFAULT).toISOString()).toBe('2027-03-25T08:00:00.000Z');
    expect(reminderDueAt('2027-04-01', 0, DEFAULT).toISOString()).toBe('2027-04-01T07:00:00.000Z');
  });

  it('keeps 09:00 local across the clock changes of 29 March and 25 October 2026', () => {
    // Sunday 29 March (clock change) → Friday 27 March, still CET.
    expect(reminderDueAt('2026-04-01', 3, DEFAULT).toISOString()).toBe('2026-03-27T08:00:00.000Z');
    expect(reminderDueAt('2026-04-01', 2, DEFAULT).toISOString()).toBe('2026-03-30T07:00:00.000Z');
    // Sunday 25 October (clock change back) → Friday 23 October, still CEST.
    expect(reminderDueAt('2026-10-27', 2, DEFAULT).toISOString()).toBe('2026-10-23T07:00:00.000Z');
    expect(reminderDueAt('2026-10-27', 1, DEFAULT).toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it('moves back over Dutch public holidays, with Good Friday and Liberation Day as settings', () => {
    expect(reminderDueDate('2026-04-13', 7, DEFAULT)).toBe('2026-04-03'); // Easter Monday → Good Friday
    expect(reminderDueDate('2026-04-13', 7, { goodFriday: true, liberationDay: false })).toBe('2026-04-02');
    expect(reminderDueDate('2026-05-04', 7, DEFAULT)).toBe('2026-04-24'); // 27 April King's Day (Mon) → weekend → Friday 24 April
    expect(reminderDueDate('2026-05-12', 7, DEFAULT)).toBe('2026-05-05'); // Liberation Day is a working day by default
    expect(reminderDueDate('2026-05-12', 7, { goodFriday: false, liberationDay: true })).toBe('2026-05-04');
    expect(reminderDueDate('2027-01-01', 7, DEFAULT)).toBe('2026-12-24'); // Christmas Day (Friday)
    expect(reminderDueDate('2027-01-08', 7, DEFAULT)).toBe('2026-12-31'); // New Year's Day (Friday)
  });
});

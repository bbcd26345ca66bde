import { describe, expect, it } from 'vitest';
import { dutchHolidays, holidayOn } from './dutch-holidays.js';

const none = { goodFriday: false, liberationDay: false };
const both = { goodFriday: true, liberationDay: true };

describe('holidayOn', () => {
  it('names the public holidays in Dutch and English', () => {
    expect(holidayOn('2026-04-27', none)).toEqual({ nl: 'Koningsdag', en: "King's Day" });
    expect(holidayOn('2026-12-25', none)?.nl).toBe('Kerstmis');
    expect(holidayOn('2026-12-26', none)?.en).toBe('Boxing Day');
    expect(holidayOn('2026-05-14', none)?.en).toBe('Ascension Day');
    expect(holidayOn('2026-05-25', none)?.nl).toBe('Tweede pinksterdag');
    expect(holidayOn('2027-01-01', none)?.nl).toBe('Nieuwjaar');
  });

  it('moves King’s Day to Saturday 26 April when 27 April is a Sunday', () => {
    expect(holidayOn('2025-04-26', none)?.en).toBe("King's Day");
    expect(holidayOn('2025-04-27', none)).toBeUndefined();
  });

  it('counts Good Friday and Liberation Day only when the settings say so', () => {
    expect(holidayOn('2026-04-03', none)).toBeUndefined();
    expect(holidayOn('2026-04-03', both)).toEqual({ nl: 'Goede Vrijdag', en: 'Good Friday' });
    expect(holidayOn('2026-05-05', none)).toBeUndefined();
    expect(holidayOn('2026-05-05', { goodFriday: false, liberationDay: true })?.nl).toBe('Bevrijdingsdag');
  });

  it('ignores observances such as Sinterklaas and Dodenherdenking', () => {
    expect(holidayOn('2026-12-05', both)).toBeUndefined();
    expect(holidayOn('2026-05-04', both)).toBeUndefined();
    expect(holidayOn('2026-12-31', both)).toBeUndefined();
  });

  it('rejects a non-date', () => {
    expect(() => holidayOn('2026-02-30', none)).toThrow(/calendar date/);
  });
});

describe('dutchHolidays', () => {
  it('lists the public holidays of a year in date order', () => {
    expect(dutchHolidays(2026, none).map((h) => h.date)).toEqual([
      '2026-01-01', '2026-04-05', '2026-04-06', '2026-04-27', '2026-05-14', '2026-05-24', '2026-05-25', '2026-12-25', '2026-12-26',
    ]);
    const all = dutchHolidays(2026, both);
    expect(all).toHaveLength(11);
    expect(all.filter((h) => h.optional).map((h) => h.name.en)).toEqual(['Good Friday', 'Liberation Day']);
  });
});

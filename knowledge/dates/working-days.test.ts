import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, formatYmd, isoWeekday } from './calendar-date.js';
import { holidayOn } from './dutch-holidays.js';
import { addWorkingDays, isWorkingDay, nextWorkingDay, previousWorkingDay } from './working-days.js';

const none = { goodFriday: false, liberationDay: false };
const both = { goodFriday: true, liberationDay: true };

describe('isWorkingDay', () => {
  it('is false on weekends and public holidays', () => {
    expect(isWorkingDay('2026-11-23', none)).toBe(true); // Monday
    expect(isWorkingDay('2026-11-28', none)).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-29', none)).toBe(false); // Sunday
    expect(isWorkingDay('2026-12-25', none)).toBe(false);
    expect(isWorkingDay('2026-05-05', none)).toBe(true);
    expect(isWorkingDay('2026-05-05', both)).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it('skips Christmas and the weekend and names the holiday it skipped', () => {
    const r = addWorkingDays('2026-12-22', 5, none);
    expect(r.date).toBe('2026-12-30');
    expect(r.skipped).toEqual([{ date: '2026-12-25', name: { nl: 'Kerstmis', en: 'Christmas Day' } }]);
  });

  it('counts 10 working days over King’s Day, with Liberation Day as a setting', () => {
    expect(addWorkingDays('2026-04-28', 10, none).date).toBe('2026-05-12');
    const withLiberation = addWorkingDays('2026-04-28', 10, both);
    expect(withLiberation.date).toBe('2026-05-13');
    expect(withLiberation.skipped.map((s) => s.name.en)).toEqual(['Liberation Day']);
    expect(addWorkingDays('2026-04-20', 10, none).skipped.map((s) => s.date)).toEqual(['2026-04-27']);
  });

  it('counts backwards for negative n', () => {
    expect(addWorkingDays('2027-01-04', -1, none).date).toBe('2026-12-31');
    const back = addWorkingDays('2026-12-29', -2, none);
    expect(back.date).toBe('2026-12-24');
    expect(back.skipped.map((s) => s.date)).toEqual(['2026-12-25']);
  });

  it('n = 0 gives the date itself on a working day, else the next one', () => {
    expect(addWorkingDays('2026-11-23', 0, none).date).toBe('2026-11-23');
    expect(addWorkingDays('2026-12-25', 0, none).date).toBe('2026-12-28');
    expect(nextWorkingDay('2026-12-26', none)).toBe('2026-12-28');
  });

  it('rejects bad input', () => {
    expect(() => addWorkingDays('2026-13-01', 1, none)).toThrow(/calendar date/);
    expect(() => addWorkingDays('2026-01-05', 1.5, none)).toThrow(/whole number/);
  });
});

describe('previousWorkingDay', () => {
  it('returns the date itself on a working day, else the closest earlier working day', () => {
    expect(previousWorkingDay('2026-11-23', none)).toBe('2026-11-23');
    expect(previousWorkingDay('2026-11-29', none)).toBe('2026-11-27');
    expect(previousWorkingDay('2026-04-06', none)).toBe('2026-04-03');
    expect(previousWorkingDay('2026-04-06', both)).toBe('2026-04-02');
    expect(previousWorkingDay('2027-01-01', none)).toBe('2026-12-31');
  });
});

// Start dates spread over 2019–2031, weighted towards the weeks that break naive sums: the
// daylight-saving changes (end of March, end of October), Easter–Whitsun, and the turn of the year.
const dayOffset = fc.integer({ min: 0, max: 365 * 12 });
const anyDate = dayOffset.map((d) => addDays('2019-01-01', d));
const edgeDate = fc
  .record({
    year: fc.integer({ min: 2019, max: 2031 }),
    anchor: fc.constantFrom('03-25', '10-24', '12-20', '04-20', '05-01'),
    shift: fc.integer({ min: -10, max: 10 }),
  })
  .map(({ year, anchor, shift }) => addDays(`${year}-${anchor}`, shift));
const startDate = fc.oneof(anyDate, edgeDate);
const settings = fc.record({ goodFriday: fc.boolean(), liberationDay: fc.boolean() });

describe('addWorkingDays properties', () => {
  it('never lands on a weekend or holiday', () => {
    fc.assert(
      fc.property(startDate, fc.integer({ min: -60, max: 60 }), settings, (start, n, s) => {
        const { date } = addWorkingDays(start, n, s);
        return isoWeekday(date) <= 5 && holidayOn(date, s) === undefined;
      }),
      { numRuns: 400 },
    );
  });

  it('going forward n and back n from a working day returns to the start', () => {
    fc.assert(
      fc.property(startDate, fc.integer({ min: 1, max: 60 }), settings, (start, n, s) => {
        const from = nextWorkingDay(start, s);
        const there = addWorkingDays(from, n, s).date;
        return addWorkingDays(there, -n, s).date === from && addWorkingDays(addWorkingDays(from, -n, s).date, n, s).date === from;
      }),
      { numRuns: 400 },
    );
  });

  it('passes exactly n working days, and the skipped list holds exactly the weekday holidays in between', () => {
    fc.assert(
      fc.property(startDate, fc.integer({ min: 1, max: 40 }), settings, (start, n, s) => {
        const { date, skipped } = addWorkingDays(start, n, s);
        let working = 0;
        const holidays: string[] = [];
        for (let d = addDays(start, 1); d <= date; d = addDays(d, 1)) {
          if (isWorkingDay(d, s)) working++;
          else if (isoWeekday(d) <= 5) holidays.push(d);
        }
        expect(working).toBe(n);
        expect(skipped.map((x) => x.date)).toEqual(holidays);
      }),
      { numRuns: 200 },
    );
  });

  it('is monotonic from a working day: one more working day is strictly later', () => {
    fc.assert(
      fc.property(startDate, fc.integer({ min: -30, max: 30 }), settings, (start, n, s) => {
        const from = nextWorkingDay(start, s);
        return addWorkingDays(from, n + 1, s).date > addWorkingDays(from, n, s).date;
      }),
      { numRuns: 200 },
    );
  });

  it('crosses the DST weeks of 2026 by calendar days, not 24-hour blocks', () => {
    expect(addWorkingDays('2026-03-27', 1, none).date).toBe('2026-03-30');
    expect(addWorkingDays('2026-10-23', 1, none).date).toBe('2026-10-26');
    // 28 March 2027 is both the DST change and Easter Sunday; Easter Monday is skipped too.
    const easter = addWorkingDays(formatYmd(2027, 3, 26), 1, none);
    expect(easter.date).toBe('2027-03-30');
    expect(easter.skipped).toEqual([{ date: '2027-03-29', name: { nl: 'Tweede paasdag', en: 'Easter Monday' } }]);
  });
});

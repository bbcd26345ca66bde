import { formatYmd, isValidYmd, parseYmd } from '../dates/calendar-date.js';
import type { Milestone } from './milestone.js';

/** One dated happening of a milestone; month precision uses the first day of the month. */
export interface Occurrence {
  readonly date: string;
  readonly precision: 'day' | 'month';
}

/**
 * The occurrences of a milestone between `fromDate` and `toDate` (YYYY-MM-DD, both inclusive),
 * in date order. A dated milestone gives at most one; a month milestone gives the first of its
 * month when that lies in the range; a yearly rule gives one per year (29 February only in leap years).
 * @example milestoneOccurrences(policyByFirstApril, '2026-01-01', '2027-12-31') → 2026-04-01, 2027-04-01
 */
export function milestoneOccurrences(m: Pick<Milestone, 'when'>, fromDate: string, toDate: string): Occurrence[] {
  if (!isValidYmd(fromDate) || !isValidYmd(toDate)) throw new Error(`Not a calendar date range: ${fromDate} – ${toDate}`);
  if (fromDate > toDate) return [];
  const inRange = (d: string) => d >= fromDate && d <= toDate;
  const when = m.when;
  switch (when.kind) {
    case 'date':
      return inRange(when.date) ? [{ date: when.date, precision: 'day' }] : [];
    case 'month': {
      const date = `${when.month}-01`;
      return inRange(date) ? [{ date, precision: 'month' }] : [];
    }
    case 'yearly': {
      const out: Occurrence[] = [];
      for (let year = parseYmd(fromDate).year; year <= parseYmd(toDate).year; year++) {
        const date = formatYmd(year, when.month, when.day);
        if (isValidYmd(date) && inRange(date)) out.push({ date, precision: 'day' });
      }
      return out;
    }
  }
}

/**
 * The first occurrence on or after `today`, if any (yearly rules always have one);
 * searches up to `horizonYears` ahead.
 */
export function nextOccurrence(m: Pick<Milestone, 'when'>, today: string, horizonYears = 2): Occurrence | undefined {
  const { year } = parseYmd(today);
  return milestoneOccurrences(m, today, formatYmd(year + horizonYears, 12, 31))[0];
}

/** The last occurrence before `today`, if any, searching back `horizonYears`. */
export function previousOccurrence(m: Pick<Milestone, 'when'>, today: string, horizonYears = 20): Occurrence | undefined {
  const { year } = parseYmd(today);
  const list = milestoneOccurrences(m, formatYmd(year - horizonYears, 1, 1), today).filter((o) => o.date < today);
  return list[list.length - 1];
}

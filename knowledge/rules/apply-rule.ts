import type { HolidaySettings } from '../dates/holiday-settings.js';
import { addDays, formatYmd, isValidYmd, parseYmd } from '../dates/calendar-date.js';
import { addWorkingDays, type SkippedHoliday } from '../dates/working-days.js';
import type { AnchorRule, DurationRule } from './relative-rule.js';

export interface RuleResult {
  readonly date: string;
  /** Public holidays on weekdays the working-day count passed over (empty for calendar periods). */
  readonly skipped: readonly SkippedHoliday[];
  /** How the date was counted, e.g. { amount: 10, unit: 'working-days' } for "2 werkweken". */
  readonly counted: { readonly amount: number; readonly unit: 'working-days' | 'days' | 'months' };
}

/** Adds calendar months, clamping to the month's last day (31 May − 3 months → 28/29 February). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parseYmd(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return formatYmd(y, m, Math.min(day, last));
}

/**
 * Applies a relative rule to the date of its event: working days skip weekends and Dutch public
 * holidays (Good Friday and Liberation Day per `settings`); a working week is 5 working days;
 * weeks and days are calendar days; months are calendar months. `before` counts backwards.
 * @example applyRule(gcp5WorkingDays, '2026-12-22', settings) → { date: '2026-12-30', skipped: [Kerstmis] }
 */
export function applyRule(rule: Pick<DurationRule, 'duration' | 'direction'>, eventDate: string, settings: HolidaySettings): RuleResult {
  if (!isValidYmd(eventDate)) throw new Error(`Not a calendar date: ${eventDate}`);
  const sign = rule.direction === 'before' ? -1 : 1;
  const { amount, unit } = rule.duration;
  switch (unit) {
    case 'working-days':
    case 'working-weeks': {
      const n = unit === 'working-weeks' ? amount * 5 : amount;
      const r = addWorkingDays(eventDate, sign * n, settings);
      return { date: r.date, skipped: r.skipped, counted: { amount: n, unit: 'working-days' } };
    }
    case 'days':
      return { date: addDays(eventDate, sign * amount), skipped: [], counted: { amount, unit: 'days' } };
    case 'weeks':
      return { date: addDays(eventDate, sign * amount * 7), skipped: [], counted: { amount: amount * 7, unit: 'days' } };
    case 'months':
      return { date: addMonths(eventDate, sign * amount), skipped: [], counted: { amount, unit: 'months' } };
  }
}

/**
 * The date an anchor rule gives for an event date: `first-day-of-month` → the first calendar day
 * of the event's month ("aanvraag op 17 maart 2026" → 2026-03-01).
 */
export function applyAnchor(rule: Pick<AnchorRule, 'anchor'>, eventDate: string): string {
  if (!isValidYmd(eventDate)) throw new Error(`Not a calendar date: ${eventDate}`);
  switch (rule.anchor) {
    case 'first-day-of-month': {
      const { year, month } = parseYmd(eventDate);
      return formatYmd(year, month, 1);
    }
  }
}

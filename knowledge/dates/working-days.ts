import type { HolidaySettings } from './holiday-settings.js';
import { addDays, isoWeekday, isValidYmd } from './calendar-date.js';
import { holidayOn } from './dutch-holidays.js';

/** A day a working-day sum passed over because it is a public holiday (weekends are not listed). */
export interface SkippedHoliday {
  readonly date: string;
  readonly name: { readonly nl: string; readonly en: string };
}

/** True when a calendar date (YYYY-MM-DD) is Monday–Friday and not a Dutch public holiday under `settings`. */
export function isWorkingDay(date: string, settings: HolidaySettings): boolean {
  return isoWeekday(date) <= 5 && holidayOn(date, settings) === undefined;
}

/**
 * Adds `n` working days to a date (n may be negative: counts backwards). The start date itself
 * never counts; the result is always a working day (for n = 0: the start when it is a working day,
 * else the next one). `skipped` lists the public holidays on weekdays passed over on the way.
 * @example addWorkingDays('2026-12-22', 5, settings) → { date: '2026-12-30', skipped: [Kerstmis 25 December] }
 */
export function addWorkingDays(date: string, n: number, settings: HolidaySettings): { date: string; skipped: SkippedHoliday[] } {
  if (!isValidYmd(date)) throw new Error(`Not a calendar date: ${date}`);
  if (!Number.isInteger(n)) throw new Error(`Working days must be a whole number, got ${n}`);
  const skipped: SkippedHoliday[] = [];
  const step = n < 0 ? -1 : 1;
  let current = date;
  let remaining = Math.abs(n);
  if (n === 0) {
    while (!isWorkingDay(current, settings)) current = noteAndStep(current, 1, settings, skipped);
    return { date: current, skipped };
  }
  while (remaining > 0) {
    current = addDays(current, step);
    const holiday = holidayOn(current, settings);
    if (isoWeekday(current) > 5) continue;
    if (holiday) {
      skipped.push({ date: current, name: holiday });
      continue;
    }
    remaining--;
  }
  return { date: current, skipped };
}

function noteAndStep(date: string, step: number, settings: HolidaySettings, skipped: SkippedHoliday[]): string {
  const holiday = holidayOn(date, settings);
  if (holiday && isoWeekday(date) <= 5) skipped.push({ date, name: holiday });
  return addDays(date, step);
}

/** The date itself when it is a working day, else the closest working day before it. */
export function previousWorkingDay(date: string, settings: HolidaySettings): string {
  if (!isValidYmd(date)) throw new Error(`Not a calendar date: ${date}`);
  let current = date;
  while (!isWorkingDay(current, settings)) current = addDays(current, -1);
  return current;
}

/** The date itself when it is a working day, else the first working day after it. */
export function nextWorkingDay(date: string, settings: HolidaySettings): string {
  return addWorkingDays(date, 0, settings).date;
}

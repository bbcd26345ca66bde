import { TZDate } from '@date-fns/tz';
import { z } from 'zod';

/** The time zone every calendar date in ContractBot is reckoned in. */
export const TIME_ZONE = 'Europe/Amsterdam';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Europe/Amsterdam calendar date (YYYY-MM-DD) of an instant. */
export function amsterdamDate(instant: Date): string {
  const d = new TZDate(instant.getTime(), TIME_ZONE);
  return formatYmd(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

export function formatYmd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Splits a YYYY-MM-DD date; throws on anything else (callers validate user input first). */
export function parseYmd(date: string): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`Not a calendar date: ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** True for a real calendar date in YYYY-MM-DD form (rejects 2026-02-30). */
export function isValidYmd(date: string): boolean {
  const m = ISO_DATE.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** A zod string that must be a calendar date in YYYY-MM-DD form. */
export const calendarDateSchema = z.string().refine(isValidYmd, 'must be a calendar date (YYYY-MM-DD)');

/** A zod string that must be a calendar month in YYYY-MM form. */
export const calendarMonthSchema = z.string().refine((month) => isValidYmd(`${month}-01`), 'must be a calendar month (YYYY-MM)');

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. DST-proof. */
export function daysBetween(from: string, to: string): number {
  const a = parseYmd(from);
  const b = parseYmd(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** Adds whole calendar days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseYmd(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return formatYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** ISO weekday of a YYYY-MM-DD date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const { year, month, day } = parseYmd(date);
  const wd = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/** The instant at which a wall-clock time happens on a calendar date in Europe/Amsterdam. */
export function amsterdamInstant(date: string, hour = 0, minute = 0): Date {
  const { year, month, day } = parseYmd(date);
  return new Date(new TZDate(year, month - 1, day, hour, minute, 0, TIME_ZONE).getTime());
}

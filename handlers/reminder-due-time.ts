import type { HolidaySettings } from './context.js';
import { addDays, amsterdamInstant } from '../knowledge/dates/calendar-date.js';
import { previousWorkingDay } from '../knowledge/dates/working-days.js';

/** Reminders go out at 09:00 Europe/Amsterdam unless a subscription names its own time of day. */
export const REMINDER_HOUR = 9;
/** The default time of day of a subscription ("HH:MM", Europe/Amsterdam). */
export const DEFAULT_TIME_OF_DAY = '09:00';

/** "HH:MM" (00:00–23:59) → hour and minute; undefined for anything else. */
export function parseTimeOfDay(text: string): { hour: number; minute: number } | undefined {
  const [h = '', m = '', ...rest] = text.split(':');
  const digits = (s: string) => s.length === 2 && [...s].every((c) => c >= '0' && c <= '9');
  if (rest.length > 0 || !digits(h) || !digits(m)) return undefined;
  const hour = Number(h);
  const minute = Number(m);
  return hour <= 23 && minute <= 59 ? { hour, minute } : undefined;
}

/**
 * The calendar date a reminder is due: `leadDays` before the milestone date, moved back to the
 * previous working day when that is a weekend day or a Dutch public holiday (per `holidays`).
 * @example reminderDueDate('2027-04-01', 7, settings) → '2027-03-25' (a Thursday)
 * @example reminderDueDate('2026-04-13', 7, settings) → '2026-04-06' is Easter Monday → '2026-04-03'
 */
export function reminderDueDate(occurrenceDate: string, leadDays: number, holidays: HolidaySettings): string {
  return previousWorkingDay(addDays(occurrenceDate, -leadDays), holidays);
}

/**
 * The instant a reminder is due: `timeOfDay` ("HH:MM", default 09:00) Europe/Amsterdam on
 * {@link reminderDueDate}, DST-aware (14:00 is 12:00 UTC in summer and 13:00 UTC in winter).
 */
export function reminderDueAt(occurrenceDate: string, leadDays: number, holidays: HolidaySettings, timeOfDay: string = DEFAULT_TIME_OF_DAY): Date {
  const time = parseTimeOfDay(timeOfDay) ?? { hour: REMINDER_HOUR, minute: 0 };
  return amsterdamInstant(reminderDueDate(occurrenceDate, leadDays, holidays), time.hour, time.minute);
}

import type { HolidaySettings } from '../../handlers/context.js';
import { addDays, amsterdamInstant } from '../../knowledge/dates/calendar-date.js';
import { previousWorkingDay } from '../../knowledge/dates/working-days.js';

/** Reminders go out at 09:00 Europe/Amsterdam. */
export const REMINDER_HOUR = 9;

/**
 * The calendar date a reminder is due: `leadDays` before the milestone date, moved back to the
 * previous working day when that is a weekend day or a Dutch public holiday (per `holidays`).
 * @example reminderDueDate('2027-04-01', 7, settings) → '2027-03-25' (a Thursday)
 * @example reminderDueDate('2026-04-13', 7, settings) → '2026-04-06' is Easter Monday → '2026-04-03'
 */
export function reminderDueDate(occurrenceDate: string, leadDays: number, holidays: HolidaySettings): string {
  return previousWorkingDay(addDays(occurrenceDate, -leadDays), holidays);
}

/** The instant a reminder is due: 09:00 Europe/Amsterdam on {@link reminderDueDate} (DST-aware). */
export function reminderDueAt(occurrenceDate: string, leadDays: number, holidays: HolidaySettings): Date {
  return amsterdamInstant(reminderDueDate(occurrenceDate, leadDays, holidays), REMINDER_HOUR, 0);
}

import { isoWeekday, parseYmd } from '../knowledge/dates/calendar-date.js';
import type { Language } from './types.js';

const MONTHS: Record<Language, readonly string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const WEEKDAYS: Record<Language, readonly string[]> = {
  nl: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

export function monthName(month: number, language: Language): string {
  return MONTHS[language][month - 1] ?? String(month);
}

export function weekdayName(date: string, language: Language): string {
  return WEEKDAYS[language][isoWeekday(date) - 1] ?? '';
}

/**
 * A calendar date for people: "maandag 9 november 2023" / "Thursday 9 November 2023";
 * month precision gives "oktober 2023" / "October 2023".
 */
export function dateLabel(date: string, precision: 'day' | 'month', language: Language): string {
  const { year, month, day } = parseYmd(date);
  if (precision === 'month') return `${monthName(month, language)} ${year}`;
  return `${weekdayName(date, language)} ${day} ${monthName(month, language)} ${year}`;
}

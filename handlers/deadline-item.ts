import { addDays, daysBetween, parseYmd } from '../knowledge/dates/calendar-date.js';
import type { Milestone } from '../knowledge/milestones/milestone.js';
import type { Occurrence } from '../knowledge/milestones/occurrences.js';
import type { DeadlineItem, DeadlineStatus, Language } from './types.js';

/** Last day of the month a month-precision occurrence stands for. */
function endOfMonth(date: string): string {
  const { year, month } = parseYmd(date);
  return addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`, -1);
}

/**
 * Status of an occurrence relative to the user's today (Europe/Amsterdam calendar date).
 * A month-precision occurrence ("Oktober 2023") is `today` during the whole month; a span of
 * months ("eerste kwartaal 2025", `throughMonth` 2025-03) during the whole span.
 */
export function deadlineStatus(occurrence: Occurrence, today: string, throughMonth?: string): DeadlineStatus {
  const last = occurrence.precision === 'month' ? endOfMonth(throughMonth !== undefined ? `${throughMonth}-01` : occurrence.date) : occurrence.date;
  if (last < today) return 'past';
  if (occurrence.date > today) return 'upcoming';
  return 'today';
}

/**
 * One milestone occurrence as shown to a user: label in the user's language, status and whole
 * calendar days from `today` (YYYY-MM-DD, the Europe/Amsterdam date of `context.now`).
 * @example toDeadlineItem(zzSign, { date: '2023-11-09', precision: 'day' }, '2026-11-23', 'en') → status 'past', daysFromNow -1110
 */
export function toDeadlineItem(m: Milestone, occurrence: Occurrence, today: string, language: Language): DeadlineItem {
  return {
    date: occurrence.date,
    precision: occurrence.precision,
    label: m.label[language],
    insurer: m.insurer,
    documentId: m.documentId,
    status: deadlineStatus(occurrence, today, m.when.kind === 'month' ? m.when.through : undefined),
    daysFromNow: daysBetween(today, occurrence.date),
    milestoneId: m.id,
    actor: m.actor,
    quote: m.quote,
    section: m.section,
  };
}

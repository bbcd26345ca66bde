import type { Actor } from '../knowledge/milestones/milestone.js';
import { monthName } from './format-date.js';
import { messages } from './messages/messages.js';
import type { DeadlineItem, Language } from './types.js';

/** "passed, 1110 days ago" / "nog 12 dagen": the status of an item relative to the user's today. */
export function statusPhrase(item: Pick<DeadlineItem, 'status' | 'daysFromNow' | 'precision'>, language: Language): string {
  const n = Math.abs(item.daysFromNow);
  const m = messages(language).deadline;
  switch (item.status) {
    case 'past':
      return m.passed(n);
    case 'today':
      return item.precision === 'month' ? m.thisMonth : m.today;
    case 'upcoming':
      return m.daysLeft(n);
  }
}

/** Whose deadline it is, in words. */
export function actorPhrase(actor: Actor | string | undefined, insurer: string | null, language: Language): string {
  const m = messages(language).deadline;
  switch (actor) {
    case 'zorgaanbieder':
      return m.actor.provider;
    case 'zorgverzekeraar':
      return insurer ?? m.actor.insurer;
    case 'NZa':
      return m.actor.nza;
    case 'zorgaanbieder en zorgverzekeraar':
      return m.together(insurer);
    default:
      return m.actor.unknown;
  }
}

/** "elk jaar op 7 november" / "every year on 7 November". */
export function yearlyPhrase(month: number, day: number, language: Language): string {
  return messages(language).deadline.everyYear(day, monthName(month, language));
}

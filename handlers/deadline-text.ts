import type { Actor } from '../knowledge/milestones/milestone.js';
import { monthName } from './format-date.js';
import type { DeadlineItem, Language } from './types.js';

/** "passed, 1110 days ago" / "nog 12 dagen": the status of an item relative to the user's today. */
export function statusPhrase(item: Pick<DeadlineItem, 'status' | 'daysFromNow' | 'precision'>, language: Language): string {
  const n = Math.abs(item.daysFromNow);
  const nl = language === 'nl';
  switch (item.status) {
    case 'past':
      return nl ? `verstreken (${n} ${n === 1 ? 'dag' : 'dagen'} geleden)` : `passed (${n} ${n === 1 ? 'day' : 'days'} ago)`;
    case 'today':
      return item.precision === 'month' ? (nl ? 'deze maand' : 'this month') : nl ? 'vandaag' : 'today';
    case 'upcoming':
      return nl ? `nog ${n} ${n === 1 ? 'dag' : 'dagen'}` : `${n} ${n === 1 ? 'day' : 'days'} left`;
  }
}

/** Whose deadline it is, in words. */
export function actorPhrase(actor: Actor | string | undefined, insurer: string | null, language: Language): string {
  const nl = language === 'nl';
  switch (actor) {
    case 'zorgaanbieder':
      return nl ? 'de zorgaanbieder (u)' : 'the provider (you)';
    case 'zorgverzekeraar':
      return insurer ?? (nl ? 'de zorgverzekeraar' : 'the insurer');
    case 'NZa':
      return nl ? 'de NZa' : 'the NZa';
    case 'zorgaanbieder en zorgverzekeraar':
      return nl ? `zorgaanbieder en ${insurer ?? 'zorgverzekeraar'} samen` : `provider and ${insurer ?? 'insurer'} together`;
    default:
      return nl ? 'onbekend' : 'unknown';
  }
}

/** "elk jaar op 7 november" / "every year on 7 November". */
export function yearlyPhrase(month: number, day: number, language: Language): string {
  return language === 'nl' ? `elk jaar op ${day} ${monthName(month, 'nl')}` : `every year on ${day} ${monthName(month, 'en')}`;
}

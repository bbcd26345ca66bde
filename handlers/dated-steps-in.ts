import { amsterdamDate } from '../knowledge/dates/calendar-date.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { quoteKey } from '../knowledge/milestones/locate-quote.js';
import { occurrenceToShow } from './deadline-occurrence.js';
import { toDeadlineItem } from './deadline-item.js';
import type { DeadlineItem, Language } from './types.js';

const DAY_MONTH = /\b\d{1,2}\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b/i;

/**
 * The catalogued dated steps a quoted passage states (their source quote stands in it), as
 * deadline items: a document answer that quotes "uiterlijk 1 april 2017 … de gehele cyclus" also
 * gives that date with its status. Passages without a written date cost nothing.
 */
export function datedStepsIn(knowledge: KnowledgeBase, documentId: string, passageText: string, now: Date, language: Language, limit = 2): DeadlineItem[] {
  if (!DAY_MONTH.test(passageText)) return [];
  const text = quoteKey(passageText);
  const today = amsterdamDate(now);
  return knowledge.milestones
    .filter((m) => m.documentId === documentId && m.verified)
    .map((m) => ({ m, at: text.indexOf(quoteKey(m.quote)) }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)
    .slice(0, limit)
    .map(({ m }) => toDeadlineItem(m, occurrenceToShow(m, today), today, language));
}

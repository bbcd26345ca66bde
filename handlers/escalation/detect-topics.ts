import type { EscalationTopic } from '../../knowledge/escalation/escalation-item.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import { TermMatcher } from '../../knowledge/vocabulary/term-matcher.js';

const matchers = new WeakMap<KnowledgeBase['escalation'], TermMatcher<EscalationTopic>>();

/**
 * The checklist topics a request names, in order of first mention (Dutch or English keywords from
 * the data file, case- and accent-insensitive; a keyword ending in `*` matches any ending).
 * @example detectTopics(kb, 'escalatie checklist Z&Z, cruciale ggz en tariefkortingen') → ['crucial', 'tariffs']
 */
export function detectTopics(kb: KnowledgeBase, text: string): EscalationTopic[] {
  let matcher = matchers.get(kb.escalation);
  if (!matcher) {
    matcher = new TermMatcher(kb.escalation.topics.map((t) => [t.id, t.keywords] as const));
    matchers.set(kb.escalation, matcher);
  }
  return matcher.values(text);
}

import { fold } from '../../knowledge/fold.js';
import { glossaryMatches } from '../../knowledge/glossary.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';

/** The most topic terms a question keeps for its follow-ups. */
const MAX_TOPICS = 12;

/**
 * What a document question is about, as terms of the glossary (data, not the user's text): the
 * glossary terms it names, folded, without insurer names and sectors (those are slots of their
 * own, so "en wat zegt Zorg en Zekerheid daarover?" can replace them). A follow-up searches these
 * again; conversation memory keeps them instead of the message.
 * @example questionTopics(kb, "What is VGZ's policy on e-health in basic GGZ?") // ['policy', 'e-health', 'basic', …]
 */
export function questionTopics(kb: KnowledgeBase, text: string): string[] {
  const topics: string[] = [];
  for (const match of glossaryMatches(kb.glossary, text)) {
    if (kb.insurers.find(match.matched).length > 0 || kb.sectors.find(match.matched).length > 0) continue;
    const term = fold(match.matched);
    if (!topics.includes(term)) topics.push(term);
  }
  return topics.slice(0, MAX_TOPICS);
}

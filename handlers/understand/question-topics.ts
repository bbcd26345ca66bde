import { fold } from '../../knowledge/fold.js';
import { glossaryMatches } from '../../knowledge/glossary.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';

/** The most topic terms a question keeps for its follow-ups. */
const MAX_TOPICS = 12;
/** The shortest document word kept as a topic besides the glossary terms ("hersteleuro", not "mean"). */
const MIN_WORD = 6;

/**
 * What a document question is about, as terms of the glossary (data, not the user's text): the
 * glossary terms it names, folded, without insurer names and sectors (those are slots of their
 * own, so "en wat zegt Zorg en Zekerheid daarover?" can replace them); a question naming no
 * glossary term is kept by its longer content words that occur in the documents ("hersteleuro"):
 * words of the documents, not free text. A
 * follow-up searches these again; conversation memory keeps them instead of the message.
 * @example questionTopics(kb, "What is VGZ's policy on e-health in basic GGZ?") // ['policy', 'e-health', 'basic', …]
 */
export function questionTopics(kb: KnowledgeBase, text: string, words: readonly string[] = []): string[] {
  const topics: string[] = [];
  const other = (term: string) => kb.insurers.find(term).length > 0 || kb.sectors.find(term).length > 0;
  for (const match of glossaryMatches(kb.glossary, text)) {
    if (other(match.matched)) continue;
    const term = fold(match.matched);
    if (!topics.includes(term)) topics.push(term);
  }
  // Without a glossary term, its longer words found in the documents stand for what it asks ("hersteleuro").
  if (topics.length > 0) return topics.slice(0, MAX_TOPICS);
  for (const word of words) {
    if (word.length < MIN_WORD || topics.includes(word) || other(word) || !kb.index().hasWord(word)) continue;
    topics.push(word);
  }
  return topics.slice(0, MAX_TOPICS);
}

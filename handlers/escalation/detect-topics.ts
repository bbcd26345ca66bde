import type { EscalationTopic } from '../../knowledge/escalation/escalation-item.js';
import { loadEscalationSteps } from '../../knowledge/escalation/load-escalation-steps.js';
import { escapeRegExp, fold } from '../../knowledge/fold.js';

let compiled: readonly { id: EscalationTopic; pattern: RegExp }[] | undefined;

function topicPatterns(): readonly { id: EscalationTopic; pattern: RegExp }[] {
  compiled ??= loadEscalationSteps().topics.map((topic) => {
    const alternatives = topic.keywords.map((k) => {
      const prefix = k.endsWith('*');
      const word = escapeRegExp(fold(prefix ? k.slice(0, -1) : k)).replace(/ /g, '\\s+');
      return prefix ? word : `${word}(?![\\p{L}\\p{N}])`;
    });
    return { id: topic.id, pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'u') };
  });
  return compiled;
}

/**
 * The checklist topics a request names, in order of first mention (Dutch or English keywords from
 * the data file, case- and accent-insensitive).
 * @example detectTopics('escalatie checklist Z&Z, cruciale ggz en tariefkortingen') → ['crucial', 'tariffs']
 */
export function detectTopics(text: string): EscalationTopic[] {
  const folded = fold(text);
  return topicPatterns()
    .map(({ id, pattern }) => ({ id, index: folded.search(pattern) }))
    .filter((t) => t.index >= 0)
    .sort((a, b) => a.index - b.index)
    .map((t) => t.id);
}

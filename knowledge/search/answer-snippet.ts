import { sentenceSpans, type Span } from '../ingest/sentences.js';
import type { Passage } from '../ingest/passages.js';
import { conceptMatch, type QueryConcept } from './query-concepts.js';
import { analyze, type IndexLanguage } from './dutch-lunr.js';
import { joinedCompounds } from './search-index.js';

/** The part of a passage that answers: whole sentences (or list items), in document order. */
export interface Snippet extends Span {
  readonly text: string;
  /** Whether sentences of the passage were left out before or after. */
  readonly trimmedBefore: boolean;
  readonly trimmedAfter: boolean;
}

/** How fully (0..1) a sentence expresses each concept. */
function sentenceConcepts(text: string, concepts: readonly QueryConcept[], language: IndexLanguage): number[] {
  const terms = new Set([...analyze(text, language), ...analyze(joinedCompounds(text), language)]);
  return concepts.map((c) => conceptMatch(c, (t) => terms.has(t), text));
}

function weightOf(matched: readonly number[], concepts: readonly { weight: number }[]): number {
  return matched.reduce((sum, share, i) => sum + share * (concepts[i]?.weight ?? 0), 0);
}

function sentenceScore(text: string, concepts: readonly (QueryConcept & { weight: number })[], language: IndexLanguage): number {
  return weightOf(sentenceConcepts(text, concepts, language), concepts);
}

/** How far past `maxChars` a neighbour may take the snippet when it says something asked that the snippet lacks. */
const NEW_CONCEPT_ALLOWANCE = 1.6;

/**
 * Trims a passage to the sentences that answer: the sentence that covers most of the question
 * (weighted by concept rarity), widened with neighbours that also match, a lead-in it depends on
 * ("… de volgende eisen:") or the list items a lead-in introduces, up to about `maxChars` (a
 * neighbour that adds a concept the snippet still lacks may take it to 1.6 × `maxChars`).
 * Sentences are never cut; offsets index the cleaned document like the passage's.
 */
export function answerSnippet(
  passage: Passage,
  concepts: readonly (QueryConcept & { weight: number })[],
  language: IndexLanguage,
  maxChars = 420,
): Snippet {
  const spans = sentenceSpans(passage.text, passage.start);
  if (spans.length === 0) return { start: passage.start, end: passage.end, text: passage.text, trimmedBefore: false, trimmedAfter: false };
  const slice = (s: Span) => passage.text.slice(s.start - passage.start, s.end - passage.start);
  const matched = spans.map((s) => sentenceConcepts(slice(s), concepts, language));
  const scores = matched.map((m) => weightOf(m, concepts));
  let best = 0;
  scores.forEach((score, i) => {
    if (score > (scores[best] ?? 0)) best = i;
  });
  // When the section's own heading names what was asked ("Welke beleidsuitgangspunten gelden …?"
  // under "B. Landelijk overeengekomen beleidsuitgangspunten") better than any one sentence, the
  // section as a whole answers: start at the top of the passage (after the heading line itself).
  const heading = passage.sectionPath[passage.sectionPath.length - 1];
  const fromTop = heading !== undefined && sentenceScore(heading, concepts, language) > (scores[best] ?? 0);
  if (fromTop) {
    const first = spans[0] ? slice(spans[0]).replace(/:$/, '').trim() : '';
    best = spans.length > 1 && heading.startsWith(first.replace(/^[•●▪◦‣∙·]\s+/u, '')) ? 1 : 0;
  }
  let first = best;
  let last = best;
  const length = () => (spans[last]?.end ?? 0) - (spans[first]?.start ?? 0);
  const endsWithColon = (i: number) => /:$/.test(slice(spans[i] as Span));
  const isListItem = (i: number) => /^(?:[•●▪◦‣∙·–-]|o|\d{1,2}[.)]|[a-z][.)])\s/u.test(slice(spans[i] as Span));
  // Inside a list introduced by a selected lead-in, the items belong to the answer.
  const introducesList = () => {
    for (let i = first; i <= last; i++) if (endsWithColon(i)) return [...Array(last - i).keys()].every((k) => isListItem(i + 1 + k));
    return false;
  };
  for (;;) {
    const before = first - 1;
    const after = last + 1;
    const canBefore = before >= 0 && (endsWithColon(before) || (scores[before] ?? 0) > 0);
    const listContinues = after < spans.length && isListItem(after) && introducesList();
    const canAfter = after < spans.length && (fromTop || endsWithColon(last) || listContinues || (scores[after] ?? 0) > 0);
    const grow = canBefore && (!canAfter || endsWithColon(before) || (scores[before] ?? 0) >= (scores[after] ?? 0)) ? before : canAfter ? after : -1;
    if (grow < 0) break;
    const next = grow === before ? (spans[last]?.end ?? 0) - (spans[before]?.start ?? 0) : (spans[after]?.end ?? 0) - (spans[first]?.start ?? 0);
    const listAllowance = grow === after && listContinues ? maxChars * 1.5 : maxChars;
    // A neighbour that names a concept the snippet lacks ("Onder meerjarig wordt verstaan …" after
    // "… meerjarige contracten …" for "what counts as a multi-year contract") may exceed the budget.
    const covered = (i: number) => Math.max(...matched.slice(first, last + 1).map((m) => m[i] ?? 0));
    const addsConcept = (matched[grow] ?? []).some((share, i) => share > covered(i));
    if (
      next > listAllowance &&
      !(grow === after && endsWithColon(last) && length() < maxChars / 3) &&
      !(addsConcept && next <= maxChars * NEW_CONCEPT_ALLOWANCE)
    ) {
      break;
    }
    if (grow === before) first = before;
    else last = after;
  }
  const start = spans[first]?.start ?? passage.start;
  const end = spans[last]?.end ?? passage.end;
  return {
    start,
    end,
    text: passage.text.slice(start - passage.start, end - passage.start),
    trimmedBefore: first > 0,
    trimmedAfter: last < spans.length - 1,
  };
}

import { withoutBullet } from '../ingest/bullets.js';
import { sentenceSpans, type Span } from '../ingest/sentences.js';
import type { InsurerCatalog } from '../vocabulary/insurer-catalog.js';
import type { Passage } from '../ingest/passages.js';
import { conceptMatch, type QueryConcept } from './query-concepts.js';
import type { IndexLanguage } from './dutch-lunr.js';
import { sentenceTerms, type PassageSentences } from './search-index.js';

/** The part of a passage that answers: whole sentences (or list items), in document order. */
export interface Snippet extends Span {
  /** The chosen sentences; where sentences between them were left out, " … " stands for them. */
  readonly text: string;
  /** Whether sentences of the passage were left out before or after. */
  readonly trimmedBefore: boolean;
  readonly trimmedAfter: boolean;
}

type WeightedConcepts = readonly (QueryConcept & { weight: number })[];

/** Terms sharing at least this many leading letters, and this share of the longer one, are one word in another form. */
const PREFIX_LETTERS = 6;
const PREFIX_SHARE = 0.6;
/** What a word in another form ("definitie" for "definieert", "verstaan" for "verstaat") counts for. */
const OTHER_FORM = 0.5;

function sameWordOtherForm(a: string, b: string): boolean {
  if (a.length < PREFIX_LETTERS || b.length < PREFIX_LETTERS) return false;
  let common = 0;
  while (common < a.length && a[common] === b[common]) common++;
  return common >= PREFIX_LETTERS && common >= PREFIX_SHARE * Math.max(a.length, b.length);
}

/**
 * How fully (0..1) a sentence expresses each concept: its own terms fully; a word of the question
 * the stemmer left in another form ("beschrijven" / "beschrijf") by half; the insurer whose policy
 * the passage is from fully, in every sentence of it.
 */
function sentenceConcepts(text: string, concepts: readonly QueryConcept[], language: IndexLanguage, given: readonly boolean[], known?: ReadonlySet<string>): number[] {
  const terms = known ?? sentenceTerms(text, language);
  return concepts.map((c, i) => {
    if (given[i]) return 1;
    const share = conceptMatch(c, (t) => terms.has(t), text);
    if (share >= 1) return share;
    const other = conceptMatch(c, (t) => [...terms].some((s) => sameWordOtherForm(s, t)));
    return Math.max(share, other * OTHER_FORM);
  });
}

/** Which concepts name the insurer whose policy the passage is from ("VGZ" in VGZ's policy). */
function givenByDocument(insurer: string | null, insurers: InsurerCatalog | undefined, concepts: readonly QueryConcept[]): boolean[] {
  return concepts.map((c) => insurer !== null && insurers !== undefined && insurers.find(c.source).some((m) => m.name === insurer));
}

function weightOf(matched: readonly number[], concepts: readonly { weight: number }[]): number {
  return matched.reduce((sum, share, i) => sum + share * (concepts[i]?.weight ?? 0), 0);
}

/**
 * How far past `maxChars` the snippet may go for a sentence that states the value asked for
 * ("maximaal één jaar") or names a concept no chosen sentence names ("Onder meerjarig wordt verstaan …").
 */
const ASKED_VALUE_ALLOWANCE = 1.6;
/** A sentence away from the ones chosen joins only when it adds at least this share of the best sentence's weight. */
const DISTANT_GAIN = 0.3;
/** Sentences shorter than this between two chosen ones are kept, so the quote reads on. */
const SHORT_GAP = 80;

const LIST_ITEM = /^(?:[•●▪◦‣∙·–-]|o|\d{1,2}[.)]|[a-z][.)])\s/u;

/**
 * Chooses the sentences of a passage that answer the question, by what they say rather than
 * where they stand:
 * 1. the sentence that covers most of the question (concepts weighted by rarity) is the anchor;
 * 2. sentences anywhere in the passage that add a concept the chosen ones lack (the sentence
 *    stating the asked duration or share, a definition two sentences on) join, best gain first,
 *    within about `maxChars` (one stating the asked value or naming a concept no chosen sentence
 *    names may take it to 1.6 × `maxChars`);
 * 3. every chosen sentence brings the unit it belongs to: the whole list item or table row it
 *    stands in, the lead-in it depends on ("… de volgende eisen:") and the items a chosen lead-in
 *    introduces;
 * 4. neighbours that also match widen the quote while the budget lasts.
 * When the section's own heading names what was asked better than any sentence, the section is
 * quoted from its top. Sentences are never cut; left-out runs between chosen ones show as " … ".
 * Offsets index the cleaned document like the passage's (from the first to the last chosen sentence).
 */
export function answerSnippet(
  passage: Passage,
  concepts: WeightedConcepts,
  language: IndexLanguage,
  maxChars = 420,
  /** The insurer of the passage's document and the catalog to read insurer names with (a name the document itself is about answers nothing). */
  owner: { readonly insurer: string | null; readonly insurers: InsurerCatalog } | undefined = undefined,
  /** The passage's sentences and their terms as the index built them (else split and stemmed here). */
  analysed: PassageSentences | undefined = undefined,
): Snippet {
  const spans = analysed?.spans ?? sentenceSpans(passage.text, passage.start);
  if (spans.length === 0) return { start: passage.start, end: passage.end, text: passage.text, trimmedBefore: false, trimmedAfter: false };
  const slice = (i: number) => passage.text.slice((spans[i]?.start ?? 0) - passage.start, (spans[i]?.end ?? 0) - passage.start);
  const given = givenByDocument(owner?.insurer ?? null, owner?.insurers, concepts);
  const matched = spans.map((_, i) => sentenceConcepts(slice(i), concepts, language, given, analysed?.terms[i]));
  const scores = matched.map((m) => weightOf(m, concepts));
  const endsWithColon = (i: number) => slice(i).endsWith(':');
  const isListItem = (i: number) => LIST_ITEM.test(slice(i));
  // The line (paragraph, list item or table row) each sentence stands on.
  const lineOf: number[] = [];
  spans.forEach((s, i) => {
    const previous = spans[i - 1];
    const sameLine = previous !== undefined && !passage.text.slice(previous.end - passage.start, s.start - passage.start).includes('\n');
    lineOf.push(sameLine ? (lineOf[i - 1] ?? 0) : (lineOf[i - 1] ?? -1) + 1);
  });
  const lineStart = (i: number) => lineOf.indexOf(lineOf[i] ?? -1);
  const lineEnd = (i: number) => lineOf.lastIndexOf(lineOf[i] ?? -1);
  // A table row or list item is one unit: quoting part of it would drop the value it holds.
  const isRowOrItem = (i: number) => isListItem(lineStart(i)) || !'.!?:'.includes(slice(lineEnd(i)).at(-1) ?? '.');

  let anchor = 0;
  scores.forEach((score, i) => {
    if (score > (scores[anchor] ?? 0)) anchor = i;
  });
  // When the section's own heading names what was asked ("Welke beleidsuitgangspunten gelden …?"
  // under "B. Landelijk overeengekomen beleidsuitgangspunten") better than any one sentence, the
  // section as a whole answers: start at the top of the passage (after the heading line itself).
  const heading = passage.sectionPath[passage.sectionPath.length - 1];
  const fromTop = heading !== undefined && weightOf(sentenceConcepts(heading, concepts, language, given, analysed?.heading), concepts) > (scores[anchor] ?? 0);
  if (fromTop) {
    const line = slice(0);
    const first = (line.endsWith(':') ? line.slice(0, -1) : line).trim();
    anchor = spans.length > 1 && heading.startsWith(withoutBullet(first)) ? 1 : 0;
  }

  const chosen = new Set<number>();
  const covered = concepts.map(() => 0);
  const lengthWith = (extra: Iterable<number>) => {
    const all = [...chosen, ...extra].sort((a, b) => a - b);
    let total = 0;
    all.forEach((i, k) => {
      total += (spans[i]?.end ?? 0) - (spans[i]?.start ?? 0);
      const previous = all[k - 1];
      if (previous !== undefined && previous !== i) total += i === previous + 1 ? 1 : 3;
    });
    return total;
  };
  /** A sentence with what it cannot stand without: its row or list item, its lead-in, the items it introduces. */
  const unitOf = (i: number): number[] => {
    const unit = new Set<number>();
    const line = isRowOrItem(i) ? [lineStart(i), lineEnd(i)] : [i, i];
    for (let k = line[0] ?? i; k <= (line[1] ?? i); k++) unit.add(k);
    const before = (line[0] ?? i) - 1;
    if (before >= 0 && endsWithColon(before) && isListItem(line[0] ?? i)) unit.add(before);
    const last = line[1] ?? i;
    if (endsWithColon(last)) for (let k = last + 1; k < spans.length && isListItem(k); k++) unit.add(k);
    return [...unit].filter((k) => !chosen.has(k));
  };
  const gainOf = (unit: readonly number[]) =>
    concepts.reduce((sum, c, ci) => sum + c.weight * Math.max(0, Math.max(0, ...unit.map((k) => matched[k]?.[ci] ?? 0)) - (covered[ci] ?? 0)), 0);
  const take = (unit: readonly number[]) => {
    for (const k of unit) {
      chosen.add(k);
      (matched[k] ?? []).forEach((share, ci) => (covered[ci] = Math.max(covered[ci] ?? 0, share)));
    }
  };
  const namesNew = (unit: readonly number[]) => concepts.some((_, ci) => (covered[ci] ?? 0) === 0 && unit.some((k) => (matched[k]?.[ci] ?? 0) > 0));
  const adjacent = (unit: readonly number[]) => unit.some((k) => chosen.has(k - 1) || chosen.has(k + 1));
  const asksValue = (unit: readonly number[]) =>
    concepts.some((c, ci) => c.answerPattern !== undefined && unit.some((k) => (matched[k]?.[ci] ?? 0) > (covered[ci] ?? 0)));

  // The anchor and its unit; a lead-in anchor brings its list even past the budget (the items are the answer).
  const anchorUnit = unitOf(anchor);
  const fits = (unit: readonly number[], budget: number) => lengthWith(unit) <= budget;
  take(fits(anchorUnit, maxChars * 1.5) ? anchorUnit : [anchor]);

  // Sentences that add what the chosen ones lack, best gain first.
  const best = scores[anchor] ?? 0;
  for (;;) {
    let pick: number[] | undefined;
    let pickGain = 0;
    for (let i = 0; i < spans.length; i++) {
      if (chosen.has(i)) continue;
      const unit = unitOf(i);
      const gain = gainOf(unit);
      const value = asksValue(unit);
      if (gain <= 0 || (!adjacent(unit) && !value && gain < best * DISTANT_GAIN)) continue;
      if (!fits(unit, value || namesNew(unit) ? maxChars * ASKED_VALUE_ALLOWANCE : maxChars)) continue;
      // Equal gains: the nearer unit, which keeps the quote contiguous.
      if (gain > pickGain || (gain === pickGain && pick !== undefined && adjacent(unit) && !adjacent(pick))) {
        pick = unit;
        pickGain = gain;
      }
    }
    if (!pick) break;
    take(pick);
  }

  // Short sentences between chosen ones, so the quote reads on.
  const ordered = () => [...chosen].sort((a, b) => a - b);
  for (const [k, i] of ordered().entries()) {
    const next = ordered()[k + 1];
    if (next === i + 2 && slice(i + 1).length < SHORT_GAP && fits([i + 1], maxChars * ASKED_VALUE_ALLOWANCE)) chosen.add(i + 1);
  }
  // Neighbours that also match (or, quoting from the top, any) widen the quote while the budget lasts.
  for (;;) {
    const all = ordered();
    const first = all[0] ?? 0;
    const last = all[all.length - 1] ?? 0;
    const before = first - 1;
    const after = last + 1;
    const canBefore = before >= 0 && (scores[before] ?? 0) > 0 && fits(unitOf(before), maxChars);
    const canAfter = after < spans.length && (fromTop || (scores[after] ?? 0) > 0) && fits(unitOf(after), maxChars);
    if (!canBefore && !canAfter) break;
    take(canBefore && (!canAfter || (scores[before] ?? 0) >= (scores[after] ?? 0)) ? unitOf(before) : unitOf(after));
  }

  const all = ordered();
  const first = all[0] ?? 0;
  const last = all[all.length - 1] ?? 0;
  const parts: string[] = [];
  all.forEach((i, k) => {
    const previous = all[k - 1];
    if (previous === undefined) parts.push(slice(i));
    else if (previous === i - 1) parts.push(passage.text.slice((spans[previous]?.end ?? 0) - passage.start, (spans[i]?.end ?? 0) - passage.start));
    else parts.push(` … ${slice(i)}`);
  });
  return {
    start: spans[first]?.start ?? passage.start,
    end: spans[last]?.end ?? passage.end,
    text: parts.join(''),
    trimmedBefore: first > 0,
    trimmedAfter: last < spans.length - 1,
  };
}

import { fold } from '../fold.js';
import { glossaryMatches, type Glossary, type GlossaryMatch } from '../glossary.js';
import { analyze, type IndexLanguage } from './dutch-lunr.js';

/** One thing the user asked about: a word or glossary phrase, and the index terms that express it. */
export interface QueryConcept {
  /** The user's words, as written (for explanations). */
  readonly source: string;
  /** Index terms with their query boost: the user's own terms first, then glossary expansions. */
  readonly terms: ReadonlyMap<string, number>;
  /**
   * Terms of the user's hyphenated words ("multi-year" → multi, year) that express the concept fully
   * only together: one of them alone ("multi" of "multi disciplinaire") is partial evidence. One group per word.
   */
  readonly parts?: readonly (readonly string[])[];
  /**
   * What the answer looks like when it is not a term, e.g. a duration ("maximaal één jaar") for
   * "how long" (a global pattern). When it has a `bound` group, only a bounded value ("maximaal",
   * "binnen", "ten minste" …) states the answer fully; a bare one ("drie maanden voor de start") half.
   */
  readonly answerPattern?: RegExp;
}

/**
 * How fully (0..1) a text with the given index terms expresses the concept: 1 for one of its whole
 * terms, every part of one of its hyphenated words or (with `text`) the shape of the answer it asks
 * for; the share of a hyphenated word's parts found ("co" of "co-morbide" for "co-morbiditeit": ½).
 */
export function conceptMatch(concept: QueryConcept, has: (term: string) => boolean, text?: string): number {
  const groups = concept.parts ?? [];
  const parts = new Set(groups.flat());
  for (const term of concept.terms.keys()) if (!parts.has(term) && has(term)) return 1;
  const value = text !== undefined && concept.answerPattern ? valueShare(concept.answerPattern, text) : 0;
  return Math.max(value, ...groups.map((group) => group.filter(has).length / group.length));
}

/** How fully a text states a value of the asked kind: 1 for a bounded (or unqualified-kind) value, ½ for a bare one, else 0. */
function valueShare(pattern: RegExp, text: string): number {
  let share = 0;
  for (const m of text.matchAll(pattern)) share = Math.max(share, m.groups && 'bound' in m.groups && m.groups.bound === undefined ? BARE_VALUE : 1);
  return share;
}

/** A bare stated value ("drie maanden voor de start") answers a "how long" question only in part. */
const BARE_VALUE = 0.5;
// A stated duration in the (Dutch) documents: "maximaal één jaar", "ten minste 2 jaar", "5 werkdagen";
// bounded by "maximaal", "binnen", "ten minste" … it states how long something lasts or may take.
const NUMBER_WORD = '\\d+(?:[.,]\\d+)?|een|één|anderhalf|half|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|achttien|vierentwintig';
const BOUND = 'maximaal|minimaal|ten\\s+minste|tenminste|hooguit|binnen|gedurende|uiterlijk|periode\\s+van|looptijd\\s+van';
const DURATION = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?<bound>${BOUND})\\s+)?(?:${NUMBER_WORD})\\s+(?:kalender|werk)?(?:jaar|jaren|maand|maanden|week|weken|dag|dagen|uur|uren)(?![\\p{L}])`,
  'giu',
);
// A stated share: "minimaal 70%", "80 procent".
const SHARE = /(?<![\p{L}\p{N}])\d+(?:[.,]\d+)?\s?(?:%|procent(?![\p{L}]))/giu;

/** Questions that ask for a kind of value, and what that value looks like in the documents. */
const ANSWER_KINDS: readonly { readonly asks: RegExp; readonly answer: RegExp }[] = [
  {
    // "how long", "for how many years", "hoe lang", "hoeveel werkdagen", "looptijd".
    asks: /(?<![\p{L}])(?:how\s+long|how\s+many\s+(?:years|months|weeks|days|working\s+days)|duration|hoe\s*lang|hoeveel\s+(?:jaar|jaren|maanden|weken|dagen|werkdagen)|looptijd)(?![\p{L}])/giu,
    answer: DURATION,
  },
  {
    // "what share", "at what percentage", "welk deel", "hoeveel procent".
    asks: /(?<![\p{L}])(?:(?:what|which)\s+(?:share|percentage|proportion|part|fraction)|percentage|hoeveel\s+procent|welke?\s+(?:deel|aandeel|percentage))(?![\p{L}])/giu,
    answer: SHARE,
  },
];

// Words that only shape a question ("when must I …", "wat bedoelt … met …"); they name nothing to find.
const QUESTION_WORDS = new Set(
  ('wanneer welke welk hoeveel waarom waar wie hoelang bedoelt bedoeld betekent betekenis vind vindt zeggen zegt staat gaat ' +
    'graag weten vertel uitleg uitleggen mag mogen kun kunt moet moeten zou zouden heeft hebben wordt worden is zijn doet ' +
    'what which when where why who whom whose how does do did is are was were be been can could should would will shall ' +
    'may might must have has had i me my we our you your they their it its this that these those there here a an the of to in on at ' +
    'for with by from about as into than then so if or and but not no yes please tell explain mean means meant say says ' +
    'said think know want need get gets got getting give any some much many also just really ever still according ' +
    'going before after during itself themselves kind sort bring find regarding concerning make makes made exactly precisely ' +
    'someone anyone anything something waarover waarmee waarvoor waarop precies eigenlijk rond weer')
    .split(' '),
);

interface Word {
  readonly text: string;
  readonly index: number;
  readonly end: number;
}

function wordsOf(text: string): Word[] {
  return [...text.matchAll(/[\p{L}\p{N}]+(?:[-&'’.][\p{L}\p{N}]+)*%?/gu)].map((m) => ({
    text: m[0],
    index: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
}

interface Terms {
  /** Every index term of the text, hyphenated words also written together ("e-health" → "ehealth"). */
  readonly terms: string[];
  /** The separate terms of each hyphenated word ("multi-year" → multi, year). */
  readonly parts: string[][];
}

function termsOf(text: string, language: IndexLanguage): Terms {
  const terms = analyze(text, language);
  const parts: string[][] = [];
  for (const compound of text.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu) ?? []) {
    terms.push(...analyze(compound.replace(/-/g, ''), language));
    parts.push(analyze(compound, language));
  }
  return { terms, parts };
}

/** Part groups whose terms stand only for their word: none of them also occurs as a word of its own. */
function partGroups(terms: ReadonlyMap<string, number>, parts: readonly string[][], whole: ReadonlySet<string>): string[][] {
  return parts.filter((g) => g.length > 1 && g.every((t) => terms.has(t) && !whole.has(t)));
}

const EXPANSION_BOOST = { translation: 0.8, synonym: 0.45, abbreviation: 0.6 } as const;

/**
 * Turns a question into concepts: glossary phrases ("waiting list", "Z&Z") and remaining content
 * words, each with its stemmed index terms and boosts. Question words and stop words are dropped;
 * nothing of the user's text is interpreted as lunr query syntax.
 */
export function queryConcepts(question: string, glossary: Glossary, language: IndexLanguage): QueryConcept[] {
  // An English possessive names its owner: "VGZ's policy" is about VGZ.
  const query = question.replace(/(?<=[\p{L}\p{N}])['’]s(?![\p{L}\p{N}])/gu, '');
  const words = wordsOf(query);
  const spans: { start: number; end: number; source: string; terms: Map<string, number>; parts: string[][]; whole: Set<string> }[] = [];
  const matches = glossaryMatches(glossary, query);
  // A phrase is more specific than the words inside it: "care cost ceiling" means the
  // zorgkostenplafond, not also every "kosten"; a match inside a longer match adds nothing.
  const inside = (m: GlossaryMatch, o: GlossaryMatch) => o.length > m.length && o.index <= m.index && m.index + m.length <= o.index + o.length;
  for (const match of matches.filter((m) => !matches.some((o) => inside(m, o)))) {
    const start = match.index;
    const end = match.index + match.length;
    let span = spans.find((s) => start < s.end && end > s.start);
    if (!span) {
      span = { start, end, source: query.slice(start, end), terms: new Map(), parts: [], whole: new Set() };
      spans.push(span);
    } else if (start < span.start || end > span.end) {
      span.start = Math.min(span.start, start);
      span.end = Math.max(span.end, end);
      span.source = query.slice(span.start, span.end);
    }
    const own = termsOf(query.slice(start, end), language);
    const split = new Set(own.parts.flat());
    for (const t of own.terms) {
      span.terms.set(t, Math.max(span.terms.get(t) ?? 0, 1));
      if (!split.has(t)) span.whole.add(t);
    }
    span.parts.push(...own.parts);
    for (const expansion of match.expansions) {
      for (const t of termsOf(expansion, language).terms) {
        span.terms.set(t, Math.max(span.terms.get(t) ?? 0, EXPANSION_BOOST[match.kind]));
        span.whole.add(t);
      }
    }
  }
  // Where the question asks for a kind of value (a duration, a share), a stated value of that kind
  // also expresses the words that ask for it ("how long" → "maximaal één jaar").
  const asked = ANSWER_KINDS.flatMap((kind) =>
    [...query.matchAll(kind.asks)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, answer: kind.answer })),
  );
  const answerPattern = (start: number, end: number) => asked.find((a) => start < a.end && end > a.start)?.answer;
  const concept = (source: string, terms: Map<string, number>, parts: string[][], whole: Set<string>, start: number, end: number): QueryConcept => {
    const groups = partGroups(terms, parts, whole);
    const pattern = answerPattern(start, end);
    return { source, terms, ...(groups.length > 0 ? { parts: groups } : {}), ...(pattern ? { answerPattern: pattern } : {}) };
  };
  const concepts: QueryConcept[] = [];
  for (const word of words) {
    const span = spans.find((s) => word.index < s.end && word.end > s.start);
    if (span) {
      if (!concepts.some((c) => c.source === span.source && c.terms === span.terms) && span.terms.size > 0) {
        concepts.push(concept(span.source, span.terms, span.parts, span.whole, span.start, span.end));
      }
      continue;
    }
    if (QUESTION_WORDS.has(fold(word.text))) continue;
    // Small bare numbers ("2", "10") name nothing by themselves; years and percentages do.
    if (word.text.length <= 2 && [...word.text].every((c) => c >= '0' && c <= '9')) continue;
    const own = termsOf(word.text, language);
    if (own.terms.length === 0) continue;
    const split = new Set(own.parts.flat());
    const whole = new Set(own.terms.filter((t) => !split.has(t)));
    concepts.push(concept(word.text, new Map(own.terms.map((t) => [t, 1])), own.parts, whole, word.index, word.end));
  }
  // Glossary phrases made only of question words ("how much") still count; identical concepts merge.
  return concepts.filter((c, i) => concepts.findIndex((o) => o.terms === c.terms) === i);
}

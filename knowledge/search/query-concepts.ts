import { fold } from '../fold.js';
import { glossaryMatches, type Glossary, type GlossaryMatch } from '../glossary.js';
import { analyze, type IndexLanguage } from './dutch-lunr.js';

/** One thing the user asked about: a word or glossary phrase, and the index terms that express it. */
export interface QueryConcept {
  /** The user's words, as written (for explanations). */
  readonly source: string;
  /** Index terms with their query boost: the user's own terms first, then glossary expansions. */
  readonly terms: ReadonlyMap<string, number>;
}

// Words that only shape a question ("when must I …", "wat bedoelt … met …"); they name nothing to find.
const QUESTION_WORDS = new Set(
  ('wanneer welke welk hoeveel waarom waar wie hoelang bedoelt bedoeld betekent betekenis vind vindt zeggen zegt staat gaat ' +
    'graag weten vertel uitleg uitleggen mag mogen kun kunt moet moeten zou zouden heeft hebben wordt worden is zijn doet ' +
    'what which when where why who whom whose how does do did is are was were be been can could should would will shall ' +
    'may might must i me my we our you your they their it its this that these those there here a an the of to in on at ' +
    'for with by from about as into than then so if or and but not no yes please tell explain mean means meant say says ' +
    'said think know want need get got give any some much many also just really ever still according')
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

function termsOf(text: string, language: IndexLanguage): string[] {
  const terms = analyze(text, language);
  // Hyphenated words are also indexed written together ("e-health" → "ehealth").
  for (const compound of text.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu) ?? []) terms.push(...analyze(compound.replace(/-/g, ''), language));
  return terms;
}

const EXPANSION_BOOST = { translation: 0.8, synonym: 0.45, abbreviation: 0.6 } as const;

/**
 * Turns a question into concepts: glossary phrases ("waiting list", "Z&Z") and remaining content
 * words, each with its stemmed index terms and boosts. Question words and stop words are dropped;
 * nothing of the user's text is interpreted as lunr query syntax.
 */
export function queryConcepts(query: string, glossary: Glossary, language: IndexLanguage): QueryConcept[] {
  const words = wordsOf(query);
  const spans: { start: number; end: number; source: string; terms: Map<string, number> }[] = [];
  const matches = glossaryMatches(glossary, query);
  // A phrase is more specific than the words inside it: "care cost ceiling" means the
  // zorgkostenplafond, not also every "kosten"; a match inside a longer match adds nothing.
  const inside = (m: GlossaryMatch, o: GlossaryMatch) => o.length > m.length && o.index <= m.index && m.index + m.length <= o.index + o.length;
  for (const match of matches.filter((m) => !matches.some((o) => inside(m, o)))) {
    const start = match.index;
    const end = match.index + match.length;
    let span = spans.find((s) => start < s.end && end > s.start);
    if (!span) {
      span = { start, end, source: query.slice(start, end), terms: new Map() };
      spans.push(span);
    } else if (start < span.start || end > span.end) {
      span.start = Math.min(span.start, start);
      span.end = Math.max(span.end, end);
      span.source = query.slice(span.start, span.end);
    }
    for (const t of termsOf(query.slice(start, end), language)) span.terms.set(t, Math.max(span.terms.get(t) ?? 0, 1));
    for (const expansion of match.expansions) {
      for (const t of termsOf(expansion, language)) span.terms.set(t, Math.max(span.terms.get(t) ?? 0, EXPANSION_BOOST[match.kind]));
    }
  }
  const concepts: QueryConcept[] = [];
  for (const word of words) {
    const span = spans.find((s) => word.index < s.end && word.end > s.start);
    if (span) {
      if (!concepts.some((c) => c.source === span.source && c.terms === span.terms) && span.terms.size > 0) {
        concepts.push({ source: span.source, terms: span.terms });
      }
      continue;
    }
    if (QUESTION_WORDS.has(fold(word.text))) continue;
    // Small bare numbers ("2", "10") name nothing by themselves; years and percentages do.
    if (/^\d{1,2}$/.test(word.text)) continue;
    const terms = termsOf(word.text, language);
    if (terms.length === 0) continue;
    concepts.push({ source: word.text, terms: new Map(terms.map((t) => [t, 1])) });
  }
  // Glossary phrases made only of question words ("how much") still count; identical concepts merge.
  return concepts.filter((c, i) => concepts.findIndex((o) => o.terms === c.terms) === i);
}

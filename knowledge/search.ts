import type { DocumentMeta } from './documents.js';
import type { Glossary } from './glossary.js';
import type { InsurerCatalog } from './vocabulary/insurer-catalog.js';
import type { Passage } from './ingest/passages.js';
import { conceptMatch, queryConcepts, type QueryConcept } from './search/query-concepts.js';
import type { SearchIndex } from './search/search-index.js';

export type { Passage } from './ingest/passages.js';

export interface SearchOptions {
  /** Most results to return (default 5). */
  readonly limit?: number;
  /** Only passages of these documents. */
  readonly documentIds?: readonly string[];
  /** Score multipliers per document, e.g. the policy of an insurer the question names. */
  readonly documentBoosts?: Readonly<Record<string, number>>;
}

/** What a search runs over: the knowledge base's index and glossary, and its documents and insurers (whose policy a passage is from). */
export interface SearchSpace {
  readonly index: SearchIndex;
  readonly glossary: Glossary;
  readonly documents: readonly DocumentMeta[];
  readonly insurers: InsurerCatalog;
}

export interface SearchHit {
  readonly passage: Passage;
  /** Relevance for ranking (lunr BM25 × coverage² × document boost); comparable within one query. */
  readonly score: number;
  /** Share (0..1) of the question's concepts, weighted by rarity, that the passage contains. */
  readonly coverage: number;
  /** Index terms of the query found in the passage. */
  readonly matchedTerms: readonly string[];
  /** How fully (0..1) the passage expresses each query concept, in the order of the concepts. */
  readonly conceptShares: readonly number[];
}

function idf(index: SearchIndex, term: string): number {
  const df = index.documentFrequency(term);
  return Math.log(1 + (index.size - df + 0.5) / (df + 0.5));
}

function weighConcept(index: SearchIndex, concept: QueryConcept): WeightedConcept {
  // A concept is as informative as its rarest expression in the documents; absent everywhere, it
  // weighs most (the documents cannot answer about it).
  const present = [...concept.terms.keys()].map((t) => idf(index, t)).filter((w) => w < idf(index, '\u0000missing'));
  return { ...concept, weight: present.length > 0 ? Math.max(...present) : idf(index, '\u0000missing'), inCorpus: present.length > 0 };
}

/**
 * Finds the passages that best answer a question, best first. The query is built with lunr's
 * query API from analysed terms, so user text never reaches lunr's query parser (`: ~ ^ + - *`
 * and quotes are plain text). English words reach Dutch passages through the glossary.
 *
 * @example searchPassages(searchSpaceOf(kb), 'Does Zorg en Zekerheid buy care delivered abroad?', { limit: 3 })
 */
export function searchPassages(space: SearchSpace, query: string, options: SearchOptions = {}): SearchHit[] {
  return searchWithConcepts(space, query, options).hits;
}

/** A query concept with its weight (rarity in the documents; highest when absent from them). */
export interface WeightedConcept extends QueryConcept {
  readonly weight: number;
  /** Whether any of its terms occurs in the documents at all. */
  readonly inCorpus: boolean;
}

/**
 * Glossary expansions that occur in a large share of passages ("zorg" from "digitale zorg")
 * would match everything: they are dropped; the user's own words are always kept.
 */
function pruneCommonExpansions(index: SearchIndex, concept: QueryConcept): QueryConcept {
  const kept = new Map([...concept.terms].filter(([term, boost]) => boost >= 1 || index.documentFrequency(term) <= index.size * 0.2));
  // An English word whose only Dutch expression is everywhere ("care" → "zorg") says nothing about
  // which passage answers, and is not missing from the documents either: drop the whole concept
  // rather than count its untranslatable English form as evidence the documents cannot answer.
  const prunedCommon = kept.size < concept.terms.size;
  if (prunedCommon && [...kept.keys()].every((term) => index.documentFrequency(term) === 0)) return { source: concept.source, terms: new Map() };
  return { ...concept, terms: kept };
}

/** {@link searchPassages} plus the weighted concepts the question was understood as. */
export function searchWithConcepts(space: SearchSpace, query: string, options: SearchOptions = {}): { concepts: WeightedConcept[]; hits: SearchHit[] } {
  const { index, glossary, documents, insurers } = space;
  const concepts: WeightedConcept[] = queryConcepts(query, glossary, index.language)
    .map((c) => pruneCommonExpansions(index, c))
    .filter((c) => c.terms.size > 0)
    .map((c) => weighConcept(index, c));
  if (concepts.length === 0) return { concepts, hits: [] };
  const weights = concepts.map((c) => c.weight);
  const total = weights.reduce((a, b) => a + b, 0);
  const allowed = options.documentIds ? new Set(options.documentIds) : undefined;

  // The insurer a question names is what its own policy is about, in every passage ("we" is VGZ in VGZ's policy).
  const named = concepts.map((c) => new Set(insurers.find(c.source).map((m) => m.name)));
  const insurerOf = new Map(documents.map((d) => [d.id, d.insurer]));
  const documentIds = index.documentIds;
  const given = documentIds.map((id) => {
    const insurer = insurerOf.get(id) ?? null;
    return named.map((names) => insurer !== null && names.has(insurer));
  });
  const boosts = documentIds.map((id) => (allowed && !allowed.has(id) ? -1 : (options.documentBoosts?.[id] ?? 1)));
  const m = index.match(concepts.flatMap((concept) => [...concept.terms].map(([term, boost]) => ({ term, boost }))));

  // Ranking: lunr's score × document boost × (0.05 + coverage²), ties in lunr's order (its score,
  // then first match). Coverage is at most 1, so a result's rank score is at most its bound below:
  // results are taken best bound first from a heap, and the work of coverage (and of reading the
  // passage) stops once no bound can reach the top `limit`.
  const limit = options.limit ?? 5;
  const bound = new Float64Array(m.count);
  const heap: number[] = [];
  for (let i = 0; i < m.count; i++) {
    const boost = boosts[m.documentIndex(i)] ?? 1;
    if (boost < 0) continue;
    bound[i] = (m.scores[i] ?? 0) * boost * (0.05 + 1 * 1);
    heap.push(i);
  }
  const before = (a: number, b: number): boolean => {
    const ba = bound[a] ?? 0;
    const bb = bound[b] ?? 0;
    if (ba !== bb) return ba > bb;
    const sa = m.scores[a] ?? 0;
    const sb = m.scores[b] ?? 0;
    return sa !== sb ? sa > sb : a < b;
  };
  const down = (from: number): void => {
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let best = at;
      if (left < heap.length && before(heap[left] ?? 0, heap[best] ?? 0)) best = left;
      if (right < heap.length && before(heap[right] ?? 0, heap[best] ?? 0)) best = right;
      if (best === at) return;
      [heap[at], heap[best]] = [heap[best] ?? 0, heap[at] ?? 0];
      at = best;
    }
  };
  for (let k = (heap.length >> 1) - 1; k >= 0; k--) down(k);

  const top: { hit: SearchHit; lunr: number; order: number }[] = [];
  const ranks = (a: { hit: SearchHit; lunr: number; order: number }, b: { hit: SearchHit; lunr: number; order: number }) =>
    b.hit.score - a.hit.score || b.lunr - a.lunr || a.order - b.order;
  while (heap.length > 0) {
    const i = heap[0] ?? 0;
    const last = heap.pop() ?? 0;
    if (heap.length > 0) {
      heap[0] = last;
      down(0);
    }
    if (top.length >= limit && (bound[i] ?? 0) < (top[limit - 1]?.hit.score ?? -Infinity)) break;
    const documentIndex = m.documentIndex(i);
    const givenHere = given[documentIndex] ?? [];
    const passage = m.passage(i);
    const conceptShares = concepts.map((c, k) => (givenHere[k] ? 1 : conceptMatch(c, (t) => m.has(i, t), passage.text)));
    const covered = conceptShares.reduce((sum, share, k) => sum + share * (weights[k] ?? 0), 0);
    const coverage = total > 0 ? covered / total : 0;
    const score = m.scores[i] ?? 0;
    // Passages that contain more of what was asked rank first; lunr's BM25 orders within that.
    const hit = { passage, score: score * (boosts[documentIndex] ?? 1) * (0.05 + coverage * coverage), coverage, matchedTerms: m.termsOf(i), conceptShares };
    top.push({ hit, lunr: score, order: i });
    top.sort(ranks);
    if (top.length > limit) top.length = limit;
  }
  return { concepts, hits: top.map((t) => t.hit) };
}

/** The search space of a knowledge base. */
export function searchSpaceOf(kb: { index(): SearchIndex; readonly glossary: Glossary; readonly documents: readonly DocumentMeta[]; readonly insurers: InsurerCatalog }): SearchSpace {
  return { index: kb.index(), glossary: kb.glossary, documents: kb.documents, insurers: kb.insurers };
}

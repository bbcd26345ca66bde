import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DocumentText, Section } from '../cleaned-documents.js';
import type { Passage } from '../ingest/passages.js';
import { sentenceSpans, type Span } from '../ingest/sentences.js';
import { knowledgePath } from '../paths.js';
import { tokenize } from '../vocabulary/term-matcher.js';
import { analyze, dutchLunr, INDEX_LANGUAGE, pipelinePlugin, type IndexLanguage } from './dutch-lunr.js';
import { readTermPostings, readVarints, VarintWriter, writeTermPostings, type TermPostings } from './postings.js';

/** Bump when the shape of the index file changes. */
const INDEX_FORMAT = 4;

/** The indexed fields, in lunr's order (the order its scores are summed in). */
const FIELDS = ['text', 'section', 'joined'] as const;

/** A document as the index keeps it: its cleaned text, sections and passages (offsets into the text). */
export interface IndexedDocumentData {
  readonly id: string;
  readonly text: string;
  /** The distinct section paths of the document. */
  readonly paths: readonly (readonly string[])[];
  /** `[path index, start, end]` per section, in text order. */
  readonly sections: readonly (readonly [number, number, number])[];
  /** `[start, end, path index]` per passage; the passage's text is `text.slice(start, end)`. */
  readonly passages: readonly (readonly [number, number, number])[];
  /** Passage ids where they are not `${id}#${n}` (n counting from 1). */
  readonly passageIds?: readonly string[];
  /** Page of each block start (uploaded PDFs). */
  readonly pages?: readonly { readonly page: number; readonly start: number }[];
}

/**
 * What `contractbot index` writes to `knowledge/generated/index.json`, and what a replica caches per
 * knowledge version: the documents' text once, and lunr's BM25 postings in a compact form that is
 * read without building lunr's objects (terms and postings are decoded only for the terms asked).
 */
export interface IndexData {
  readonly format: number;
  /** Hash of the documents and the ingest code the index was built from; a mismatch means stale. */
  readonly sourceHash: string;
  readonly language: IndexLanguage;
  readonly documents: readonly IndexedDocumentData[];
  /** The index terms in code-unit order, joined by "\n". */
  readonly terms: string;
  /** Base64 of little-endian uint32: per term (in `terms` order) the byte offset of its postings. */
  readonly offsets: string;
  /** Base64 of the postings (see postings.ts). */
  readonly postings: string;
  /** The folded words of every passage, sorted, joined by " " (a word of the documents is no misspelt name). */
  readonly words: string;
  /**
   * Base64 varints: per passage its sentences (offset from the passage start, length, and the index
   * terms of the sentence and of its joined compounds) and those of its heading, so quoting a passage
   * needs no stemming at answer time. Term ids count `terms`, then `extraTerms`.
   */
  readonly sentences: string;
  /** Base64 of little-endian uint32: per passage the byte offset of its entry in `sentences`. */
  readonly sentenceOffsets: string;
  /** Sentence terms that are no index term (joined "\n"). */
  readonly extraTerms: string;
}

/** The sentences of a passage with their index terms, computed when the index was built. */
export interface PassageSentences {
  /** Offsets in the cleaned document, like the passage's (what `sentenceSpans(passage.text, passage.start)` gives). */
  readonly spans: readonly Span[];
  /** The index terms of each sentence and of its joined compounds. */
  readonly terms: readonly ReadonlySet<string>[];
  /** The same for the passage's own heading (the last of its section path), if it has one. */
  readonly heading?: ReadonlySet<string>;
}

/** A document's text, sections and (for uploaded PDFs) pages, as the index holds them. */
export interface IndexedDocument extends DocumentText {
  readonly pages: readonly { readonly page: number; readonly start: number }[];
}

/** A passage the query matched, with lunr's score and the query terms it holds. */
export interface IndexMatch {
  readonly documentId: string;
  /** The passage (its text is cut from the document on first read). */
  readonly passage: Passage;
  readonly score: number;
  readonly terms: readonly string[];
}

/**
 * The passages a query matched, in the order lunr first matches them (before it sorts by score):
 * index `i` counts results; ties in score are broken by that order, as lunr's stable sort does.
 */
export interface IndexMatches {
  readonly count: number;
  /** lunr's score of each result. */
  readonly scores: Float64Array;
  /** The position in {@link SearchIndex.documentIds} of a result's document. */
  documentIndex(i: number): number;
  /** A result's passage (its text cut from the document on first use). */
  passage(i: number): Passage;
  /** Whether a result holds a term of the query. */
  has(i: number, term: string): boolean;
  /** The query's terms a result holds. */
  termsOf(i: number): string[];
}

/** One term of a query with its boost (lunr's `q.term(term, { boost, usePipeline: false })`). */
export interface QueryClause {
  readonly term: string;
  readonly boost: number;
}

/** A ready-to-query index. */
export interface SearchIndex {
  readonly language: IndexLanguage;
  /** Number of passages, for idf. */
  readonly size: number;
  /** In how many passages a term occurs (any field). */
  documentFrequency(term: string): number;
  /**
   * The passages holding any of the terms, best first, scored exactly as lunr's `Index.query`
   * scores the same clauses (BM25 field vectors, cosine against the query vector, fields summed).
   */
  query(clauses: readonly QueryClause[]): IndexMatch[];
  /** The same matches unsorted, as numbers (what ranking many passages reads without building objects). */
  match(clauses: readonly QueryClause[]): IndexMatches;
  /** The ids of the indexed documents, in index order. */
  readonly documentIds: readonly string[];
  /** Every passage, in index order (built on demand). */
  passages(): readonly Passage[];
  passage(id: string): Passage | undefined;
  /** A document's text and sections, if the index holds it. */
  document(id: string): IndexedDocument | undefined;
  /** Whether a folded word occurs in any passage. */
  hasWord(folded: string): boolean;
  /** A passage's sentences and their terms as built with the index (undefined for a passage of another index or language). */
  sentences(passage: Passage, language: IndexLanguage): PassageSentences | undefined;
  /** The serialisable form (what {@link toSearchIndex} loads back). */
  readonly data: IndexData;
}

/** A document to index: its text and sections, and its passages. */
export interface DocumentToIndex {
  readonly document: DocumentText;
  readonly passages: readonly Passage[];
  readonly pages?: readonly { readonly page: number; readonly start: number }[];
}

/** Where the serialised index lives (git-ignored, built by `contractbot index` and `npm run build`). */
export function indexFilePath(): string {
  return knowledgePath('generated', 'index.json');
}

/** True when running from the TypeScript sources (tests, development) rather than the build. */
function runningFromSources(): boolean {
  return import.meta.url.endsWith('.ts');
}

/**
 * Hash over the documents and their metadata. The index file is written by every build, so in the
 * built CLI a matching hash means current; from the sources (where ingest code may have changed
 * since the last build) the index is always built in memory instead.
 */
export function sourceHash(files: readonly string[], language: IndexLanguage = INDEX_LANGUAGE): string {
  const hash = createHash('sha256').update(`format ${INDEX_FORMAT} ${language}\n`);
  hash.update(readFileSync(knowledgePath('corpus', 'metadata.json')));
  for (const file of files) hash.update(readFileSync(knowledgePath('corpus', file)));
  return hash.digest('hex').slice(0, 32);
}

// "verpleeg- of verzorgingshuizen", "minimum- en kwaliteitseisen", "op- en afslagen".
const SUSPENDED_COMPOUND = /(\p{L}{2,})-\s+(?:en|of|en\/of|tot)\s+(\p{L}{4,})/gu;

/**
 * Completions of a suspended compound: the head joined to every tail of the full word that is at
 * least three letters long ("verpleeg" + "huizen", "minimum" + "eisen"). Without a dictionary the
 * right split is unknown, so all are indexed; the wrong ones are rare strings nobody searches for.
 */
function suspendedCompletions(text: string): string[] {
  const words: string[] = [];
  for (const [, head = '', full = ''] of text.matchAll(SUSPENDED_COMPOUND)) {
    for (let i = 2; i <= full.length - 3; i++) words.push(head + full.slice(i));
  }
  return words;
}

/**
 * Words of hyphenated compounds written together, so "e-health" also finds "eHealth", and the
 * completed first halves of suspended compounds, so "verpleeghuizen" finds "verpleeg- of
 * verzorgingshuizen".
 */
export function joinedCompounds(text: string): string {
  const joined = (text.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu) ?? []).map((w) => w.replace(/-/g, ''));
  return [...joined, ...suspendedCompletions(text)].join(' ');
}

const samePath = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((s, i) => s === b[i]);

/** The terms a sentence expresses: its own index terms and those of its joined compounds (what snippets compare). */
export function sentenceTerms(text: string, language: IndexLanguage): Set<string> {
  return new Set([...analyze(text, language), ...analyze(joinedCompounds(text), language)]);
}

/** Writes each passage's sentences and heading with their term ids; returns the offsets and the extra terms. */
function writeSentences(passages: readonly Passage[], terms: readonly string[], language: IndexLanguage): { bytes: Uint8Array; offsets: Uint32Array; extra: string[] } {
  const ids = new Map(terms.map((t, i) => [t, i]));
  const extra: string[] = [];
  const idOf = (term: string): number => {
    let id = ids.get(term);
    if (id === undefined) {
      id = terms.length + extra.length;
      extra.push(term);
      ids.set(term, id);
    }
    return id;
  };
  const out = new VarintWriter();
  const offsets = new Uint32Array(passages.length);
  const writeTerms = (set: ReadonlySet<string>) => {
    out.write(set.size);
    for (const term of set) out.write(idOf(term));
  };
  passages.forEach((p, n) => {
    offsets[n] = out.size;
    const spans = sentenceSpans(p.text, p.start);
    out.write(spans.length);
    for (const span of spans) {
      out.write(span.start - p.start);
      out.write(span.end - span.start);
      writeTerms(sentenceTerms(p.text.slice(span.start - p.start, span.end - p.start), language));
    }
    const heading = p.sectionPath[p.sectionPath.length - 1];
    out.write(heading === undefined ? 0 : 1);
    if (heading !== undefined) writeTerms(sentenceTerms(heading, language));
  });
  return { bytes: out.result(), offsets, extra };
}

const base64 = (bytes: Uint8Array | Uint32Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

function uint32s(text: string): Uint32Array {
  const raw = Buffer.from(text, 'base64');
  return new Uint32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
}

/** A document's entry in the index data, checking that every passage is a slice of its text. */
function documentData(input: DocumentToIndex): IndexedDocumentData {
  const { document, passages } = input;
  const paths: (readonly string[])[] = [];
  const pathIndex = (path: readonly string[]): number => {
    const at = paths.findIndex((p) => samePath(p, path));
    if (at >= 0) return at;
    paths.push([...path]);
    return paths.length - 1;
  };
  const sections = document.sections.map((s) => [pathIndex(s.path), s.start, s.end] as const);
  const ids: string[] = [];
  let defaultIds = true;
  const entries = passages.map((p, i) => {
    if (p.documentId !== document.documentId || p.text !== document.text.slice(p.start, p.end)) {
      throw new Error(`passage ${p.id} is not a slice of document ${document.documentId}`);
    }
    ids.push(p.id);
    if (p.id !== `${document.documentId}#${i + 1}`) defaultIds = false;
    return [p.start, p.end, pathIndex(p.sectionPath)] as const;
  });
  return {
    id: document.documentId,
    text: document.text,
    paths,
    sections,
    passages: entries,
    ...(defaultIds ? {} : { passageIds: ids }),
    ...(input.pages && input.pages.length > 0 ? { pages: input.pages } : {}),
  };
}

function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Builds the index (lunr's Dutch stemming, stop words and BM25 weights) over documents and their
 * passages: the shipped documents' at build time, every document's (shipped and uploaded) when the
 * knowledge base has uploads. lunr computes the weights; they are kept in a compact form.
 */
export function buildIndexData(documents: readonly DocumentToIndex[], hash: string, language: IndexLanguage = INDEX_LANGUAGE): IndexData {
  const passages = documents.flatMap((d) => d.passages);
  const number = new Map(passages.map((p, i) => [p.id, i]));
  if (number.size !== passages.length) throw new Error('passage ids are not unique');
  const l = dutchLunr();
  const index = l(function () {
    this.use(pipelinePlugin(language));
    this.ref('id');
    for (const field of FIELDS) this.field(field, field === 'section' ? { boost: 1.3 } : {});
    for (const p of passages) {
      this.add({ id: p.id, text: p.text, section: p.sectionPath.join(' '), joined: joinedCompounds(`${p.text} ${p.sectionPath.join(' ')}`) });
    }
  });
  const internals = index as unknown as {
    invertedIndex: Record<string, Record<string, Record<string, object>> & { _index: number }>;
    fieldVectors: Record<string, { elements: number[] }>;
  };
  // Each field vector as term index → weight.
  const vectors = new Map<string, Map<number, number>>();
  for (const [fieldRef, vector] of Object.entries(internals.fieldVectors)) {
    const weights = new Map<number, number>();
    for (let i = 0; i < vector.elements.length; i += 2) weights.set(vector.elements[i] ?? 0, vector.elements[i + 1] ?? 0);
    vectors.set(fieldRef, weights);
  }
  const terms = Object.keys(internals.invertedIndex).sort(codeUnitOrder);
  const out = new VarintWriter();
  const offsets = new Uint32Array(terms.length);
  terms.forEach((term, t) => {
    const posting = internals.invertedIndex[term]!;
    const termIndex = posting._index;
    offsets[t] = out.size;
    writeTermPostings(
      out,
      termIndex,
      FIELDS.map((field) =>
        Object.keys(posting[field] ?? {}).map((ref) => {
          const weight = vectors.get(`${field}/${ref}`)?.get(termIndex);
          if (weight === undefined) throw new Error(`no weight for ${term} in ${field}/${ref}`);
          return [number.get(ref) ?? -1, weight] as const;
        }),
      ),
    );
  });
  const words = new Set(passages.flatMap((p) => tokenize(p.text).map((t) => t.folded)));
  const sentences = writeSentences(passages, terms, language);
  return {
    format: INDEX_FORMAT,
    sourceHash: hash,
    language,
    documents: documents.map(documentData),
    terms: terms.join('\n'),
    offsets: base64(offsets),
    postings: base64(out.result()),
    words: [...words].sort(codeUnitOrder).join(' '),
    sentences: base64(sentences.bytes),
    sentenceOffsets: base64(sentences.offsets),
    extraTerms: sentences.extra.join('\n'),
  };
}

/** True when index data has this format and language and was built from exactly the inputs `hash` names. */
export function isCurrentIndex(data: Pick<IndexData, 'format' | 'language' | 'sourceHash'>, hash: string, language: IndexLanguage = INDEX_LANGUAGE): boolean {
  return data.format === INDEX_FORMAT && data.language === language && data.sourceHash === hash;
}

/** Writes index data atomically to {@link indexFilePath}. */
export function writeIndexFile(data: IndexData): void {
  const path = indexFilePath();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, JSON.stringify(data));
  renameSync(`${path}.tmp`, path);
}

/** Binary search of a sorted array (code-unit order); the position or -1. */
function find(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = sorted[mid] as string;
    if (at === value) return mid;
    if (at < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Reusable per-query scratch space: scores per (field, passage), which were seen, result slots and matched-term masks per passage. */
interface Scratch {
  readonly sums: Float64Array;
  readonly seen: Uint8Array;
  readonly slot: Int32Array;
  readonly masks: Uint32Array;
}

/** A ready-to-query index from its serialised data; documents, passages and postings are decoded on first use. */
export function toSearchIndex(data: IndexData): SearchIndex {
  if (data.format !== INDEX_FORMAT) throw new Error(`index format ${data.format}, expected ${INDEX_FORMAT}`);
  const documents = data.documents;
  // Passage number → [document, passage within it], in index order.
  const firstPassage: number[] = [];
  let size = 0;
  for (const d of documents) {
    firstPassage.push(size);
    size += d.passages.length;
  }
  const documentOf = (n: number): number => {
    let lo = 0;
    let hi = documents.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((firstPassage[mid] ?? 0) <= n) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const materialised: (Passage | undefined)[] = new Array(size);
  const passageAt = (n: number): Passage => {
    const hit = materialised[n];
    if (hit) return hit;
    const d = documentOf(n);
    const doc = documents[d] as IndexedDocumentData;
    const i = n - (firstPassage[d] ?? 0);
    const [start, end, path] = doc.passages[i] as readonly [number, number, number];
    const passage: Passage = {
      id: doc.passageIds?.[i] ?? `${doc.id}#${i + 1}`,
      documentId: doc.id,
      sectionPath: [...(doc.paths[path] ?? [])],
      start,
      end,
      text: doc.text.slice(start, end),
    };
    materialised[n] = passage;
    numberOf.set(passage, n);
    return passage;
  };

  let terms: string[] | undefined;
  let offsets: Uint32Array | undefined;
  let postings: Uint8Array | undefined;
  const decoded = new Map<string, TermPostings | null>();
  const postingsOf = (term: string): TermPostings | undefined => {
    const hit = decoded.get(term);
    if (hit !== undefined) return hit ?? undefined;
    terms ??= data.terms === '' ? [] : data.terms.split('\n');
    offsets ??= uint32s(data.offsets);
    postings ??= new Uint8Array(Buffer.from(data.postings, 'base64'));
    const t = find(terms, term);
    const found = t < 0 ? null : readTermPostings(postings, offsets[t] ?? 0, FIELDS.length);
    decoded.set(term, found);
    return found ?? undefined;
  };

  // Passage number → its document's position, for boosts and filters without cutting any text.
  const documentOfPassage = new Int32Array(size);
  documents.forEach((d, i) => documentOfPassage.fill(i, firstPassage[i] ?? 0, (firstPassage[i] ?? 0) + d.passages.length));

  let scratch: Scratch | undefined;
  const match = (clauses: readonly QueryClause[]): IndexMatches => {
    // The query vector (lunr upserts each clause's boost into every field's vector, summing repeats).
    const vector = new Map<number, { term: string; postings: TermPostings; boost: number }>();
    const order: { term: string; postings: TermPostings }[] = [];
    for (const { term, boost } of clauses) {
      const p = postingsOf(term);
      if (!p) continue;
      const entry = vector.get(p.termIndex);
      if (entry) entry.boost = entry.boost + boost;
      else {
        vector.set(p.termIndex, { term, postings: p, boost });
        order.push({ term, postings: p });
      }
    }
    const byIndex = [...vector.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => e);
    let squares = 0;
    for (const e of byIndex) squares += e.boost * e.boost;
    const magnitude = Math.sqrt(squares);

    const words = Math.max(1, Math.ceil(order.length / 32));
    const cells = FIELDS.length * size;
    if (!scratch || scratch.sums.length < cells || scratch.masks.length < size * words) {
      scratch = { sums: new Float64Array(cells), seen: new Uint8Array(cells), slot: new Int32Array(size).fill(-1), masks: new Uint32Array(size * words) };
    }
    const { sums, seen, slot, masks } = scratch;
    // Dot products, summed in term-index order as lunr's Vector.dot does.
    for (const e of byIndex) {
      e.postings.fields.forEach((field, f) => {
        for (let i = 0; i < field.passages.length; i++) {
          const cell = f * size + (field.passages[i] ?? 0);
          sums[cell] = (sums[cell] ?? 0) + e.boost * (field.weights[i] ?? 0);
        }
      });
    }
    // lunr's order of (field, passage) matches: clause order, then field, then posting order.
    let total = 0;
    for (const { postings } of order) for (const field of postings.fields) total += field.passages.length;
    const cellsInOrder = new Int32Array(total);
    let cellCount = 0;
    order.forEach(({ postings }, j) => {
      const word = j >> 5;
      const bit = 1 << (j & 31);
      postings.fields.forEach((field, f) => {
        for (const n of field.passages) {
          const cell = f * size + n;
          if (!seen[cell]) {
            seen[cell] = 1;
            cellsInOrder[cellCount++] = cell;
          }
          masks[n * words + word] = (masks[n * words + word] ?? 0) | bit;
        }
      });
    });
    // Field scores summed per passage in that order; passages listed as first matched.
    const passages = new Int32Array(cellCount);
    const scores = new Float64Array(cellCount);
    let count = 0;
    for (let k = 0; k < cellCount; k++) {
      const cell = cellsInOrder[k] ?? 0;
      const n = cell % size;
      const score = (sums[cell] ?? 0) / magnitude || 0;
      const at = slot[n] ?? -1;
      if (at < 0) {
        slot[n] = count;
        passages[count] = n;
        scores[count] = score;
        count++;
      } else scores[at] = (scores[at] ?? 0) + score;
      sums[cell] = 0;
      seen[cell] = 0;
    }
    const matchedMasks = new Uint32Array(count * words);
    for (let i = 0; i < count; i++) {
      const n = passages[i] ?? 0;
      for (let w = 0; w < words; w++) {
        matchedMasks[i * words + w] = masks[n * words + w] ?? 0;
        masks[n * words + w] = 0;
      }
      slot[n] = -1;
    }
    const terms = order.map((o) => o.term);
    return {
      count,
      scores: scores.subarray(0, count),
      documentIndex: (i) => documentOfPassage[passages[i] ?? 0] ?? 0,
      passage: (i) => passageAt(passages[i] ?? 0),
      has: (i, term) => {
        const j = terms.indexOf(term);
        return j >= 0 && ((matchedMasks[i * words + (j >> 5)] ?? 0) & (1 << (j & 31))) !== 0;
      },
      termsOf: (i) => terms.filter((_, j) => ((matchedMasks[i * words + (j >> 5)] ?? 0) & (1 << (j & 31))) !== 0),
    };
  };

  const query = (clauses: readonly QueryClause[]): IndexMatch[] => {
    const m = match(clauses);
    const ranked = Array.from({ length: m.count }, (_, i) => i).sort((a, b) => (m.scores[b] ?? 0) - (m.scores[a] ?? 0) || a - b);
    return ranked.map((i) => ({ documentId: documentIds[m.documentIndex(i)] ?? '', passage: m.passage(i), score: m.scores[i] ?? 0, terms: m.termsOf(i) }));
  };

  const numberOf = new WeakMap<Passage, number>();
  let sentenceBytes: Uint8Array | undefined;
  let sentenceOffsets: Uint32Array | undefined;
  let allTerms: string[] | undefined;
  const sentencesAt = (n: number): PassageSentences => {
    sentenceBytes ??= new Uint8Array(Buffer.from(data.sentences, 'base64'));
    sentenceOffsets ??= uint32s(data.sentenceOffsets);
    terms ??= data.terms === '' ? [] : data.terms.split('\n');
    allTerms ??= data.extraTerms === '' ? terms : [...terms, ...data.extraTerms.split('\n')];
    const names = allTerms;
    const passage = passageAt(n);
    const read = readVarints(sentenceBytes, sentenceOffsets[n] ?? 0);
    const termSet = () => {
      const set = new Set<string>();
      for (let count = read(); count > 0; count--) set.add(names[read()] ?? '');
      return set;
    };
    const spans: Span[] = [];
    const sets: Set<string>[] = [];
    for (let count = read(); count > 0; count--) {
      const start = passage.start + read();
      spans.push({ start, end: start + read() });
      sets.push(termSet());
    }
    const heading = read() === 1 ? termSet() : undefined;
    return { spans, terms: sets, ...(heading ? { heading } : {}) };
  };
  let byId: Map<string, number> | undefined;
  let words: string[] | undefined;
  const documentIndex = new Map(documents.map((d, i) => [d.id, i]));
  const documentIds = documents.map((d) => d.id);
  const documentCache = new Map<string, IndexedDocument>();
  return {
    language: data.language,
    size,
    documentFrequency: (term) => postingsOf(term)?.documentFrequency ?? 0,
    query,
    match,
    documentIds,
    passages: () => Array.from({ length: size }, (_, n) => passageAt(n)),
    passage(id) {
      byId ??= new Map(Array.from({ length: size }, (_, n) => [passageAt(n).id, n]));
      const n = byId.get(id);
      return n === undefined ? undefined : passageAt(n);
    },
    document(id) {
      const cached = documentCache.get(id);
      if (cached) return cached;
      const d = documentIndex.get(id);
      if (d === undefined) return undefined;
      const doc = documents[d] as IndexedDocumentData;
      const sections: Section[] = doc.sections.map(([path, start, end]) => ({ path: [...(doc.paths[path] ?? [])], start, end }));
      const result: IndexedDocument = { documentId: doc.id, text: doc.text, sections, pages: doc.pages ?? [] };
      documentCache.set(id, result);
      return result;
    },
    sentences(passage, language) {
      const n = numberOf.get(passage);
      return n === undefined || language !== data.language ? undefined : sentencesAt(n);
    },
    hasWord(folded) {
      words ??= data.words === '' ? [] : data.words.split(' ');
      return find(words, folded) >= 0;
    },
    data,
  };
}

/**
 * The shipped documents' index: from the serialised file when it is present and current (the
 * built CLI), else built from `documents()` (from the sources, or a missing or stale file).
 */
export function loadBundleIndex(hash: string, documents: () => readonly DocumentToIndex[]): SearchIndex {
  if (!runningFromSources()) {
    try {
      const data = JSON.parse(readFileSync(indexFilePath(), 'utf8')) as IndexData;
      if (isCurrentIndex(data, hash)) return toSearchIndex(data);
    } catch {
      // Missing or unreadable file: build below.
    }
  }
  return toSearchIndex(buildIndexData(documents(), hash));
}

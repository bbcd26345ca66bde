import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DocumentText, Section } from '../cleaned-documents.js';
import type { Passage } from '../ingest/passages.js';
import { knowledgePath } from '../paths.js';
import { tokenize } from '../vocabulary/term-matcher.js';
import { dutchLunr, INDEX_LANGUAGE, pipelinePlugin, type IndexLanguage } from './dutch-lunr.js';
import { readTermPostings, VarintWriter, writeTermPostings, type TermPostings } from './postings.js';

/** Bump when the shape of the index file changes. */
const INDEX_FORMAT = 3;

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
  /** Every passage, in index order (built on demand). */
  passages(): readonly Passage[];
  passage(id: string): Passage | undefined;
  /** A document's text and sections, if the index holds it. */
  document(id: string): IndexedDocument | undefined;
  /** Whether a folded word occurs in any passage. */
  hasWord(folded: string): boolean;
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
  return {
    format: INDEX_FORMAT,
    sourceHash: hash,
    language,
    documents: documents.map(documentData),
    terms: terms.join('\n'),
    offsets: Buffer.from(offsets.buffer, offsets.byteOffset, offsets.byteLength).toString('base64'),
    postings: Buffer.from(out.result()).toString('base64'),
    words: [...words].sort(codeUnitOrder).join(' '),
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

/** Reusable per-query scratch space: scores per (field, passage) and which were seen. */
interface Scratch {
  readonly sums: Float64Array;
  readonly seen: Uint8Array;
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
    if (!offsets) {
      const raw = Buffer.from(data.offsets, 'base64');
      offsets = new Uint32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
    }
    postings ??= new Uint8Array(Buffer.from(data.postings, 'base64'));
    const t = find(terms, term);
    const found = t < 0 ? null : readTermPostings(postings, offsets[t] ?? 0, FIELDS.length);
    decoded.set(term, found);
    return found ?? undefined;
  };

  let scratch: Scratch | undefined;
  const query = (clauses: readonly QueryClause[]): IndexMatch[] => {
    // The query vector (lunr upserts each clause's boost into every field's vector, summing repeats).
    const vector = new Map<number, { term: string; postings: TermPostings; boost: number }>();
    const order: TermPostings[] = [];
    for (const { term, boost } of clauses) {
      const p = postingsOf(term);
      if (!p) continue;
      const entry = vector.get(p.termIndex);
      if (entry) entry.boost = entry.boost + boost;
      else {
        vector.set(p.termIndex, { term, postings: p, boost });
        order.push(p);
      }
    }
    if (vector.size === 0) return [];
    const byIndex = [...vector.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => e);
    let squares = 0;
    for (const e of byIndex) squares += e.boost * e.boost;
    const magnitude = Math.sqrt(squares);

    const cells = FIELDS.length * size;
    if (!scratch || scratch.sums.length < cells) scratch = { sums: new Float64Array(cells), seen: new Uint8Array(cells) };
    const { sums, seen } = scratch;
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
    const cellsInOrder: number[] = [];
    const matched = new Map<number, Set<string>>();
    for (const p of order) {
      const term = vector.get(p.termIndex)?.term ?? '';
      p.fields.forEach((field, f) => {
        for (const n of field.passages) {
          const cell = f * size + n;
          if (!seen[cell]) {
            seen[cell] = 1;
            cellsInOrder.push(cell);
          }
          let set = matched.get(n);
          if (!set) matched.set(n, (set = new Set()));
          set.add(term);
        }
      });
    }
    const scores = new Map<number, number>();
    for (const cell of cellsInOrder) {
      const n = cell % size;
      const score = (sums[cell] ?? 0) / magnitude || 0;
      const previous = scores.get(n);
      scores.set(n, previous === undefined ? score : previous + score);
      sums[cell] = 0;
      seen[cell] = 0;
    }
    const results = [...scores.entries()].map(([n, score]) => ({ n, score }));
    results.sort((a, b) => b.score - a.score);
    return results.map(({ n, score }) => {
      let passage: Passage | undefined;
      return {
        documentId: documents[documentOf(n)]?.id ?? '',
        get passage() {
          return (passage ??= passageAt(n));
        },
        score,
        terms: [...(matched.get(n) ?? [])],
      };
    });
  };

  let byId: Map<string, number> | undefined;
  let words: string[] | undefined;
  const documentIndex = new Map(documents.map((d, i) => [d.id, i]));
  const documentCache = new Map<string, IndexedDocument>();
  return {
    language: data.language,
    size,
    documentFrequency: (term) => postingsOf(term)?.documentFrequency ?? 0,
    query,
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

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type lunr from 'lunr';
import type { Passage } from '../ingest/passages.js';
import { knowledgePath } from '../paths.js';
import { dutchLunr, INDEX_LANGUAGE, pipelinePlugin, type IndexLanguage } from './dutch-lunr.js';

/** Bump when the shape of the index file changes. */
const INDEX_FORMAT = 2;

/** What `contractbot index` writes to `knowledge/generated/index.json`. */
export interface IndexData {
  readonly format: number;
  /** Hash of the documents and the ingest code the index was built from; a mismatch means stale. */
  readonly sourceHash: string;
  readonly language: IndexLanguage;
  readonly passages: readonly Passage[];
  readonly lunr: object;
}

/** A ready-to-query index. */
export interface SearchIndex {
  readonly index: lunr.Index;
  readonly passages: ReadonlyMap<string, Passage>;
  readonly language: IndexLanguage;
  /** Number of passages, for idf. */
  readonly size: number;
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

/**
 * Builds the lunr index (Dutch stemming and stop words) over passages: the shipped documents'
 * at build time, every document's (shipped and uploaded) when the knowledge base has uploads.
 */
export function buildIndexData(passages: readonly Passage[], hash: string, language: IndexLanguage = INDEX_LANGUAGE): IndexData {
  const l = dutchLunr();
  const index = l(function () {
    this.use(pipelinePlugin(language));
    this.ref('id');
    this.field('text');
    this.field('section', { boost: 1.3 });
    this.field('joined');
    for (const p of passages) {
      this.add({ id: p.id, text: p.text, section: p.sectionPath.join(' '), joined: joinedCompounds(`${p.text} ${p.sectionPath.join(' ')}`) });
    }
  });
  return { format: INDEX_FORMAT, sourceHash: hash, language, passages: [...passages], lunr: index.toJSON() };
}

/** Writes index data atomically to {@link indexFilePath}. */
export function writeIndexFile(data: IndexData): void {
  const path = indexFilePath();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, JSON.stringify(data));
  renameSync(`${path}.tmp`, path);
}

/** The serialisable form of a ready index (what {@link toSearchIndex} loads back). */
export function serializeIndex(index: SearchIndex, hash: string): IndexData {
  return { format: INDEX_FORMAT, sourceHash: hash, language: index.language, passages: [...index.passages.values()], lunr: index.index.toJSON() };
}

/** A ready-to-query index from its serialised data. */
export function toSearchIndex(data: IndexData): SearchIndex {
  const l = dutchLunr();
  return {
    index: l.Index.load(data.lunr),
    passages: new Map(data.passages.map((p) => [p.id, p])),
    language: data.language,
    size: data.passages.length,
  };
}

/**
 * The shipped documents' index: from the serialised file when it is present and current (the
 * built CLI), else built from `passages()` (from the sources, or a missing or stale file).
 */
export function loadBundleIndex(hash: string, passages: () => readonly Passage[]): SearchIndex {
  if (!runningFromSources()) {
    try {
      const data = JSON.parse(readFileSync(indexFilePath(), 'utf8')) as IndexData;
      if (data.format === INDEX_FORMAT && data.language === INDEX_LANGUAGE && data.sourceHash === hash) return toSearchIndex(data);
    } catch {
      // Missing or unreadable file: build below.
    }
  }
  return toSearchIndex(buildIndexData(passages(), hash));
}

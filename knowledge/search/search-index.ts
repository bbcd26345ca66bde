import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type lunr from 'lunr';
import { cleanedDocument } from '../cleaned-documents.js';
import { loadDocuments } from '../documents.js';
import { buildPassages, type Passage } from '../ingest/passages.js';
import { knowledgePath } from '../paths.js';
import { dutchLunr, INDEX_LANGUAGE, pipelinePlugin, type IndexLanguage } from './dutch-lunr.js';

/** Bump when the shape of the index file changes. */
const INDEX_FORMAT = 1;

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

/** The code files whose behaviour shapes the index, in the flavour (.ts or .js) that is running. */
function codeFiles(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const ext = extname(fileURLToPath(import.meta.url));
  const knowledgeDir = dirname(here);
  const ingest = join(knowledgeDir, 'ingest');
  const files = readdirSync(ingest)
    .filter((f) => f.endsWith(ext) && !f.includes('.test.'))
    .sort()
    .map((f) => join(ingest, f));
  return [...files, join(knowledgeDir, `cleaned-documents${ext}`), join(here, `dutch-lunr${ext}`), join(here, `search-index${ext}`)];
}

/** Hash over the documents, their metadata and the ingest code: changes whenever the index would. */
export function sourceHash(language: IndexLanguage = INDEX_LANGUAGE): string {
  const hash = createHash('sha256').update(`format ${INDEX_FORMAT} ${language}\n`);
  hash.update(readFileSync(knowledgePath('corpus', 'metadata.json')));
  for (const doc of loadDocuments()) hash.update(readFileSync(knowledgePath('corpus', doc.file)));
  for (const file of codeFiles()) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 32);
}

/** Words of hyphenated compounds written together, so "e-health" also finds "eHealth". */
export function joinedCompounds(text: string): string {
  return (text.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu) ?? []).map((w) => w.replace(/-/g, '')).join(' ');
}

/**
 * Cleans every document, cuts passages and builds the lunr index (Dutch stemming and stop words).
 * `onProgress` is told about each document as it is processed.
 */
export function buildIndexData(
  language: IndexLanguage = INDEX_LANGUAGE,
  onProgress?: (done: number, total: number, documentId: string) => void,
): IndexData {
  const l = dutchLunr();
  const docs = loadDocuments();
  const passages: Passage[] = [];
  docs.forEach((doc, i) => {
    passages.push(...buildPassages(cleanedDocument(doc.id)));
    onProgress?.(i + 1, docs.length, doc.id);
  });
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
  return { format: INDEX_FORMAT, sourceHash: sourceHash(language), language, passages, lunr: index.toJSON() };
}

/** Builds the index and writes it atomically to {@link indexFilePath}; returns what was written. */
export function writeIndexFile(onProgress?: (done: number, total: number, documentId: string) => void): IndexData {
  const data = buildIndexData(INDEX_LANGUAGE, onProgress);
  const path = indexFilePath();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, JSON.stringify(data));
  renameSync(`${path}.tmp`, path);
  return data;
}

function toSearchIndex(data: IndexData): SearchIndex {
  const l = dutchLunr();
  return {
    index: l.Index.load(data.lunr),
    passages: new Map(data.passages.map((p) => [p.id, p])),
    language: data.language,
    size: data.passages.length,
  };
}

let loaded: SearchIndex | undefined;

/**
 * The search index, loaded once: from the serialised file when it is present and current, else
 * built in memory (a missing or stale file never breaks answering).
 */
export function searchIndex(): SearchIndex {
  loaded ??= (() => {
    try {
      const data = JSON.parse(readFileSync(indexFilePath(), 'utf8')) as IndexData;
      if (data.format === INDEX_FORMAT && data.language === INDEX_LANGUAGE && data.sourceHash === sourceHash(data.language)) {
        return toSearchIndex(data);
      }
    } catch {
      // Missing or unreadable file: build below.
    }
    return toSearchIndex(buildIndexData());
  })();
  return loaded;
}

/** Builds an index in memory for a given language (measurements and tests). */
export function inMemoryIndex(language: IndexLanguage): SearchIndex {
  return toSearchIndex(buildIndexData(language));
}

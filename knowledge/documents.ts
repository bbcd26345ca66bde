import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { knowledgePath } from './paths.js';

const documentMetaSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  file: z.string(),
  title: z.string(),
  publisher: z.string(),
  kind: z.enum(['good-practices', 'escalation-handbook', 'insurer-policy']),
  sector: z.enum(['ggz', 'huisartsenzorg']),
  insurer: z.string().nullable(),
  published: z.string(),
  contractYear: z.number().int().nullable(),
  language: z.enum(['nl', 'en']),
  url: z.string().url().nullable(),
});

const metadataSchema = z.object({ note: z.string(), documents: z.array(documentMetaSchema).min(1) });

export type DocumentMeta = z.infer<typeof documentMetaSchema>;

let cached: readonly DocumentMeta[] | undefined;

/** The knowledge documents' metadata from `knowledge/corpus/metadata.json`, validated once. */
export function loadDocuments(): readonly DocumentMeta[] {
  if (cached) return cached;
  const raw: unknown = JSON.parse(readFileSync(knowledgePath('corpus', 'metadata.json'), 'utf8'));
  cached = metadataSchema.parse(raw).documents;
  return cached;
}

/** Metadata of one document by its fixed id; throws for an unknown id (a programming error). */
export function getDocument(id: string): DocumentMeta {
  const doc = loadDocuments().find((d) => d.id === id);
  if (!doc) throw new Error(`Unknown document id: ${id}`);
  return doc;
}

/** The raw extracted text of a document, exactly as shipped. */
export function readRawDocument(id: string): string {
  return readFileSync(knowledgePath('corpus', getDocument(id).file), 'utf8');
}

/** Publication year of a document ("2023-04-01" → "2023"). */
export function documentYear(doc: DocumentMeta): string {
  return doc.published.slice(0, 4);
}

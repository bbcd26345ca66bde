import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { knowledgePath } from './paths.js';
import { slugSchema } from './slug.js';

export const documentKindSchema = z.enum(['good-practices', 'escalation-handbook', 'insurer-policy']);

const documentMetaSchema = z.object({
  id: slugSchema,
  file: z.string(),
  title: z.string(),
  publisher: z.string(),
  kind: documentKindSchema,
  sector: slugSchema,
  insurer: z.string().nullable(),
  published: z.string(),
  contractYear: z.number().int().nullable(),
  language: z.enum(['nl', 'en']),
  url: z.string().url().nullable(),
});

const metadataSchema = z.object({ note: z.string(), documents: z.array(documentMetaSchema).min(1) });

/** A shipped document's entry in `knowledge/corpus/metadata.json`. */
export type BundleDocumentMeta = z.infer<typeof documentMetaSchema>;

/**
 * What the knowledge base knows of any document, shipped or uploaded: every citation and policy
 * choice reads these fields. `origin` says where the document came from.
 */
export interface DocumentMeta {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  readonly kind: z.infer<typeof documentKindSchema>;
  readonly sector: string;
  readonly insurer: string | null;
  /** Publication date or year as known ("2023-04-01", "2019"). */
  readonly published: string;
  readonly contractYear: number | null;
  readonly language: 'nl' | 'en';
  readonly url: string | null;
  readonly origin: 'bundle' | 'upload';
}

/** The shipped documents' metadata from `knowledge/corpus/metadata.json`, validated (read on every call: the knowledge base keeps the result). */
export function readBundleDocuments(): BundleDocumentMeta[] {
  const raw: unknown = JSON.parse(readFileSync(knowledgePath('corpus', 'metadata.json'), 'utf8'));
  return metadataSchema.parse(raw).documents;
}

/** The raw extracted text of a shipped document, exactly as shipped. */
export function readRawBundleDocument(meta: Pick<BundleDocumentMeta, 'file'>): string {
  return readFileSync(knowledgePath('corpus', meta.file), 'utf8');
}

/** Publication year of a document ("2023-04-01" → "2023"). */
export function documentYear(doc: Pick<DocumentMeta, 'published'>): string {
  return doc.published.slice(0, 4);
}

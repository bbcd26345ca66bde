import type { Source } from '../handlers/types.js';
import { documentYear, getDocument } from './documents.js';

/** A citation of a passage of a knowledge document, with the document's title, publisher, year and link. */
export function makeSource(documentId: string, section: string, snippet: string, score: number): Source {
  const doc = getDocument(documentId);
  return { documentId, title: doc.title, publisher: doc.publisher, year: documentYear(doc), section, snippet, score, url: doc.url };
}

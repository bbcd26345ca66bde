import { documentYear, type DocumentMeta } from './documents.js';

/** A cited passage of one of the knowledge documents. */
export interface Source {
  readonly documentId: string;
  readonly title: string;
  readonly publisher: string;
  readonly year: string;
  /** Section path joined with " › ", e.g. "6 Planning › 6.1 Planning contracteerproces". */
  readonly section: string;
  readonly snippet: string;
  readonly score: number;
  readonly url: string | null;
}

/** A citation of a passage of a knowledge document, with the document's title, publisher, year and link. */
export function makeSource(doc: DocumentMeta, section: string, snippet: string, score: number): Source {
  return { documentId: doc.id, title: doc.title, publisher: doc.publisher, year: documentYear(doc), section, snippet, score, url: doc.url };
}

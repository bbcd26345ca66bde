/** The formats {@link extractDocument} reads. */
export type DocumentFormat = 'pdf' | 'docx' | 'markdown' | 'html' | 'text';

/** One page of the raw text: `rawText.slice(start, end)` is its text. Pages are numbered from 1. */
export interface ExtractedPage {
  readonly number: number;
  readonly start: number;
  readonly end: number;
}

/**
 * The text of an uploaded file, laid out like `pdftotext` output (one line per text line, blank
 * lines between blocks) so the shared cleaning (`textBlocks`, `buildCleanedDocument`) can read it.
 */
export interface ExtractedDocument {
  readonly format: DocumentFormat;
  readonly rawText: string;
  /** In order, non-overlapping; a non-paged format has one page covering the whole text. */
  readonly pages: readonly ExtractedPage[];
}

/**
 * The page number a raw-text offset falls on: the last page starting at or before it (offsets in
 * the separator between two pages belong to the page before). Clamped to the first and last page.
 *
 * @example pageOfOffset(doc, doc.pages[1].start) // → 2
 */
export function pageOfOffset(document: Pick<ExtractedDocument, 'pages'>, rawOffset: number): number {
  const { pages } = document;
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((pages[mid]?.start ?? 0) <= rawOffset) lo = mid;
    else hi = mid - 1;
  }
  return pages[lo]?.number ?? 1;
}

/** A document of one page holding all of `rawText` (Word, HTML, Markdown, plain text). */
export function singlePage(format: DocumentFormat, rawText: string): ExtractedDocument {
  return { format, rawText, pages: [{ number: 1, start: 0, end: rawText.length }] };
}

import { decodeText } from './decode-text.js';
import { detectFormat, extensionOf } from './detect-format.js';
import { extractDocx } from './extract-docx.js';
import { extractFailure, type ExtractResult } from './extract-error.js';
import { singlePage, type DocumentFormat, type ExtractedDocument } from './extracted-document.js';
import { extractPdf } from './extract-pdf.js';
import { htmlText } from './html-text.js';
import { markdownText } from './markdown-text.js';

/** The default upload limit: 50 MB (50 × 1024 × 1024 bytes). */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export interface ExtractOptions {
  /** Called after each page of a PDF (once, 1 of 1, for other formats). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Files larger than this are refused before parsing (default {@link MAX_DOCUMENT_BYTES}). */
  readonly maxBytes?: number;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}

/** Control characters other than tab, line feed and form feed carry no text. */
function withoutControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000d-\u001f\u007f]/g, '');
}

async function extractAs(format: DocumentFormat, bytes: Uint8Array, fileName: string, options: ExtractOptions): Promise<ExtractResult> {
  switch (format) {
    case 'pdf':
      return extractPdf(bytes, options.onProgress);
    case 'docx':
      return extractDocx(bytes, extensionOf(fileName) === 'docx');
    case 'html':
    case 'markdown':
    case 'text': {
      const text = decodeText(bytes);
      if (text === undefined) return extractFailure('not-text', 'binary data');
      const raw = format === 'html' ? htmlText(text) : format === 'markdown' ? markdownText(text) : text;
      return { kind: 'ok', document: singlePage(format, raw) };
    }
  }
}

/**
 * Reads an uploaded file into raw text with pages: PDF (pdf.js), Word .docx (mammoth), HTML
 * (html-to-text), Markdown and plain text. The type comes from the content (magic bytes, HTML
 * tags, UTF-8 text) checked against the file name's extension; the raw text is laid out like
 * `pdftotext` output so `buildCleanedDocument` cleans and sections it as it does the shipped
 * documents. Never throws for bad input: every failure is a coded {@link ExtractError}
 * (`too-large` is checked before parsing).
 *
 * @example
 * const result = await extractDocument(await readFile('beleid.pdf'), 'beleid.pdf');
 * if (result.kind === 'error') console.error(describeExtractError(result.error));
 */
export async function extractDocument(bytes: Uint8Array, fileName: string, options: ExtractOptions = {}): Promise<ExtractResult> {
  const maxBytes = options.maxBytes ?? MAX_DOCUMENT_BYTES;
  if (bytes.byteLength > maxBytes) return extractFailure('too-large', `${megabytes(bytes.byteLength)} MB; the limit is ${megabytes(maxBytes)} MB`);
  if (bytes.byteLength === 0) return extractFailure('empty');
  const detected = detectFormat(bytes, fileName);
  if (detected.kind === 'error') return detected;
  let result: ExtractResult;
  try {
    result = await extractAs(detected.format, bytes, fileName, options);
  } catch (error) {
    return extractFailure('corrupt', error instanceof Error ? error.message : String(error));
  }
  if (result.kind === 'error') return result;
  const document = normalised(result.document);
  if (document.rawText.trim() === '') return extractFailure('empty');
  if (detected.format !== 'pdf') options.onProgress?.(1, 1);
  return { kind: 'ok', document };
}

/** Drops control characters without moving page boundaries in the wrong direction. */
function normalised(document: ExtractedDocument): ExtractedDocument {
  if (document.pages.length <= 1) {
    const rawText = withoutControls(document.rawText);
    return { ...document, rawText, pages: [{ number: 1, start: 0, end: rawText.length }] };
  }
  let rawText = '';
  let cursor = 0;
  const pages = document.pages.map((page) => {
    rawText += withoutControls(document.rawText.slice(cursor, page.start));
    const start = rawText.length;
    rawText += withoutControls(document.rawText.slice(page.start, page.end));
    cursor = page.end;
    return { number: page.number, start, end: rawText.length };
  });
  rawText += withoutControls(document.rawText.slice(cursor));
  return { ...document, rawText, pages };
}

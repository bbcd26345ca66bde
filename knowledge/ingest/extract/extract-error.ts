import type { ExtractedDocument } from './extracted-document.js';

/**
 * Why a file could not be read. Each code is a fact about the file, never about the program:
 * - `empty`: no bytes, or nothing but whitespace;
 * - `too-large`: more bytes than the limit (checked before parsing);
 * - `unknown-type`: not a PDF, Word .docx, HTML, Markdown or plain-text file;
 * - `not-a-pdf` / `not-a-docx`: named `.pdf` / `.docx` but something else (a program, a zip, text);
 * - `encrypted`: a password-protected PDF;
 * - `corrupt`: the file claims a format but cannot be parsed;
 * - `needs-ocr`: a PDF with pages but no text layer (a scan): it needs OCR first;
 * - `not-text`: named as a text format (.txt, .md, .html) but binary.
 */
export type ExtractErrorCode =
  | 'empty'
  | 'too-large'
  | 'unknown-type'
  | 'not-a-pdf'
  | 'not-a-docx'
  | 'encrypted'
  | 'corrupt'
  | 'needs-ocr'
  | 'not-text';

/** A coded extraction failure; `detail` is a short English fact for logs and the CLI (never a stack). */
export interface ExtractError {
  readonly code: ExtractErrorCode;
  readonly detail?: string;
}

/** The outcome of {@link extractDocument}: a document, or a coded error. */
export type ExtractResult = { readonly kind: 'ok'; readonly document: ExtractedDocument } | { readonly kind: 'error'; readonly error: ExtractError };

/** Builds an error result. */
export function extractFailure(code: ExtractErrorCode, detail?: string): ExtractResult {
  return { kind: 'error', error: detail === undefined ? { code } : { code, detail: oneLine(detail) } };
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim().replace(/[.\s]+$/, '');
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}

/**
 * One English line for an extraction error, for the CLI (chat replies render their own nl/en text
 * from the code).
 *
 * @example describeExtractError({ code: 'needs-ocr' }) // → 'The PDF has no text layer (a scan?): run OCR on it first.'
 */
export function describeExtractError(error: ExtractError): string {
  const detail = error.detail ? ` (${error.detail})` : '';
  const because = error.detail ? `: ${error.detail}` : '';
  switch (error.code) {
    case 'empty':
      return `The file is empty: it contains no text${error.detail ? ` (${error.detail})` : ''}.`;
    case 'too-large':
      return `The file is too large${because}.`;
    case 'unknown-type':
      return `Unknown file type${detail}: send a PDF, Word (.docx), HTML, Markdown or plain-text file.`;
    case 'not-a-pdf':
      return `The file is named .pdf but is not a PDF${because}.`;
    case 'not-a-docx':
      return `The file is named .docx but is not a Word document${because}.`;
    case 'encrypted':
      return `The PDF is password-protected${detail}: send a copy without a password.`;
    case 'corrupt':
      return `The file is damaged and cannot be read${detail}.`;
    case 'needs-ocr':
      return `The PDF has no text layer (${error.detail ?? 'a scan?'}): run OCR on it first.`;
    case 'not-text':
      return `The file is named as a text file but holds binary data${because}.`;
  }
}

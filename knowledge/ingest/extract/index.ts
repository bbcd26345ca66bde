/** Reading uploaded files (PDF, Word, HTML, Markdown, text) into raw text with pages. */
export { extractDocument, MAX_DOCUMENT_BYTES, type ExtractOptions } from './extract-document.js';
export { describeExtractError, type ExtractError, type ExtractErrorCode, type ExtractResult } from './extract-error.js';
export { pageOfOffset, type DocumentFormat, type ExtractedDocument, type ExtractedPage } from './extracted-document.js';
export { locateInRaw } from './locate-in-raw.js';

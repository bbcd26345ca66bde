import { renderBlocks } from './render-blocks.js';
import { textBlocks } from './text-blocks.js';

/**
 * Cleans raw PDF-extracted text for reading and indexing: words hyphenated across line breaks
 * rejoined ("oplo-\npende" → "oplopende", real hyphens such as "Minimum- en kwaliteitseisen" or
 * "e-health" kept), page numbers, repeated running headers/footers and lone URL lines dropped,
 * wrapped lines of a paragraph joined, blank-line runs collapsed to one blank line between
 * paragraphs, list items (•, -, o, 1., a.) kept whole, one per line.
 *
 * Deterministic: the same raw text always gives the same cleaned text (offsets into it are stable).
 */
export function cleanText(raw: string): string {
  return renderBlocks(textBlocks(raw)).text;
}

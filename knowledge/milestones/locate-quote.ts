/**
 * Matching form of a text for quote checks: whitespace runs become one space and a hyphen at a
 * line break inside a word ("gepu-\nbliceerd", "gepu- bliceerd") is removed, so a quote written
 * from the cleaned text also matches a rawer extraction of the same document.
 */
export function quoteKey(text: string): string {
  return text
    .replace(/(\p{Ll})-\s+(\p{Ll})/gu, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when `quote` occurs in `text`, compared by {@link quoteKey}. */
export function containsQuote(text: string, quote: string): boolean {
  return quoteKey(text).includes(quoteKey(quote));
}

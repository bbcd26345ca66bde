/**
 * Lines of raw PDF extraction that carry no content: page numbers, lone URL lines, running
 * headers/footers that repeat, and layout debris (month ticks of a timeline graphic, compass
 * letters). {@link dropNoiseLines} blanks them (keeping line positions) so paragraph assembly
 * treats them as gaps.
 */

const PAGE_NUMBER = /^(?:\d{1,3}|pagina \d{1,3}(?: van \d{1,3})?|page \d{1,3}(?: of \d{1,3})?)$/i;
const URL_LINE = /^(?:https?:\/\/|www\.|mailto:)\S*$/i;
const LAYOUT_DEBRIS = /^(?:[NOSWZ]{1,2}|[*•]|JAN|FEB|MRT|APR|MEI|JUN|JUL|AUG|SEP|OKT|NOV|DEC)$/;
const HEADING_LIKE = /^(?:bijlage\s+\d+|\d+(?:\.\d+)*\.?\s+\p{Lu})/iu;

/** Key under which repeated running headers are counted: spacing and case ignored. */
function repeatKey(line: string): string {
  return line.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Blanks noise lines. A line repeated three or more times that is short (≤ 6 words) and does not
 * read as a sentence (no final `.`, `;`, `?`, `,`) is a running header or footer: every occurrence
 * is blanked, except the first when it looks like a heading ("Bijlage 2:").
 *
 * @example dropNoiseLines(['Tekst', '12', 'https://example.org']) // → ['Tekst', '', '']
 */
export function dropNoiseLines(lines: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const key = repeatKey(line);
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const seen = new Set<string>();
  return lines.map((line) => {
    const trimmed = line.trim();
    if (trimmed === '') return '';
    if (PAGE_NUMBER.test(trimmed) || URL_LINE.test(trimmed) || LAYOUT_DEBRIS.test(trimmed)) return '';
    const key = repeatKey(trimmed);
    const words = trimmed.split(/\s+/).length;
    if ((counts.get(key) ?? 0) >= 3 && words <= 6 && !/[.;?,]$/.test(trimmed)) {
      const first = !seen.has(key);
      seen.add(key);
      return first && HEADING_LIKE.test(trimmed) ? line : '';
    }
    return line;
  });
}

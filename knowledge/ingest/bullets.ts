/** The bullet marks the documents' list items start with (PDF and Word exports). */
const BULLET_MARKS = '•●▪◦‣∙·';
/** Dashes, which start list items too where a text uses them as bullets. */
const DASH_MARKS = '–-';

/**
 * The length of a leading bullet and the spaces after it ("• Tekst" → 2), 0 when the text does not
 * start with one; a mark needs at least one space after it. `dashes`: "– Tekst" counts too.
 */
export function bulletLength(text: string, dashes = false): number {
  const mark = text.charAt(0);
  if (mark === '' || !(BULLET_MARKS.includes(mark) || (dashes && DASH_MARKS.includes(mark)))) return 0;
  const rest = text.slice(1);
  const spaces = rest.length - rest.trimStart().length;
  return spaces > 0 ? 1 + spaces : 0;
}

/** The text without its leading bullet ("• Tekst" → "Tekst"); unchanged when it has none. */
export function withoutBullet(text: string, dashes = false): string {
  return text.slice(bulletLength(text, dashes));
}

import { bulletLength, withoutBullet } from './bullets.js';
import { dehyphenate } from './dehyphenate.js';
import { dropNoiseLines } from './noise-lines.js';

/** How a heading is numbered in the source document. */
export type HeadingKind =
  | { readonly kind: 'numbered'; readonly number: readonly number[] }
  | { readonly kind: 'appendix' }
  | { readonly kind: 'lettered' };

/** One block of cleaned text: headings and titles name sections, list items stay whole. */
export type TextBlock =
  | { readonly kind: 'heading'; readonly heading: HeadingKind; readonly text: string }
  | { readonly kind: 'title'; readonly bullet: boolean; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list-item'; readonly text: string };

const LIST_START = /^(?:[•●▪◦‣∙·–-]|o)\s+(?=\S)|^(?:\d{1,2}|[a-z])[.)]\s+(?=\S)/u;
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?=[\p{Lu}‘'“"])/u;
const APPENDIX = /^(?:bijlage|appendix)\s+\d{1,2}\s*(?:[:–—-]|$)/iu;
const LETTERED = /^[A-H][.:]\s+(?=\p{Lu})/u;
const TERMINAL = /[.!?;:][”’"')\]]*$/u;
const FUNCTION_WORDS = new Set(
  ('de het een en van in op te met voor aan bij naar over tot door als is zijn wordt worden die dat om of ' +
    'we wij u hun onze uw ons dan ook niet nog zo er waar wat zich kan kunnen moet moeten the and of to a in for')
    .split(' '),
);

interface OpenBlock {
  kind: 'heading' | 'paragraph' | 'list-item';
  heading?: HeadingKind;
  /** The heading's own text after its label was empty ("Bijlage 1:"), so the next line completes it. */
  awaitingText?: boolean;
  lines: string[];
}

function startsLower(line: string): boolean {
  return /^[\p{Ll}(&%€/]/u.test(line);
}

function lastWordOf(line: string): string {
  return (line.split(' ').pop() ?? '').replace(/[^\p{L}]/gu, '').toLowerCase();
}

function joinLines(lines: readonly string[]): string {
  return lines.join(' ').replace(/\s+/g, ' ').trim();
}

const DAY_MONTH = /\b\d{1,2}\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b/i;

/** Whether a finished block reads as a section title ("Digitale zorg", "Hoe doe je een melding…?"). */
function isTitleLike(text: string, bullet: boolean): boolean {
  const body = bullet ? withoutBullet(text) : text;
  if (body.length === 0 || body.length > 80) return false;
  const words = body.split(' ');
  if (words.length > 12) return false;
  if (!/^[\p{Lu}‘'“"]/u.test(body)) return false;
  if (/[.,;]$/.test(body)) return false;
  if (/:$/.test(body) && words.length > 5) return false;
  // A date marks a table cell or a timeline entry ("Uiterlijk 1 november"), not a section title.
  if (DAY_MONTH.test(body)) return false;
  // A statement with a personal pronoun is the first line of a paragraph ("Eind 2018 hebben we met
  // GGZ Noord Holland"); titles that address the reader are questions ("Heeft u zelf een voorbeeld?").
  if (!/\?$/.test(body) && /\b(we|wij|ik|je|jij|u|zij|hij)\b/i.test(body)) return false;
  return !FUNCTION_WORDS.has(lastWordOf(body));
}

/** Parses the heading numbering of a line, accepting numbers that plausibly follow `previous`. */
function numberedHeading(line: string, previous: readonly number[] | undefined): number[] | undefined {
  const m = NUMBERED.exec(line);
  if (!m?.[1] || line.length > 120) return undefined;
  const parts = m[1].split('.').map(Number);
  if (!previous) return parts.length === 1 && (parts[0] ?? 0) <= 2 ? parts : undefined;
  // Next sibling at some depth of the previous number, or its first child.
  for (let depth = 1; depth <= previous.length; depth++) {
    const expected = [...previous.slice(0, depth - 1), (previous[depth - 1] ?? 0) + 1];
    if (parts.length === depth && parts.every((p, i) => p === expected[i])) return parts;
  }
  const child = [...previous, 1];
  if (parts.length === child.length && parts.every((p, i) => p === child[i])) return parts;
  return undefined;
}

/**
 * Splits raw PDF-extracted text into blocks: noise lines dropped, hyphenation undone, wrapped
 * lines of one paragraph or list item joined, headings recognised from the document's own
 * numbering ("5.1 …", "Bijlage 1 – …", "C: …") and short title lines.
 */
export function textBlocks(raw: string): TextBlock[] {
  const normalised = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .replace(/\f/g, '\n')
    .replace(/\u00ad/g, '')
    // A cover line glued to the first chapter heading ("… op de juiste plek”1. Inkoopbeleid 2020").
    .replace(/([”"’])(\d{1,2}\.\s+\p{Lu})/gu, '$1\n\n$2');
  const lines = dehyphenate(dropNoiseLines(normalised.split('\n')).join('\n')).split('\n');

  const blocks: TextBlock[] = [];
  let current: OpenBlock | undefined;
  let lastNumber: readonly number[] | undefined;
  let gap = false;

  const flush = (next: 'upper' | 'list' | 'heading' | 'end') => {
    if (!current) return;
    const text = joinLines(current.lines);
    if (current.kind === 'heading' && current.heading) {
      blocks.push({ kind: 'heading', heading: current.heading, text });
    } else if (current.kind === 'paragraph') {
      blocks.push(next !== 'end' && isTitleLike(text, false) ? { kind: 'title', bullet: false, text } : { kind: 'paragraph', text });
    } else {
      const bulletTitle = next === 'upper' && bulletLength(text) > 0 && isTitleLike(text, true);
      blocks.push(bulletTitle ? { kind: 'title', bullet: true, text } : { kind: 'list-item', text });
    }
    current = undefined;
  };

  for (const rawLine of lines) {
    const line = rawLine.replace(/\s+/g, ' ').trim();
    if (line === '') {
      gap = true;
      continue;
    }
    // A line indented by the extraction starts a new page or column: treat it like a blank line.
    const hadGap = gap || /^ \S/.test(rawLine);
    gap = false;

    const number = numberedHeading(line, lastNumber);
    const heading: HeadingKind | undefined = number
      ? { kind: 'numbered', number }
      : APPENDIX.test(line)
        ? { kind: 'appendix' }
        : LETTERED.test(line) && line.length <= 120
          ? { kind: 'lettered' }
          : undefined;
    if (heading) {
      flush('heading');
      if (number) lastNumber = number;
      const label = line.replace(APPENDIX, '').replace(NUMBERED, '').trim();
      current = { kind: 'heading', heading, lines: [line], awaitingText: heading.kind === 'appendix' && label === '' };
      continue;
    }

    if (current?.kind === 'heading') {
      const length = joinLines(current.lines).length + line.length;
      if (current.awaitingText || (!hadGap && startsLower(line) && !LIST_START.test(line) && length <= 120)) {
        current.lines.push(line);
        current.awaitingText = false;
        continue;
      }
      flush(LIST_START.test(line) ? 'list' : 'upper');
    }

    if (LIST_START.test(line)) {
      flush('list');
      current = { kind: 'list-item', lines: [line] };
      continue;
    }
    if (line.startsWith('*')) {
      flush('upper');
      current = { kind: 'paragraph', lines: [line] };
      continue;
    }
    if (!current) {
      current = { kind: 'paragraph', lines: [line] };
      continue;
    }

    const previous = current.lines[current.lines.length - 1] ?? '';
    let join: boolean;
    if (startsLower(line)) {
      join = true;
    } else if (current.kind === 'paragraph' && isTitleLike(joinLines(current.lines), false)) {
      join = false;
    } else if (current.kind === 'list-item' && hadGap && isTitleLike(joinLines(current.lines), true)) {
      join = false;
    } else if (current.lines.length === 1 && NUMBERED.test(previous) && !TERMINAL.test(previous)) {
      // A numbered line that is not a plausible heading: a page footer ("14 Inkoopbeleid …") or a
      // table row; it stands alone.
      join = false;
    } else if (TERMINAL.test(previous)) {
      join = !hadGap && current.kind === 'paragraph';
    } else if (hadGap && /\)$/.test(previous) && line.split(' ').length <= 4 && isTitleLike(line, false)) {
      // "(… niet mogelijk)" then, after a blank line, "Bereikbaarheid": a new section, not the item's tail.
      join = false;
    } else if (!hadGap) {
      join = true;
    } else {
      // A blank line inside a sentence: PDF extraction puts one between wrapped lines. A long
      // block that has not ended its sentence continues; a short one is a label or table cell.
      // Lines starting with a number after a blank line are timeline or table rows unless the
      // sentence clearly continues ("uiterlijk op\n\n1 oktober").
      const lastWord = previous.split(' ').pop() ?? '';
      join = /^\d/.test(line)
        ? /[,&]$/.test(previous) || FUNCTION_WORDS.has(lastWordOf(previous)) || /^(?:uiterlijk|voor|na|per|vanaf|sinds)$/.test(lastWordOf(previous))
        : /[,&]$/.test(previous) || /^\p{Ll}/u.test(lastWord) || joinLines(current.lines).length > 80;
    }
    if (join) {
      current.lines.push(line);
    } else {
      flush('upper');
      current = { kind: 'paragraph', lines: [line] };
    }
  }
  flush('end');
  return demoteTitleRuns(blocks);
}

/**
 * In a run of consecutive plain titles (table header cells), only the first names a section; a
 * plain title followed by a row that starts with a date (a table cell such as "Website VGZ"
 * before "1 oktober 2019 …" or "Uiterlijk 1 oktober 2019 …") names none.
 */
function demoteTitleRuns(blocks: readonly TextBlock[]): TextBlock[] {
  return blocks.map((block, i) => {
    const before = blocks[i - 1];
    const after = blocks[i + 1];
    if (block.kind !== 'title' || block.bullet) return block;
    if (before?.kind === 'title' && !before.bullet) return { kind: 'paragraph', text: block.text };
    if (after?.kind === 'paragraph' && (/^\d/.test(after.text) || DAY_MONTH.test(after.text.slice(0, 30)))) {
      return { kind: 'paragraph', text: block.text };
    }
    return block;
  });
}

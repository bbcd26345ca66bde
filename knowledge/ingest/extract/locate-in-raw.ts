import { fold } from '../../fold.js';
import { pageOfOffset, type ExtractedDocument } from './extracted-document.js';

/** The letters and digits of a text, folded, each with the offset of the character it came from. */
interface Keyed {
  readonly key: string;
  /** `starts[i]` / `ends[i]`: the source range of `key[i]`. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function keyed(text: string): Keyed {
  let key = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; ) {
    const ch = String.fromCodePoint(text.codePointAt(i) ?? 0);
    for (const c of fold(ch)) {
      if (!LETTER_OR_DIGIT.test(c)) continue;
      key += c;
      starts.push(i);
      ends.push(i + ch.length);
    }
    i += ch.length;
  }
  return { key, starts, ends };
}

const cache = new WeakMap<ExtractedDocument, Keyed>();

/** Quotes shorter than this (in letters and digits) must match exactly; longer ones may skip noise. */
const MIN_SPLIT = 24;

/**
 * Finds a quote taken from the cleaned text in the raw text of an extracted document, to give it
 * its page: case, accents, whitespace, punctuation and hyphenation are ignored ("oplo-\npende"
 * matches "oplopende"), and a long quote also matches across a running header or page number that
 * the cleaning dropped (its first and last thirds are found close together). The first match wins.
 *
 * @example locateInRaw(doc, 'binnen 10 werkdagen') // → { start: 1234, end: 1253, page: 2 }
 */
export function locateInRaw(document: ExtractedDocument, quote: string): { start: number; end: number; page: number } | undefined {
  let raw = cache.get(document);
  if (!raw) {
    raw = keyed(document.rawText);
    cache.set(document, raw);
  }
  const needle = keyed(quote).key;
  if (needle.length === 0) return undefined;
  const found = (from: number, to: number) => {
    const start = raw.starts[from] ?? 0;
    return { start, end: raw.ends[to] ?? start, page: pageOfOffset(document, start) };
  };
  const exact = raw.key.indexOf(needle);
  if (exact >= 0) return found(exact, exact + needle.length - 1);
  if (needle.length < MIN_SPLIT) return undefined;
  const third = Math.floor(needle.length / 3);
  const head = needle.slice(0, third);
  const tail = needle.slice(needle.length - third);
  const window = needle.length * 2 + 200;
  for (let at = raw.key.indexOf(head); at >= 0; at = raw.key.indexOf(head, at + 1)) {
    const tailAt = raw.key.indexOf(tail, at + head.length);
    if (tailAt >= 0 && tailAt + tail.length - at <= window) return found(at, tailAt + tail.length - 1);
  }
  return undefined;
}

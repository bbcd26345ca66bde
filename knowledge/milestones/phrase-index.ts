import { fold } from '../fold.js';

/** The words of a text for phrase matching: folded (case, accents), letters and digits only. */
export function wordsOf(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Phrases compiled for matching on word sequences; each phrase carries a value. */
export interface PhraseIndex<T> {
  /** First word → the phrases starting with it, longest first. */
  readonly byFirst: ReadonlyMap<string, readonly { readonly words: readonly string[]; readonly value: T }[]>;
}

/** A phrase found in a word sequence: words `start` (inclusive) to `end` (exclusive). */
export interface PhraseMatch<T> {
  readonly value: T;
  readonly start: number;
  readonly end: number;
}

/**
 * Compiles `[phrase, value]` pairs (phrases folded and split like {@link wordsOf}) into an index.
 * @example phraseIndex([['beide partijen', 'both'], ['partijen', 'both']])
 */
export function phraseIndex<T>(entries: Iterable<readonly [string, T]>): PhraseIndex<T> {
  const byFirst = new Map<string, { words: string[]; value: T }[]>();
  for (const [phrase, value] of entries) {
    const words = wordsOf(phrase);
    const first = words[0];
    if (first === undefined) continue;
    const list = byFirst.get(first) ?? [];
    list.push({ words, value });
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirst };
}

/** The longest phrase of the index that starts at word `at`, if any. */
export function phraseAt<T>(words: readonly string[], at: number, index: PhraseIndex<T>): PhraseMatch<T> | undefined {
  const candidates = index.byFirst.get(words[at] ?? '');
  const hit = candidates?.find((c) => c.words.every((w, i) => words[at + i] === w));
  return hit ? { value: hit.value, start: at, end: at + hit.words.length } : undefined;
}

/** Every phrase of the index in the words, left to right, longest first, without overlaps. */
export function phrasesIn<T>(words: readonly string[], index: PhraseIndex<T>): PhraseMatch<T>[] {
  const out: PhraseMatch<T>[] = [];
  for (let i = 0; i < words.length; ) {
    const hit = phraseAt(words, i, index);
    if (hit) {
      out.push(hit);
      i = hit.end;
    } else i++;
  }
  return out;
}

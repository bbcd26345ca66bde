import { fold } from '../fold.js';

/**
 * One general mechanism for every word list kept as data (sectors, steps, when-words, small talk,
 * insurer aliases): terms are matched on whole folded words, a term may span several words, and a
 * term ending in `*` matches any word that starts with it ("huisarts*" finds "huisartsen"), a
 * one-word term starting with `*` any word that ends with it ("*datum" finds "einddatum"), and a
 * one-word term with `*` on both sides any word that contains it ("*portal*" finds "contracteerportalen").
 */
export interface TermMatch<T> {
  readonly value: T;
  /** The term as written in the data. */
  readonly term: string;
  /** Index of the first matched token and the number of tokens matched. */
  readonly token: number;
  readonly length: number;
  /** Character offsets in the original text. */
  readonly start: number;
  readonly end: number;
}

export interface Token {
  readonly text: string;
  readonly folded: string;
  readonly start: number;
  readonly end: number;
}

interface CompiledTerm<T> {
  readonly value: T;
  readonly term: string;
  readonly words: readonly string[];
  readonly prefix: boolean;
}

// Words keep inner joiners, so "Z&Z", "poh-ggz", "e-health", "a.s.r" and "zbc's" are one token.
const WORD = /[\p{L}\p{N}]+(?:[&'’.\-/][\p{L}\p{N}]+)*/gu;

/**
 * Splits text into folded word tokens with their offsets. A trailing "'s" (an English possessive,
 * "ONVZ's deadline", or a Dutch plural, "zbc's") is not part of the folded word, in text and data alike.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    const folded = fold(m[0]);
    const owner = folded.length > 2 && (folded.endsWith("'s") || folded.endsWith('’s')) ? folded.slice(0, -2) : folded;
    out.push({ text: m[0], folded: owner, start, end: start + m[0].length });
  }
  return out;
}

/** The folded words of a term as the tokenizer would produce them (so data and text agree). */
function termWords(term: string): string[] {
  return tokenize(term.replace(/\*$/, '')).map((t) => t.folded);
}

/**
 * Compiles (value, terms) pairs once; `find` returns every match in text order, longest term first
 * where two start at the same word, and never two overlapping matches.
 *
 * @example new TermMatcher([['huisartsenzorg', ['huisarts*', 'gp']]]).find('GPs en huisartsen') // one match: 'huisartsen'
 */
export class TermMatcher<T> {
  private readonly byFirstWord = new Map<string, CompiledTerm<T>[]>();
  private readonly prefixes: CompiledTerm<T>[] = [];
  private readonly suffixes: CompiledTerm<T>[] = [];
  private readonly infixes: CompiledTerm<T>[] = [];

  constructor(entries: Iterable<readonly [T, Iterable<string>]>) {
    for (const [value, terms] of entries) {
      for (const term of terms) {
        const words = termWords(term);
        if (words.length === 0) continue;
        const compiled: CompiledTerm<T> = { value, term, words, prefix: term.endsWith('*') };
        if (term.startsWith('*') && compiled.prefix && words.length === 1) this.infixes.push(compiled);
        else if (term.startsWith('*') && words.length === 1) this.suffixes.push(compiled);
        else if (compiled.prefix && words.length === 1) this.prefixes.push(compiled);
        else {
          const first = words[0] ?? '';
          const list = this.byFirstWord.get(first) ?? [];
          list.push(compiled);
          this.byFirstWord.set(first, list);
        }
      }
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /** Every non-overlapping match in `text` (or in pre-made tokens), in text order. */
  find(text: string | readonly Token[]): TermMatch<T>[] {
    const tokens = typeof text === 'string' ? tokenize(text) : text;
    const out: TermMatch<T>[] = [];
    for (let i = 0; i < tokens.length; ) {
      const match = this.matchAt(tokens, i);
      if (match) {
        out.push(match);
        i += match.length;
      } else i++;
    }
    return out;
  }

  /** The distinct values found in `text`, in order of first appearance. */
  values(text: string | readonly Token[]): T[] {
    return [...new Set(this.find(text).map((m) => m.value))];
  }

  private matchAt(tokens: readonly Token[], i: number): TermMatch<T> | undefined {
    const token = tokens[i];
    if (!token) return undefined;
    for (const candidate of this.byFirstWord.get(token.folded) ?? []) {
      const n = candidate.words.length;
      let ok = i + n <= tokens.length;
      for (let k = 1; ok && k < n; k++) {
        const want = candidate.words[k] ?? '';
        const got = tokens[i + k]?.folded ?? '';
        ok = candidate.prefix && k === n - 1 ? got.startsWith(want) : got === want;
      }
      if (ok) return this.result(candidate, tokens, i, n);
    }
    for (const candidate of this.prefixes) {
      if (token.folded.startsWith(candidate.words[0] ?? '\u0000')) return this.result(candidate, tokens, i, 1);
    }
    for (const candidate of this.suffixes) {
      if (token.folded.endsWith(candidate.words[0] ?? '\u0000')) return this.result(candidate, tokens, i, 1);
    }
    for (const candidate of this.infixes) {
      if (token.folded.includes(candidate.words[0] ?? '\u0000')) return this.result(candidate, tokens, i, 1);
    }
    return undefined;
  }

  private result(candidate: CompiledTerm<T>, tokens: readonly Token[], i: number, n: number): TermMatch<T> {
    return {
      value: candidate.value,
      term: candidate.term,
      token: i,
      length: n,
      start: tokens[i]?.start ?? 0,
      end: tokens[i + n - 1]?.end ?? 0,
    };
  }
}

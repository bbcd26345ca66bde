/** A sentence (or list item, or heading) as a character range of a text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

// Abbreviations after which a full stop does not end a sentence (Dutch and English, folded).
const ABBREVIATIONS = new Set(
  ('bijv bv o.a t.o.v i.r.t nl e.v m.b.t incl excl z.s.m art nr blz ca d.w.z dr mr drs ir prof mw dhr ' +
    'jl vgl zgn resp i.p.v m.u.v t.a.v a.s.r etc e.g i.e vs no fig st').split(' '),
);

function endsWithAbbreviation(text: string, dotIndex: number): boolean {
  const before = text.slice(Math.max(0, dotIndex - 12), dotIndex);
  const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
  if (word === '') return false;
  if (ABBREVIATIONS.has(word)) return true;
  // Initials and single letters ("A. Jansen", list labels "a."), and dotted abbreviations ("o.a.").
  return /^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

/**
 * Splits text into sentences without ever cutting inside one: a sentence ends at `.`, `!` or `?`
 * (plus closing quotes/brackets) followed by whitespace and a capital, digit, quote or bullet,
 * unless the full stop belongs to an abbreviation ("bijv.", "t.o.v."); a line break always ends
 * one (list items and headings stand alone). Spans are trimmed and cover every non-space character.
 *
 * @example sentenceSpans('Zie bijv. hoofdstuk 2. Dan volgt dit.') // → two spans
 */
export function sentenceSpans(text: string, offset = 0): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) spans.push({ start: offset + s, end: offset + e });
  };
  const boundary = /([.!?])[”’"')\]]*(?=\s+[\p{Lu}\d“‘"'(•])|\n/gu;
  for (const m of text.matchAll(boundary)) {
    const index = m.index ?? 0;
    if (m[0] === '\n') {
      push(index);
      start = index + 1;
      continue;
    }
    if (m[1] === '.' && endsWithAbbreviation(text, index)) continue;
    const end = index + m[0].length;
    push(end);
    start = end;
  }
  push(text.length);
  return spans;
}

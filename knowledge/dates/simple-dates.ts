import { fold } from '../fold.js';

/** A date as written in the text, before relations and ranges are worked out. */
export interface SimpleDate {
  readonly text: string;
  readonly index: number;
  readonly start: { readonly year?: number; readonly month: number; readonly day?: number };
}

const MONTHS: Readonly<Record<string, number>> = {
  januari: 1, january: 1, jan: 1,
  februari: 2, february: 2, feb: 2,
  maart: 3, march: 3, mrt: 3,
  april: 4, apr: 4,
  mei: 5,
  juni: 6, june: 6,
  juli: 7, july: 7,
  augustus: 8, august: 8, aug: 8,
  september: 9, sept: 9, sep: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
};
// "may", "mar", "jun", "jul" are left to chrono: they are also words ("May I …") or rare.
const NAME = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const DAY_FIRST = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th|e|ste|de)?(?: of)? (${NAME})\.?(?:,? (\d{4}))?(?![\p{L}\d])`, 'gu');
const MONTH_FIRST = new RegExp(String.raw`\b(${NAME})\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?(?![\p{L}\d])`, 'gu');
const MONTH_YEAR = new RegExp(String.raw`\b(${NAME})\.? (\d{4})(?![\p{L}\d])`, 'gu');
const NUMERIC = /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/g;
/** Every word that may name a month (as in extract-dates), to prove the simple forms covered them all. */
const ANY_MONTH = /\b(jan(uari|uary)?|feb(ruari|ruary)?|maart|mrt|march|mar|apr(il)?|mei|may|jun[ie]?|jul[iy]?|aug(ustus|ust)?|sep(tember|t)?|o[ck]t(ober)?|nov(ember)?|dec(ember)?)\b/g;

const ANY_NUMERIC = /\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b/g;

function validDay(year: number | undefined, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate();
}

/**
 * The dates of a short text when all of them are written in the plain forms people type in a
 * question — "28 April 2026", "11 mei", "3rd of March", "April 28, 2026", "oktober 2023",
 * "3-3-2026" — or undefined when any month word is used otherwise, so the caller falls back to the
 * full parser (chrono-node, ~100 ms to load). Works on the folded text; lengths are preserved for
 * the ASCII forms it matches.
 */
export function simpleDates(text: string): SimpleDate[] | undefined {
  const folded = fold(text).replace(/\s+/g, ' ');
  if (folded.length !== text.length) return undefined; // whitespace or ligatures changed: offsets would drift
  const found: SimpleDate[] = [];
  const taken: [number, number][] = [];
  const overlaps = (from: number, to: number) => taken.some(([a, b]) => from < b && to > a);
  const add = (index: number, length: number, start: SimpleDate['start']) => {
    if (overlaps(index, index + length)) return;
    if (start.day !== undefined && !validDay(start.year, start.month, start.day)) return;
    taken.push([index, index + length]);
    found.push({ text: text.slice(index, index + length), index, start });
  };
  for (const m of folded.matchAll(DAY_FIRST)) {
    add(m.index, m[0].length, { month: MONTHS[m[2] ?? ''] ?? 0, day: Number(m[1]), ...(m[3] ? { year: Number(m[3]) } : {}) });
  }
  for (const m of folded.matchAll(MONTH_FIRST)) {
    add(m.index, m[0].length, { month: MONTHS[m[1] ?? ''] ?? 0, day: Number(m[2]), ...(m[3] ? { year: Number(m[3]) } : {}) });
  }
  for (const m of folded.matchAll(MONTH_YEAR)) add(m.index, m[0].length, { month: MONTHS[m[1] ?? ''] ?? 0, year: Number(m[2]) });
  for (const m of folded.matchAll(NUMERIC)) add(m.index, m[0].length, { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) });
  // Any month word or numeric date outside these forms ("in mei", "May I", "3-3-26"): not simple.
  for (const m of folded.matchAll(ANY_MONTH)) if (!overlaps(m.index, m.index + m[0].length)) return undefined;
  for (const m of folded.matchAll(ANY_NUMERIC)) if (!overlaps(m.index, m.index + m[0].length)) return undefined;
  return found.sort((a, b) => a.index - b.index);
}

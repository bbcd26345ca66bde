import { isValidBsn } from './is-valid-bsn.js';
import { IBAN_LENGTHS, isValidIban } from './is-valid-iban.js';

export type PersonalDataKind = 'bsn' | 'email' | 'phone' | 'birthdate' | 'iban';

/** One piece of personal data found in a text: `text.slice(start, end)`. */
export interface PersonalDataMatch {
  readonly kind: PersonalDataKind;
  readonly start: number;
  readonly end: number;
}

const IBAN_CANDIDATE = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,32}/gu;
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])/gu;
// Dutch numbers: 0 + 9 digits (mobile 06…, landline 0xx…/0xxx…), or +31 / 0031 (optionally "(0)") + 9 digits;
// separators (space, dot, hyphen, area-code parentheses) may sit between any digits.
const PHONE = /(?<![\p{L}\p{N}+])(?:(?:\+|00) ?31[ -]?(?:\(0\)[ -]?)?|\(?0)[1-9](?:[ .\-)]{0,2}\d){8}(?![\p{N}]|[.,-]\d)/gu;
const BSN =
  /(?<![\p{L}\p{N}]|\p{N}[.,-])(?:\d{9}|\d{3}[. -]\d{3}[. -]\d{3}|\d{4}[. -]\d{2}[. -]\d{3}|\d{2}[. -]\d{3}[. -]\d{2}[. -]\d{2})(?![\p{N}]|[.,-]\d)/gu;

const MONTHS =
  'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|' +
  'january|february|march|may|june|july|august|october|' +
  'jan|feb|mrt|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec';
const DATE = new RegExp(
  [
    String.raw`\d{4}-\d{1,2}-\d{1,2}`,
    String.raw`\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})`,
    String.raw`\d{1,2}(?:e|ste|de|st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTHS})\.?,?\s+\d{4}`,
    String.raw`(?:${MONTHS})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}`,
  ]
    .map((p) => `(?<![\\p{L}\\p{N}])(?:${p})(?![\\p{L}\\p{N}])`)
    .join('|'),
  'giu',
);
const BIRTH_KEYWORD = String.raw`geboren|geboortedatum|geboortedag|geb\.|born|date of birth|birth ?date|birthday|dob|d\.o\.b\.?`;
/** A birth keyword shortly before the date, with no sentence end in between. */
const KEYWORD_BEFORE = new RegExp(`(?<![\\p{L}])(?:${BIRTH_KEYWORD})(?:(?![.!?](?:\\s|$))[^\\n]){0,30}$`, 'iu');
/** Or right after it: "12-03-1980 (geboortedatum)". */
const KEYWORD_AFTER = new RegExp(`^[\\s:,(]{0,3}(?:${BIRTH_KEYWORD})`, 'iu');

/**
 * Finds Dutch citizen service numbers (valid 11-test only), e-mail addresses, Dutch phone numbers,
 * dates of birth (a date next to "geboren", "geboortedatum", "born", "date of birth", "dob", …) and
 * IBANs (valid mod-97 only), without overlaps, in order of appearance.
 * @example findPersonalData('bel 06-12345678') → [{ kind: 'phone', start: 4, end: 15 }]
 */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  const add = (match: PersonalDataMatch): void => {
    if (!found.some((f) => match.start < f.end && f.start < match.end)) found.push(match);
  };

  // Candidates run on into following words: continue right after a found IBAN, not after the candidate.
  const ibans = new RegExp(IBAN_CANDIDATE.source, IBAN_CANDIDATE.flags);
  for (let m = ibans.exec(text); m; m = ibans.exec(text)) {
    const length = validIbanPrefix(m[0]);
    if (length !== undefined) add({ kind: 'iban', start: m.index, end: m.index + length });
    ibans.lastIndex = m.index + (length ?? 1);
  }
  for (const m of text.matchAll(EMAIL)) add({ kind: 'email', start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(PHONE)) add({ kind: 'phone', start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(BSN)) {
    if (isValidBsn(m[0])) add({ kind: 'bsn', start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(DATE)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text.slice(Math.max(0, start - 45), start);
    if (KEYWORD_BEFORE.test(before) || KEYWORD_AFTER.test(text.slice(end, end + 20))) add({ kind: 'birthdate', start, end });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The candidate's length (in characters, spaces included) up to the end of a valid IBAN at its
 * start, or undefined. Candidates run on into following words, so prefixes are tried.
 */
function validIbanPrefix(candidate: string): number | undefined {
  const known = IBAN_LENGTHS[candidate.slice(0, 2).toUpperCase()];
  const lengths = known !== undefined ? [known] : Array.from({ length: 20 }, (_, i) => 34 - i);
  for (const length of lengths) {
    let count = 0;
    for (let i = 0; i < candidate.length; i++) {
      if (candidate[i] !== ' ') count++;
      if (count === length) {
        const next = candidate[i + 1];
        const atBoundary = next === undefined || next === ' ';
        if (atBoundary && isValidIban(candidate.slice(0, i + 1))) return i + 1;
        break;
      }
    }
  }
  return undefined;
}

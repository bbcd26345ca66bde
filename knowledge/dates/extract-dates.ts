import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import { fold } from '../fold.js';
import { simpleDates } from './simple-dates.js';
import { addDays, formatYmd, isValidYmd } from './calendar-date.js';

/** A calendar date as written: the year may be missing ("1 oktober"), the day too ("Oktober 2023"). */
export interface PartialDate {
  readonly year?: number;
  readonly month: number;
  readonly day?: number;
}

/**
 * How the text relates to the date: `on` (plain date), `by` ("uiterlijk", "at the latest"),
 * `before` ("voor 1 september": the day itself is too late), `from` ("vanaf", "per"),
 * `until` ("tot", "until").
 */
export type DateRelation = 'on' | 'by' | 'before' | 'from' | 'until';

export interface ExtractedDate {
  /** The matched text, e.g. "1 juni – 31 oktober 2019". */
  readonly text: string;
  /** Offset of `text` in the input. */
  readonly index: number;
  readonly start: PartialDate;
  /** The end of a period ("1 december tot 1 januari"); its year is inferred when the text leaves it out. */
  readonly end?: PartialDate;
  readonly relation: DateRelation;
  /** "eind februari 2016": the date stands for the last day of the month. */
  readonly endOfMonth: boolean;
}

// chrono-node needs a reference instant for relative words; we only use what the text itself
// states (knownValues), so a fixed reference keeps extraction independent of the clock.
const REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));

const MONTH_WORD =
  /\b(jan(uari|uary)?|feb(ruari|ruary)?|maart|mrt|march|mar|apr(il)?|mei|may|jun[ie]?|jul[iy]?|aug(ustus|ust)?|sep(tember|t)?|o[ck]t(ober)?|nov(ember)?|dec(ember)?)\b/;
const NUMERIC_DATE = /\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b/;

const RANGE_JOINER = /^\s*(?:[-–—]|t\/m|tot(?: en met)?|until|to|through|till)\s*$/i;

interface Candidate {
  text: string;
  index: number;
  start: PartialDate;
  end?: PartialDate;
}

/** Texts up to this length (user questions) try {@link simpleDates} before chrono. */
const SIMPLE_MAX_LENGTH = 600;

// chrono-node takes ~130 ms to load; most questions have no date, so it is loaded on first need.
let chronoModule: typeof Chrono | undefined;
function chrono(): typeof Chrono {
  chronoModule ??= createRequire(import.meta.url)('chrono-node') as typeof Chrono;
  return chronoModule;
}

function partial(component: Chrono.ParsedComponents): PartialDate | undefined {
  if (!component.isCertain('month')) return undefined;
  const month = component.get('month');
  if (!month) return undefined;
  const day = component.isCertain('day') ? (component.get('day') ?? undefined) : undefined;
  const year = component.isCertain('year') ? (component.get('year') ?? undefined) : undefined;
  return { month, ...(day !== undefined ? { day } : {}), ...(year !== undefined ? { year } : {}) };
}

function chronoCandidates(text: string, allowSimple: boolean): Candidate[] {
  const out: Candidate[] = [];
  // A date needs a month (name or number): without one, chrono has nothing to find.
  const folded = fold(text);
  // Short texts (questions) written in plain forms need no chrono; longer ones always get it.
  const simple = allowSimple && text.length <= SIMPLE_MAX_LENGTH ? simpleDates(text) : undefined;
  if (simple) out.push(...simple);
  const results =
    !simple && (MONTH_WORD.test(folded) || NUMERIC_DATE.test(folded)) ? [...chrono().nl.parse(text, REFERENCE), ...chrono().en.parse(text, REFERENCE)] : [];
  for (const r of results) {
    // Only dates the text spells out with a month (name or number): no "morgen", "dinsdag", "dit jaar".
    const folded = fold(r.text);
    if (!MONTH_WORD.test(folded) && !NUMERIC_DATE.test(folded)) continue;
    // Month abbreviations in capitals are table headers ("JAN FEB MRT"), not dates.
    if (/^[A-Z]{3,4}\.?$/.test(r.text.trim())) continue;
    let start = partial(r.start);
    if (!start) continue;
    let matched = r.text.trimEnd().replace(/\s*[-–—]$/, '');
    let index = r.index;
    // chrono sometimes drops the day of "1 oktober \n- …" (it reads a dangling range); take it back.
    const dayBefore = /\b(\d{1,2})\s+$/.exec(text.slice(Math.max(0, index - 4), index));
    if (start.day === undefined && dayBefore) {
      start = { ...start, day: Number(dayBefore[1]) };
      index -= dayBefore[0].length;
      matched = text.slice(index, r.index) + matched;
    }
    const end = r.end ? partial(r.end) : undefined;
    out.push({ text: matched, index, start, ...(end && r.text.trimEnd().replace(/\s*[-–—]$/, '') === r.text.trimEnd() ? { end } : {}) });
  }
  // ISO dates ("2026-05-03") are not chrono's Dutch or English casual forms; take them as written.
  for (const m of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) {
    if (isValidYmd(m[0])) out.push({ text: m[0], index: m.index, start: { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } });
  }
  out.push(...periodCandidates(text));
  // Both locales may find the same span; keep the longest match per position, drop overlaps.
  out.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const kept: Candidate[] = [];
  for (const c of out) {
    const last = kept[kept.length - 1];
    if (last && c.index < last.index + last.text.length) continue;
    kept.push(c);
  }
  return kept;
}

const QUARTER_WORDS: Record<string, number> = {
  eerste: 1, tweede: 2, derde: 3, vierde: 4, laatste: 4, first: 1, second: 2, third: 3, fourth: 4, last: 4, final: 4,
};

/**
 * Periods chrono does not know: quarters ("in het eerste kwartaal van 2025", "the last quarter of
 * 2020", "Q1 2025") and whole years ("gedurende heel 2023", "throughout 2023"), as month spans.
 */
function periodCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  const folded = fold(text);
  const quarter = /\b(eerste|tweede|derde|vierde|laatste|first|second|third|fourth|last|final) (?:kwartaal|quarter)(?: (?:van|of|in))? (20\d\d)\b|\bq([1-4]) (20\d\d)\b/g;
  for (const m of folded.matchAll(quarter)) {
    const q = m[1] ? (QUARTER_WORDS[m[1]] ?? 1) : Number(m[3]);
    const year = Number(m[2] ?? m[4]);
    out.push({ text: text.slice(m.index, m.index + m[0].length), index: m.index, start: { year, month: q * 3 - 2 }, end: { year, month: q * 3 } });
  }
  for (const m of folded.matchAll(/\b(?:gedurende (?:heel )?|heel |throughout |the whole of |all of )(20\d\d)\b/g)) {
    const year = Number(m[1]);
    out.push({ text: text.slice(m.index, m.index + m[0].length), index: m.index, start: { year, month: 1 }, end: { year, month: 12 } });
  }
  return out;
}

/** chrono does not join "1 juni – 31 oktober 2019" (en dash); join adjacent dates around a range word. */
function joinRanges(text: string, list: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of list) {
    const prev = out[out.length - 1];
    if (prev && !prev.end) {
      const between = text.slice(prev.index + prev.text.length, c.index);
      if (RANGE_JOINER.test(between) && !c.end) {
        out[out.length - 1] = { text: text.slice(prev.index, c.index + c.text.length), index: prev.index, start: prev.start, end: c.start };
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

/** Fills in missing years of a period: the start takes the end's year (a year earlier if it would come after the end), the end the start's. */
function completeYears(c: Candidate): Candidate {
  if (!c.end) return c;
  let { start, end } = c;
  const order = (a: PartialDate, b: PartialDate) => a.month * 100 + (a.day ?? 1) - (b.month * 100 + (b.day ?? 1));
  if (start.year === undefined && end.year !== undefined) {
    start = { ...start, year: order(start, end) > 0 ? end.year - 1 : end.year };
  } else if (end.year === undefined && start.year !== undefined) {
    end = { ...end, year: order(end, start) < 0 ? start.year + 1 : start.year };
  }
  return { ...c, start, end };
}

function relationBefore(text: string, index: number): { relation: DateRelation; endOfMonth: boolean } {
  const before = fold(text.slice(Math.max(0, index - 40), index)).replace(/\s+/g, ' ');
  const tail = before.split(/[.;:!?\n]/).pop() ?? '';
  const endOfMonth = /\b(eind|einde|end of|the end of|ultimo)\s*$/.test(tail);
  const word = tail.replace(/\b(eind|einde|end of|the end of|ultimo)\s*$/, '').trimEnd();
  let relation: DateRelation = 'on';
  if (/\b(uiterlijk|uiterlijk op|at the latest by|at the latest on|no later than|by|deadline)\s*(op|on)?$/.test(word)) relation = 'by';
  else if (/\b(voor|voordat|before|prior to)$/.test(word)) relation = 'before';
  else if (/\b(vanaf|per|sinds|from|since|as of|starting)$/.test(word)) relation = 'from';
  else if (/\b(tot|t\/m|until|till|up to)$/.test(word)) relation = 'until';
  return { relation, endOfMonth };
}

/**
 * Finds the calendar dates a Dutch or English text spells out, with what the text says about them.
 * Uses chrono-node's Dutch and English parsers for the dates themselves, and adds what chrono
 * leaves out: en-dash periods ("1 juni – 31 oktober 2019"), the year of a period's start or end,
 * "eind februari 2016" (last day of the month) and the qualifiers "uiterlijk", "voor", "vanaf", "tot".
 * Words without a month ("morgen", "dinsdag", "dit jaar") are ignored. Never reads the clock.
 * Short texts in plain forms skip chrono ({@link simpleDates}); `thorough` always uses it.
 * @example extractDates('uiterlijk 1 oktober')[0] → { start: { month: 10, day: 1 }, relation: 'by', … }
 */
export function extractDates(text: string, options: { thorough?: boolean } = {}): ExtractedDate[] {
  return joinRanges(text, chronoCandidates(text, !options.thorough)).map((c) => {
    const full = completeYears(c);
    const { relation, endOfMonth } = relationBefore(text, full.index);
    return { ...full, relation, endOfMonth: endOfMonth && full.start.day === undefined };
  });
}

/** Last day of a month. */
function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The deadline a (start) date stands for, as a calendar date: "voor 1 september 2023" → 2023-08-31,
 * "eind februari 2016" → 2016-02-29, "Oktober 2023" → 2023-10-01 with month precision.
 * `defaultYear` is used when the text gives none. Undefined when the parts do not make a real date.
 */
export function resolveDate(
  d: Pick<ExtractedDate, 'start' | 'relation' | 'endOfMonth'>,
  defaultYear: number,
): { date: string; precision: 'day' | 'month' } | undefined {
  const year = d.start.year ?? defaultYear;
  if (d.start.day === undefined) {
    if (d.endOfMonth) return { date: formatYmd(year, d.start.month, lastDayOfMonth(year, d.start.month)), precision: 'day' };
    return { date: formatYmd(year, d.start.month, 1), precision: 'month' };
  }
  const date = formatYmd(year, d.start.month, d.start.day);
  if (!isValidYmd(date)) return undefined;
  return { date: d.relation === 'before' ? addDays(date, -1) : date, precision: 'day' };
}

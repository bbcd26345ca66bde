import { addDays, formatYmd, isoWeekday, parseYmd } from '../../knowledge/dates/calendar-date.js';
import type { KnowledgeBase, TimeWordId } from '../../knowledge/knowledge-base.js';
import type { Token } from '../../knowledge/vocabulary/term-matcher.js';
import type { TimeWindow } from './understanding.js';

/** A time window read from a message. */
export interface ReadWindow {
  readonly window: TimeWindow;
  /**
   * Read from a year alone ("in 2027", "dit jaar", "volgend jaar"): the same words name a contract
   * year, so the window counts only for a message that lists deadlines.
   */
  readonly weak: boolean;
}

type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** One piece of the message: a time word of the vocabulary, a number, a year, or any other word. */
type Item =
  | { readonly kind: 'word'; readonly id: TimeWordId; readonly language: 'nl' | 'en' | undefined }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'year'; readonly value: number }
  | { readonly kind: 'other' };

/** How far a plural unit without a number reaches ("de komende weken", "coming months"). */
const PLURAL_REACH: Readonly<Record<Unit, number>> = { day: 7, week: 4, month: 3, quarter: 1, year: 1 };
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

/** Endings of a day written as an ordinal ("3rd", "1st", "1e", "2de", "1ste"). */
const ORDINAL_ENDINGS = ['st', 'nd', 'rd', 'th', 'e', 'de', 'ste'];

function isDigits(text: string): boolean {
  return text.length > 0 && [...text].every((c) => c >= '0' && c <= '9');
}

/** The number of a token written in digits, or as an ordinal day ("3rd", "11th", "1e"). */
function digitsOf(folded: string): { value: number; ordinal: boolean } | undefined {
  if (isDigits(folded)) return { value: Number(folded), ordinal: false };
  const ending = ORDINAL_ENDINGS.find((e) => folded.endsWith(e) && isDigits(folded.slice(0, -e.length)));
  return ending ? { value: Number(folded.slice(0, -ending.length)), ordinal: true } : undefined;
}

/** The message as time items, from the time vocabulary and the digits of its tokens. */
function itemsOf(tokens: readonly Token[], kb: KnowledgeBase): Item[] {
  const hits = new Map(kb.phrases.time.find(tokens).map((h) => [h.token, h]));
  const items: Item[] = [];
  for (let i = 0; i < tokens.length; ) {
    const hit = hits.get(i);
    if (hit) {
      items.push({ kind: 'word', id: hit.id, language: hit.language });
      i += hit.length;
      continue;
    }
    const number = digitsOf(tokens[i]?.folded ?? '');
    if (number) {
      const { value, ordinal } = number;
      items.push(!ordinal && value >= MIN_YEAR && value <= MAX_YEAR ? { kind: 'year', value } : { kind: 'number', value });
    } else {
      items.push({ kind: 'other' });
    }
    i += 1;
  }
  return items;
}

function idOf(item: Item | undefined): TimeWordId | undefined {
  return item?.kind === 'word' ? item.id : undefined;
}

function prefixed(item: Item | undefined, prefix: 'month:' | 'number:' | 'unit:' | 'units:' | 'day:' | 'quarter:' | 'ordinal:'): string | undefined {
  const id = idOf(item);
  return id !== undefined && id.startsWith(prefix) ? id.slice(prefix.length) : undefined;
}

function monthOf(item: Item | undefined): number | undefined {
  const month = prefixed(item, 'month:');
  return month === undefined ? undefined : Number(month);
}

function numberOf(item: Item | undefined): number | undefined {
  if (item?.kind === 'number') return item.value;
  const word = prefixed(item, 'number:');
  return word === undefined ? undefined : Number(word);
}

function yearOf(item: Item | undefined): number | undefined {
  return item?.kind === 'year' ? item.value : undefined;
}

function unitOf(item: Item | undefined): { unit: Unit; plural: boolean } | undefined {
  const singular = prefixed(item, 'unit:');
  if (singular !== undefined) return { unit: singular as Unit, plural: false };
  const plural = prefixed(item, 'units:');
  return plural !== undefined ? { unit: plural as Unit, plural: true } : undefined;
}

/** A number that may be a day of the month. */
function dayOf(item: Item | undefined): number | undefined {
  const n = item?.kind === 'number' ? item.value : undefined;
  return n !== undefined && n >= 1 && n <= 31 ? n : undefined;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function lastOfMonth(year: number, month: number): string {
  return formatYmd(year, month, daysInMonth(year, month));
}

/** `date` plus `n` units (months clamp the day: 31 January + 1 month = 28/29 February). */
function addUnits(date: string, n: number, unit: Unit): string {
  const { year, month, day } = parseYmd(date);
  switch (unit) {
    case 'day':
      return addDays(date, n);
    case 'week':
      return addDays(date, 7 * n);
    case 'month':
    case 'quarter':
    case 'year': {
      const months = unit === 'month' ? n : unit === 'quarter' ? 3 * n : 12 * n;
      const index = year * 12 + (month - 1) + months;
      const y = Math.floor(index / 12);
      const m = (index % 12) + 1;
      return formatYmd(y, m, Math.min(day, daysInMonth(y, m)));
    }
  }
}

/** The calendar period (week Monday–Sunday, month, quarter, year) `offset` periods from the one `today` is in. */
function calendarPeriod(today: string, unit: Unit, offset: number): TimeWindow {
  const { year, month } = parseYmd(today);
  switch (unit) {
    case 'day': {
      const day = addDays(today, offset);
      return { from: day, to: day, kind: 'range' };
    }
    case 'week': {
      const monday = addDays(today, 1 - isoWeekday(today) + 7 * offset);
      return { from: monday, to: addDays(monday, 6), kind: 'range' };
    }
    case 'month': {
      const from = addUnits(formatYmd(year, month, 1), offset, 'month');
      const { year: y, month: m } = parseYmd(from);
      return { from, to: lastOfMonth(y, m), kind: 'range' };
    }
    case 'quarter': {
      const first = formatYmd(year, month - ((month - 1) % 3), 1);
      const from = addUnits(first, offset, 'quarter');
      return { from, to: addDays(addUnits(from, 1, 'quarter'), -1), kind: 'range' };
    }
    case 'year':
      return { from: formatYmd(year + offset, 1, 1), to: formatYmd(year + offset, 12, 31), kind: 'range' };
  }
}

/** How far "upcoming deadlines" / "welke deadlines komen eraan?" look ahead. */
const UPCOMING_MONTHS = 3;

function upcoming(today: string): TimeWindow {
  return { from: today, to: addUnits(today, UPCOMING_MONTHS, 'month'), kind: 'range' };
}

/** The first occurrence of month/day on or after today, unless the year is given. */
function dateOn(today: string, month: number, day: number, year: number | undefined): string {
  const t = parseYmd(today);
  const clamp = (y: number) => formatYmd(y, month, Math.min(day, daysInMonth(y, month)));
  if (year !== undefined) return clamp(year);
  const thisYear = clamp(t.year);
  return thisYear >= today ? thisYear : clamp(t.year + 1);
}

/** "voor 1 januari", "before January 1", "tot eind maart", "until March 2027": the bound after `at` (a before/until word). */
function bound(items: readonly Item[], at: number, today: string): TimeWindow | undefined {
  const word = items[at];
  // "van januari tot maart": a range of months, read by {@link months}.
  if (monthOf(items[at - 1]) !== undefined) return undefined;
  const before = idOf(word) === 'before';
  let i = at + 1;
  if (idOf(items[i]) === 'article') i += 1;
  const endOf = idOf(items[i]) === 'end-of';
  if (endOf) i += 1;
  let day = dayOf(items[i]);
  let month: number | undefined;
  if (day !== undefined) {
    const of = idOf(items[i + 1]) === 'of' ? 1 : 0;
    month = monthOf(items[i + 1 + of]);
    i += 2 + of;
  } else {
    month = monthOf(items[i]);
    day = dayOf(items[i + 1]);
    i += day !== undefined ? 2 : 1;
  }
  if (month === undefined) return undefined;
  // Dutch "voor januari" is as often "for January" as "before January": only a day makes it a bound.
  if (before && day === undefined && word?.kind === 'word' && word.language === 'nl') return undefined;
  const year = yearOf(items[i]);
  let to: string;
  if (day !== undefined && !endOf) {
    const date = dateOn(today, month, day, year);
    to = before ? addDays(date, -1) : date;
  } else {
    const first = dateOn(today, month, 1, year);
    const { year: y } = parseYmd(first);
    // A month already begun this year still counts as this year's when asked for its end.
    const ofYear = year ?? (parseYmd(today).month === month ? parseYmd(today).year : y);
    to = before && !endOf ? addDays(formatYmd(ofYear, month, 1), -1) : lastOfMonth(ofYear, month);
  }
  const from = to >= today ? today : formatYmd(parseYmd(to).year, 1, 1);
  return { from, to, kind: 'range' };
}

/** A day date at `at`: "1 december", "the 1st of December", "December 1", with the year that follows; `next` is the item after it. */
function dayDateAt(items: readonly Item[], at: number): { month: number; day: number; year: number | undefined; next: number } | undefined {
  let i = at;
  if (idOf(items[i]) === 'article') i += 1;
  const first = dayOf(items[i]);
  if (first !== undefined) {
    const of = idOf(items[i + 1]) === 'of' ? 1 : 0;
    const month = monthOf(items[i + 1 + of]);
    if (month === undefined) return undefined;
    const year = yearOf(items[i + 2 + of]);
    return { month, day: first, year, next: i + 2 + of + (year !== undefined ? 1 : 0) };
  }
  const month = monthOf(items[i]);
  const day = dayOf(items[i + 1]);
  if (month === undefined || day === undefined) return undefined;
  const year = yearOf(items[i + 2]);
  return { month, day, year, next: i + 2 + (year !== undefined ? 1 : 0) };
}

/** "tussen 1 december en 1 maart", "from 1 December to 1 March": from the first date through the second. */
function between(items: readonly Item[], at: number, today: string): TimeWindow | undefined {
  const first = dayDateAt(items, at + 1);
  if (!first) return undefined;
  const link = idOf(items[first.next]);
  if (link !== 'joiner' && link !== 'until') return undefined;
  const second = dayDateAt(items, first.next + 1);
  if (!second) return undefined;
  const fromYear = first.year ?? (second.year !== undefined ? (first.month <= second.month ? second.year : second.year - 1) : undefined);
  const from = dateOn(today, first.month, first.day, fromYear);
  let to = dateOn(from, second.month, second.day, second.year);
  if (to < from) to = dateOn(addDays(from, 1), second.month, second.day, undefined);
  return { from, to, kind: 'range' };
}

/** "november 2019", "januari en februari 2027", "van januari tot maart": the months from `at`, with the year that follows. */
function months(items: readonly Item[], at: number, today: string): TimeWindow | undefined {
  const named: number[] = [];
  let i = at;
  for (;;) {
    const month = monthOf(items[i]);
    if (month === undefined) break;
    // "1 januari" / "January 1" / "the 3rd of March" is a day, not a month.
    if (dayOf(items[i - 1]) !== undefined || dayOf(items[i + 1]) !== undefined) return undefined;
    if (idOf(items[i - 1]) === 'of' && dayOf(items[i - 2]) !== undefined) return undefined;
    named.push(month);
    const next = idOf(items[i + 1]);
    if ((next === 'joiner' || next === 'until') && monthOf(items[i + 2]) !== undefined) i += 2;
    else {
      i += 1;
      break;
    }
  }
  const first = named[0];
  const last = named[named.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const year = yearOf(items[i]);
  const t = parseYmd(today);
  // Without a year: the coming occurrence of the first month (this month counts as this year's).
  const firstYear = year !== undefined ? (first <= last ? year : year - 1) : first >= t.month ? t.year : t.year + 1;
  const lastYear = year ?? (last >= first ? firstYear : firstYear + 1);
  return { from: formatYmd(firstYear, first, 1), to: lastOfMonth(lastYear, last), kind: 'range' };
}

/** "Q3 2027", "het derde kwartaal": the quarter at `at`, in the year that follows or else its coming occurrence (the current quarter counts). */
function quarter(items: readonly Item[], at: number, today: string): TimeWindow | undefined {
  const named = prefixed(items[at], 'quarter:');
  const n = named === undefined ? undefined : Number(named);
  if (n === undefined || n < 1 || n > 4) return undefined;
  const t = parseYmd(today);
  const given = yearOf(items[at + 1]);
  const year = given ?? (Math.ceil(t.month / 3) <= n ? t.year : t.year + 1);
  const from = formatYmd(year, 3 * n - 2, 1);
  return { from, to: lastOfMonth(year, 3 * n), kind: 'range' };
}

/** "next 3 deadlines", "de komende drie deadlines": the number of deadlines asked after a next/coming word at `at`. */
function deadlineCount(items: readonly Item[], at: number): number | undefined {
  const n = numberOf(items[at + 1]);
  return n !== undefined && n >= 1 && n <= 50 && idOf(items[at + 2]) === 'deadlines' ? n : undefined;
}

/** Whether a month word at `at` is used as a month: next to a window word, a joiner, a number or a year ("May I …" is not). */
function monthInContext(items: readonly Item[], at: number): boolean {
  const before = items[at - 1];
  const after = items[at + 1];
  const id = idOf(before);
  return (
    id === 'in' || id === 'between' || id === 'joiner' || id === 'until' || id === 'before' || id === 'end-of' || monthOf(before) !== undefined ||
    before?.kind === 'number' || after?.kind === 'number' || after?.kind === 'year'
  );
}

/**
 * The time window a message names, read on its tokens with the time vocabulary
 * (knowledge/data/vocabulary/time-words.json), relative to `today` (Europe/Amsterdam):
 * "komende 3 maanden" / "the next three months" (today through today + 3 months), "deze maand",
 * "volgende week", "in januari en februari 2027", "in november 2019", "before 1 January",
 * "tot eind maart", "tussen 1 december en 1 maart", "Q3 2027", "rest of the year", "what's next?" (kind `next`),
 * "next 3 deadlines" (kind `next`, count 3),
 * "in 2027" and "komende deadlines" / "coming up" (the next three months) (weak).
 *
 * @example timeWindowOf(tokenize('welke deadlines komen er de komende 3 maanden?'), kb, '2026-11-23')
 *   // { window: { from: '2026-11-23', to: '2027-02-23', kind: 'range' }, weak: false }
 */
export function timeWindowOf(tokens: readonly Token[], kb: KnowledgeBase, today: string): ReadWindow | undefined {
  const items = itemsOf(tokens, kb);
  const strong = (window: TimeWindow): ReadWindow => ({ window, weak: false });
  const ids = items.map(idOf);

  for (let i = 0; i < items.length; i++) {
    const id = ids[i];
    const count = id === 'next' || id === 'coming' || id === 'next-one' ? deadlineCount(items, i) : undefined;
    if (count !== undefined) return strong({ from: today, to: today, kind: 'next', count });
  }
  if (ids.includes('next-one')) return strong({ from: today, to: today, kind: 'next' });
  if (ids.includes('rest-of-year')) return strong({ from: today, to: formatYmd(parseYmd(today).year, 12, 31), kind: 'range' });

  for (let i = 0; i < items.length; i++) {
    if (ids[i] !== 'between') continue;
    const found = between(items, i, today);
    if (found) return strong(found);
  }
  for (let i = 0; i < items.length; i++) {
    const id = ids[i];
    if (id === 'before' || id === 'until') {
      const found = bound(items, i, today);
      if (found) return strong(found);
    }
  }
  for (let i = 0; i < items.length; i++) {
    const found = quarter(items, i, today);
    if (found) return strong(found);
  }
  for (let i = 0; i < items.length; i++) {
    if (monthOf(items[i]) !== undefined && monthInContext(items, i)) {
      const found = months(items, i, today);
      if (found) return strong(found);
    }
  }
  let comingAlone = false;
  for (let i = 0; i < items.length; i++) {
    const id = ids[i];
    if (id !== 'coming' && id !== 'next' && id !== 'this') continue;
    const n = numberOf(items[i + 1]);
    const unit = unitOf(items[n !== undefined ? i + 2 : i + 1]);
    if (!unit) {
      // "komende deadlines", "upcoming dates": the months ahead, for a message that lists deadlines.
      if (id === 'coming' && n === undefined) comingAlone = true;
      continue;
    }
    const weak = unit.unit === 'year' && n === undefined;
    if (id === 'this') {
      if (n === undefined && !unit.plural) return { window: calendarPeriod(today, unit.unit, 0), weak };
      continue;
    }
    if (id === 'next' && n === undefined && !unit.plural) return { window: calendarPeriod(today, unit.unit, 1), weak };
    const reach = n ?? (unit.plural ? PLURAL_REACH[unit.unit] : 1);
    if (reach < 1 || reach > 60) continue;
    return { window: { from: today, to: addUnits(today, reach, unit.unit), kind: 'range' }, weak };
  }
  if (comingAlone || ids.includes('upcoming')) return { window: upcoming(today), weak: true };
  for (let i = 0; i < items.length; i++) {
    const year = yearOf(items[i + 1]);
    if (ids[i] === 'in' && year !== undefined) return { window: { from: formatYmd(year, 1, 1), to: formatYmd(year, 12, 31), kind: 'range' }, weak: true };
  }
  return undefined;
}

/**
 * The reference day a message names with a day word ("ik mail ze vandaag", "tomorrow",
 * "gisteren"): `today` moved by that many days; undefined when it names none.
 * @example referenceDayOf(tokenize('ik mail ze vandaag'), kb, '2026-11-23') // '2026-11-23'
 */
export function referenceDayOf(tokens: readonly Token[], kb: KnowledgeBase, today: string): string | undefined {
  for (const hit of kb.phrases.time.find(tokens)) {
    if (hit.id.startsWith('day:')) return addDays(today, Number(hit.id.slice('day:'.length)));
  }
  return undefined;
}

/** The highest ordinal year read ("jaar 50"). */
const MAX_ORDINAL_YEAR = 50;

/** The N-th year a message names, and whether it stands before the message's first date ("the stay in the second year starts on 1 March 2027"). */
export interface OrdinalYear {
  readonly year: number;
  /** Named before the first date: that date is the start of year N itself. */
  readonly beforeDate: boolean;
}

/**
 * The N-th year a message names of what its reference date starts ("voor het tweede jaar",
 * "the third year", "jaar 2"): a rule counted from the start of year N counts from the reference
 * date plus N − 1 years, unless the year is named before the date ("the stay in the second year
 * starts on 1 March 2027": the date is that year's start). Undefined when it names none.
 * @example ordinalYearOf(tokenize('machtigingsverzoek voor het tweede jaar'), kb) // { year: 2, beforeDate: false }
 */
export function ordinalYearOf(tokens: readonly Token[], kb: KnowledgeBase): OrdinalYear | undefined {
  const items = itemsOf(tokens, kb);
  const firstDate = items.findIndex((item) => monthOf(item) !== undefined || item.kind === 'year');
  const at = (year: number, i: number): OrdinalYear => ({ year, beforeDate: firstDate >= 0 && i < firstDate });
  for (let i = 0; i < items.length; i++) {
    const ordinal = prefixed(items[i], 'ordinal:');
    const unit = unitOf(items[i + 1]);
    if (ordinal !== undefined && unit?.unit === 'year' && !unit.plural) return at(Number(ordinal), i);
    const after = unitOf(items[i]);
    const n = items[i + 1]?.kind === 'number' ? numberOf(items[i + 1]) : undefined;
    if (after?.unit === 'year' && !after.plural && n !== undefined && n >= 1 && n <= MAX_ORDINAL_YEAR) return at(n, i);
  }
  return undefined;
}

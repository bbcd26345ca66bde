import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type HolidaysClass from 'date-holidays';
import type { HolidaySettings } from './holiday-settings.js';
import { knowledgePath } from '../paths.js';
import { isValidYmd, parseYmd } from './calendar-date.js';

/** A Dutch public holiday, named in Dutch and English. */
export interface DutchHoliday {
  /** Calendar date YYYY-MM-DD (Europe/Amsterdam). */
  readonly date: string;
  readonly name: { readonly nl: string; readonly en: string };
  /** True for Good Friday and Liberation Day, which only count when {@link HolidaySettings} say so. */
  readonly optional: boolean;
}

/** date-holidays rules of the two days collective agreements treat differently (typed `school` there). */
const GOOD_FRIDAY_RULE = 'easter -2';
const LIBERATION_DAY_RULE = '05-05';

interface RawHoliday {
  readonly date: string;
  readonly rule: string;
  readonly type: string;
  readonly nl: string;
  readonly en: string;
}

/** Years kept in the precomputed table (`knowledge/generated/holidays-nl.json`, written at build). */
const TABLE_YEARS = { from: 2000, to: 2060 } as const;

let library: { nl: HolidaysClass; en: HolidaysClass } | undefined;
const byYear = new Map<number, readonly RawHoliday[]>();
let tableLoaded = false;

/** Where the build writes date-holidays' output for {@link TABLE_YEARS}, so answers need not load the library (~130 ms). */
function holidayTablePath(): string {
  return knowledgePath('generated', 'holidays-nl.json');
}

function loadTable(): void {
  tableLoaded = true;
  if (!existsSync(holidayTablePath())) return;
  try {
    const table = JSON.parse(readFileSync(holidayTablePath(), 'utf8')) as Record<string, RawHoliday[]>;
    for (const [year, list] of Object.entries(table)) byYear.set(Number(year), list);
  } catch {
    // An unreadable table only costs speed: the library answers instead.
  }
}

/** Computes the table with date-holidays and writes it (called by `contractbot index` / the build). */
export function writeHolidayTable(): void {
  const table: Record<string, readonly RawHoliday[]> = {};
  for (let year = TABLE_YEARS.from; year <= TABLE_YEARS.to; year++) table[year] = fromLibrary(year);
  mkdirSync(dirname(holidayTablePath()), { recursive: true });
  writeFileSync(holidayTablePath(), JSON.stringify(table));
}

function holidaysOfYear(year: number): readonly RawHoliday[] {
  if (!tableLoaded) loadTable();
  const cached = byYear.get(year);
  if (cached) return cached;
  const list = fromLibrary(year);
  byYear.set(year, list);
  return list;
}

/** date-holidays' NL public holidays of a year, plus Good Friday and Liberation Day (typed `school` there). */
function fromLibrary(year: number): readonly RawHoliday[] {
  if (!library) {
    const Holidays = createRequire(import.meta.url)('date-holidays') as typeof HolidaysClass;
    library = {
      nl: new Holidays('NL', { languages: ['nl'], timezone: 'Europe/Amsterdam' }),
      en: new Holidays('NL', { languages: ['en'], timezone: 'Europe/Amsterdam' }),
    };
  }
  const english = library.en.getHolidays(year, 'en');
  const list = library.nl
    .getHolidays(year, 'nl')
    .filter((h) => h.type === 'public' || h.rule === GOOD_FRIDAY_RULE || h.rule === LIBERATION_DAY_RULE)
    .map((h): RawHoliday => {
      // `date` is the local (Amsterdam) date as "YYYY-MM-DD hh:mm:ss": no time zone arithmetic needed.
      const date = h.date.slice(0, 10);
      const en = english.find((e) => e.rule === h.rule && e.date === h.date)?.name ?? h.name;
      return { date, rule: h.rule, type: h.type, nl: h.name, en };
    });
  return list;
}

function counts(h: RawHoliday, settings: HolidaySettings): boolean {
  if (h.rule === GOOD_FRIDAY_RULE) return settings.goodFriday || h.type === 'public';
  if (h.rule === LIBERATION_DAY_RULE) return settings.liberationDay || h.type === 'public';
  return true;
}

/**
 * The Dutch public holidays of a year that count under `settings`, in date order: New Year, Easter
 * Sunday and Monday, King's Day, Ascension, Whit Sunday and Monday, Christmas (25, 26) from the
 * date-holidays library; Good Friday and Liberation Day (5 May) only when the settings include them.
 * @example dutchHolidays(2026, { goodFriday: false, liberationDay: true }).map((h) => h.date)
 */
export function dutchHolidays(year: number, settings: HolidaySettings): DutchHoliday[] {
  return holidaysOfYear(year)
    .filter((h) => counts(h, settings))
    .map((h) => ({
      date: h.date,
      name: { nl: h.nl, en: h.en },
      optional: h.rule === GOOD_FRIDAY_RULE || h.rule === LIBERATION_DAY_RULE,
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The holiday on a calendar date (YYYY-MM-DD), or undefined when it is not a holiday under `settings`.
 * @example holidayOn('2026-04-27', settings) → { nl: 'Koningsdag', en: "King's Day" }
 */
export function holidayOn(date: string, settings: HolidaySettings): { nl: string; en: string } | undefined {
  if (!isValidYmd(date)) throw new Error(`Not a calendar date: ${date}`);
  const h = holidaysOfYear(parseYmd(date).year).find((x) => x.date === date && counts(x, settings));
  return h ? { nl: h.nl, en: h.en } : undefined;
}

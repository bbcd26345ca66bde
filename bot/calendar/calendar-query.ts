import { MAX_LEAD_DAYS, parseInsurerFilter, parseSectorFilter } from '../../handlers/reminder-filters.js';
import type { Language, Sector } from '../../handlers/types.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';

export interface CalendarFilter {
  readonly insurers: readonly string[] | 'all';
  readonly sectors: readonly Sector[] | 'all';
  readonly language: Language;
  /** Include the steps of past contract years (`past=1`); by default they are left out. */
  readonly past: boolean;
  /** Days before each event an alarm (VALARM) goes off (`alarm=7`); none by default. */
  readonly alarmDays?: number;
}

type Raw = string | readonly string[] | undefined;

/**
 * Reads the calendar filters from query parameters or CLI options: `insurer` (`VGZ,CZ` or `all`;
 * repeated parameters are joined), `sector` (`ggz`, `huisartsenzorg`, `all`), `lang` (`nl`, `en`),
 * `past` (`1`: include past contract years) and `alarm` (days before each event, 0–365).
 */
export function parseCalendarFilter(raw: { insurer?: Raw; sector?: Raw; lang?: Raw; past?: Raw; alarm?: Raw }, kb: Pick<KnowledgeBase, 'insurers' | 'sectors'>): { ok: true; filter: CalendarFilter } | { ok: false; message: string } {
  const join = (v: Raw) => (v === undefined ? undefined : typeof v === 'string' ? v : v.join(','));
  const insurers = parseInsurerFilter(join(raw.insurer), kb);
  if (!insurers.ok) return { ok: false, message: `insurer: ${insurers.message}` };
  const sectors = parseSectorFilter(join(raw.sector), kb);
  if (!sectors.ok) return { ok: false, message: `sector: ${sectors.message}` };
  const lang = (join(raw.lang) ?? 'nl').trim().toLowerCase();
  if (lang !== 'nl' && lang !== 'en') return { ok: false, message: `lang: use nl or en, got "${lang.slice(0, 20)}".` };
  const past = (join(raw.past) ?? '0').trim().toLowerCase();
  if (!['0', '1', 'true', 'false', 'yes', 'no', ''].includes(past)) return { ok: false, message: `past: use 1 (include past contract years) or 0, got "${past.slice(0, 20)}".` };
  const alarm = join(raw.alarm)?.trim();
  const alarmDays = alarm === undefined || alarm === '' ? undefined : Number(alarm);
  if (alarmDays !== undefined && (!Number.isInteger(alarmDays) || alarmDays < 0 || alarmDays > MAX_LEAD_DAYS || alarm !== String(alarmDays))) {
    return { ok: false, message: `alarm: give whole days before the event from 0 to ${MAX_LEAD_DAYS}, e.g. alarm=7, got "${(alarm ?? '').slice(0, 20)}".` };
  }
  return {
    ok: true,
    filter: { insurers: insurers.value, sectors: sectors.value, language: lang, past: ['1', 'true', 'yes'].includes(past), ...(alarmDays !== undefined ? { alarmDays } : {}) },
  };
}

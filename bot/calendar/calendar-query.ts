import { parseInsurerFilter, parseSectorFilter } from '../../handlers/reminder-filters.js';
import type { Language, Sector } from '../../handlers/types.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';

export interface CalendarFilter {
  readonly insurers: readonly string[] | 'all';
  readonly sectors: readonly Sector[] | 'all';
  readonly language: Language;
}

type Raw = string | readonly string[] | undefined;

/**
 * Reads the calendar filters from query parameters or CLI options: `insurer` (`VGZ,CZ` or `all`;
 * repeated parameters are joined), `sector` (`ggz`, `huisartsenzorg`, `all`), `lang` (`nl`, `en`).
 */
export function parseCalendarFilter(raw: { insurer?: Raw; sector?: Raw; lang?: Raw }, kb: Pick<KnowledgeBase, 'insurers' | 'sectors'>): { ok: true; filter: CalendarFilter } | { ok: false; message: string } {
  const join = (v: Raw) => (v === undefined ? undefined : typeof v === 'string' ? v : v.join(','));
  const insurers = parseInsurerFilter(join(raw.insurer), kb);
  if (!insurers.ok) return { ok: false, message: `insurer: ${insurers.message}` };
  const sectors = parseSectorFilter(join(raw.sector), kb);
  if (!sectors.ok) return { ok: false, message: `sector: ${sectors.message}` };
  const lang = (join(raw.lang) ?? 'nl').trim().toLowerCase();
  if (lang !== 'nl' && lang !== 'en') return { ok: false, message: `lang: use nl or en, got "${lang.slice(0, 20)}".` };
  return { ok: true, filter: { insurers: insurers.value, sectors: sectors.value, language: lang } };
}

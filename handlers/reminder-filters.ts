import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Sector } from './types.js';

/**
 * Parsing of the reminder and calendar filters shared by chat, CLI and the `/calendar.ics` route.
 * Every parser returns a value or a message fit to show the user (English; CLI and HTTP are English).
 */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export const DEFAULT_LEAD_DAYS: readonly number[] = [30, 14, 7, 1];
export const MAX_LEAD_DAYS = 365;

/** `VGZ,Zilveren Kruis` or `all` (aliases such as `Z&Z` allowed) → canonical names or 'all'. */
export function parseInsurerFilter(text: string | undefined, kb: Pick<KnowledgeBase, 'insurers'>): Parsed<readonly string[] | 'all'> {
  if (text === undefined || text.trim() === '' || text.trim().toLowerCase() === 'all') return { ok: true, value: 'all' };
  const names: string[] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const name = kb.insurers.canonical(part);
    if (!name) return { ok: false, message: `Unknown insurer "${part.slice(0, 40)}"; known: ${kb.insurers.names.join(', ')} (or "all").` };
    if (!names.includes(name)) names.push(name);
  }
  return names.length > 0 ? { ok: true, value: names } : { ok: false, message: 'Name at least one insurer, or "all".' };
}

/** `ggz`, `huisartsenzorg`, `ggz,huisartsenzorg` (or any sector name the knowledge base knows) or `all`. */
export function parseSectorFilter(text: string | undefined, kb: Pick<KnowledgeBase, 'sectors'>): Parsed<readonly Sector[] | 'all'> {
  if (text === undefined || text.trim() === '' || text.trim().toLowerCase() === 'all') return { ok: true, value: 'all' };
  const sectors: Sector[] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const sector = kb.sectors.canonical(part);
    if (!sector) return { ok: false, message: `Unknown sector "${part.slice(0, 40)}"; use ${kb.sectors.ids.join(', ')} or all.` };
    if (!sectors.includes(sector)) sectors.push(sector);
  }
  if (sectors.length === 0) return { ok: false, message: `Name a sector: ${kb.sectors.ids.join(', ')} or all.` };
  return { ok: true, value: sectors.length === kb.sectors.ids.length ? 'all' : sectors };
}

const MAX_LEAD_DIGITS = String(MAX_LEAD_DAYS).length;

/** `30,14,7,1` → [30, 14, 7, 1]: whole days 0–365, distinct, descending. */
export function parseLeadDays(text: string | undefined): Parsed<readonly number[]> {
  if (text === undefined || text.trim() === '') return { ok: true, value: DEFAULT_LEAD_DAYS };
  const days: number[] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    if (part.length > MAX_LEAD_DIGITS || ![...part].every((c) => c >= '0' && c <= '9') || Number(part) > MAX_LEAD_DAYS) {
      return { ok: false, message: `Lead days must be whole numbers from 0 to ${MAX_LEAD_DAYS} separated by commas (e.g. 30,14,7,1), got "${part.slice(0, 20)}".` };
    }
    if (!days.includes(Number(part))) days.push(Number(part));
  }
  if (days.length === 0) return { ok: false, message: 'Give at least one lead day, e.g. 30,14,7,1.' };
  if (days.length > 10) return { ok: false, message: 'Give at most 10 lead days.' };
  return { ok: true, value: days.sort((a, b) => b - a) };
}

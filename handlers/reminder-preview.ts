import type { HolidaySettings } from './context.js';
import { messages } from './messages/messages.js';
import { dateLabel } from './format-date.js';
import { reminderDueAt, reminderDueDate } from './reminder-due-time.js';
import type { Subscription } from './store.js';
import { isRemindable, subscriptionCovers } from './subscription-covers.js';
import type { Language } from './types.js';
import { addDays, amsterdamDate } from '../knowledge/dates/calendar-date.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Milestone } from '../knowledge/milestones/milestone.js';
import { milestoneOccurrences } from '../knowledge/milestones/occurrences.js';

/** One reminder a subscription will bring: `leadDays` before the milestone's `occurrenceDate`, on `dueDate`. */
export interface PlannedReminder {
  readonly milestone: Milestone;
  readonly occurrenceDate: string;
  readonly leadDays: number;
  readonly dueDate: string;
  readonly dueAt: Date;
}

export type PreviewFilter = Pick<Subscription, 'insurers' | 'sectors' | 'leadDays'> & { readonly timeOfDay?: string };

/** How far ahead a preview looks: two years covers every yearly rule and next year's policy. */
const PREVIEW_DAYS = 730;

/**
 * The next `limit` reminders a filter brings after `now`, earliest first, one per deadline and
 * lead (milestones stating one deadline together, as the scheduler groups them, count once).
 */
export function plannedReminders(kb: KnowledgeBase, filter: PreviewFilter, now: Date, holidays: HolidaySettings, limit = 3): PlannedReminder[] {
  const today = amsterdamDate(now);
  const maxLead = Math.max(0, ...filter.leadDays);
  const to = addDays(today, PREVIEW_DAYS + maxLead);
  const out: PlannedReminder[] = [];
  const seen = new Set<string>();
  for (const milestone of kb.milestones) {
    if (!isRemindable(milestone) || !subscriptionCovers(filter, milestone)) continue;
    for (const { date } of milestoneOccurrences(milestone, today, to)) {
      const group = [date, milestone.documentId, milestone.actor, milestone.insurer ?? '', milestone.sector].join('\u0000');
      for (const lead of filter.leadDays) {
        const dueAt = reminderDueAt(date, lead, holidays, filter.timeOfDay);
        if (dueAt.getTime() <= now.getTime() || seen.has(`${group}\u0000${lead}`)) continue;
        seen.add(`${group}\u0000${lead}`);
        out.push({ milestone, occurrenceDate: date, leadDays: lead, dueDate: reminderDueDate(date, lead, holidays), dueAt });
      }
    }
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.milestone.id.localeCompare(b.milestone.id)).slice(0, limit);
}

/** A loaded document a filter draws dates from, with the last date it states. */
export interface LoadedPolicy {
  readonly documentId: string;
  readonly title: string;
  readonly insurer: string | null;
  readonly sector: string;
  readonly contractYear: number | null;
  /** The last dated (non-recurring) milestone of the document, if any. */
  readonly lastDate?: string;
  readonly lastPrecision?: 'day' | 'month';
  /** The document has yearly rules (they recur every year). */
  readonly recurring: boolean;
}

/** The loaded documents whose milestones a filter reaches (insurer policies of its insurers, sector-wide documents of its sectors). */
export function loadedPoliciesFor(kb: KnowledgeBase, filter: Pick<Subscription, 'insurers' | 'sectors'>): LoadedPolicy[] {
  const out: LoadedPolicy[] = [];
  for (const doc of kb.documents) {
    const milestones = kb.milestones.filter((m) => m.documentId === doc.id && m.verified !== false && subscriptionCovers(filter, m));
    if (milestones.length === 0) continue;
    let last: { date: string; precision: 'day' | 'month' } | undefined;
    for (const m of milestones) {
      const d = m.when.kind === 'date' ? { date: m.when.date, precision: 'day' as const } : m.when.kind === 'month' ? { date: `${m.when.through ?? m.when.month}-01`, precision: 'month' as const } : undefined;
      if (d && (!last || d.date > last.date)) last = d;
    }
    out.push({
      documentId: doc.id,
      title: doc.title,
      insurer: doc.insurer,
      sector: doc.sector,
      contractYear: doc.contractYear,
      ...(last ? { lastDate: last.date, lastPrecision: last.precision } : {}),
      recurring: milestones.some((m) => m.when.kind === 'yearly'),
    });
  }
  return out.sort((a, b) => (a.insurer ?? '').localeCompare(b.insurer ?? '') || (a.contractYear ?? 0) - (b.contractYear ?? 0));
}

/** "the 2024 policy of Zorg en Zekerheid (ggz, last date 12 November 2023)". */
export function describePolicy(p: LoadedPolicy, kb: KnowledgeBase, language: Language): string {
  const m = messages(language).policies;
  const sector = p.sector;
  const year = p.contractYear === null ? '' : ` ${p.contractYear}`;
  const what = p.insurer ? m.insurerPolicy(year, p.insurer) : m.sectorRules(year, p.title);
  const label = p.lastDate ? dateLabel(p.lastDate, p.lastPrecision ?? 'day', language) : '';
  // "Thursday 9 November 2023" → "9 November 2023": the weekday of a past date says little.
  const date = p.lastPrecision === 'day' ? label.slice(label.indexOf(' ') + 1) : label;
  const last = p.lastDate ? m.lastDate(date) : '';
  return `${what} (${sector}${last})`;
}

/**
 * Why a filter brings no dates ahead, and how to fix it, in one paragraph: which policies are
 * loaded for it (with their contract years and last dates), which named insurers have none, and
 * how to add a newer policy.
 */
export function explainNothingAhead(kb: KnowledgeBase, filter: Pick<Subscription, 'insurers' | 'sectors'>, language: Language): string {
  const m = messages(language).policies;
  const policies = loadedPoliciesFor(kb, filter);
  const named = filter.insurers === 'all' ? [] : filter.insurers;
  const without = named.filter((i) => !policies.some((p) => p.insurer === i));
  const sectors = filter.sectors === 'all' ? '' : ` (${filter.sectors.join(', ')})`;
  const parts: string[] = [];
  if (policies.length === 0) parts.push(m.noneForFilter(sectors));
  else parts.push(m.loadedForFilter(sectors, join(policies.map((p) => describePolicy(p, kb, language)), language)));
  if (without.length > 0) parts.push(m.noneOf(join(without, language)));
  parts.push(m.howToAdd);
  return parts.join(' ');
}

function join(items: readonly string[], language: Language): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('; ')} ${messages(language).reminder.and} ${items[items.length - 1]}`;
}

/**
 * Why a window of the deadline calendar is empty, in one paragraph: the period, which policies are
 * loaded for the filter with their contract years and last dates, and how to add a newer one.
 * `insurer` as for the calendar: a name keeps that insurer's own policies, null only sector-wide documents.
 */
export function explainEmptyWindow(
  kb: KnowledgeBase,
  filter: { readonly insurer?: string | null; readonly sector?: string },
  range: { readonly from?: string; readonly to?: string },
  language: Language,
): string {
  const m = messages(language).policies;
  const day = (d: string) => dateLabel(d, 'day', language).slice(dateLabel(d, 'day', language).indexOf(' ') + 1);
  const period = range.from && range.to ? m.between(day(range.from), day(range.to)) : range.from ? m.from(day(range.from)) : range.to ? m.upTo(day(range.to)) : '';
  const policies = loadedPoliciesFor(kb, { insurers: filter.insurer ? [filter.insurer] : 'all', sectors: filter.sector ? [filter.sector] : 'all' }).filter(
    (p) => filter.insurer === undefined || p.insurer === filter.insurer,
  );
  const what = [filter.insurer, filter.sector].filter((x): x is string => Boolean(x)).join(', ');
  const loaded = policies.length === 0 ? m.noneForFilter('') : m.loadedForFilter('', join(policies.map((p) => describePolicy(p, kb, language)), language));
  return `${m.noDeadlines(period, what)} ${loaded} ${m.howToAddNewer}`;
}

import type { Milestone } from '../knowledge/milestones/milestone.js';
import { nextOccurrence } from '../knowledge/milestones/occurrences.js';
import { toDeadlineItem } from './deadline-item.js';
import type { Subscription } from './store.js';
import type { DeadlineItem, Language, Sector } from './types.js';

/** Which milestones interest a user: their subscriptions' insurers and sectors, or everything. */
export interface UpcomingFilter {
  readonly insurers: ReadonlySet<string> | 'all';
  readonly sectors: ReadonlySet<Sector> | 'all';
}

/** The union of what a user's subscriptions follow; everything when they follow nothing yet. */
export function filterFromSubscriptions(subscriptions: readonly Subscription[]): UpcomingFilter {
  if (subscriptions.length === 0) return { insurers: 'all', sectors: 'all' };
  const insurers = subscriptions.some((s) => s.insurers === 'all')
    ? 'all'
    : new Set(subscriptions.flatMap((s) => (s.insurers === 'all' ? [] : s.insurers)));
  const sectors = subscriptions.some((s) => s.sectors === 'all')
    ? 'all'
    : new Set(subscriptions.flatMap((s) => (s.sectors === 'all' ? [] : s.sectors)));
  return { insurers, sectors };
}

/**
 * The next `limit` deadlines on or after `today` (YYYY-MM-DD, Europe/Amsterdam), earliest first,
 * from verified milestones matching the filter (sector-wide milestones match every insurer).
 */
export function upcomingDeadlines(
  milestones: readonly Milestone[],
  today: string,
  language: Language,
  filter: UpcomingFilter,
  limit = 8,
): DeadlineItem[] {
  const items: DeadlineItem[] = [];
  for (const m of milestones) {
    if (!m.verified) continue;
    if (filter.sectors !== 'all' && !filter.sectors.has(m.sector)) continue;
    if (filter.insurers !== 'all' && m.insurer !== null && !filter.insurers.has(m.insurer)) continue;
    const next = nextOccurrence(m, today);
    if (next) items.push(toDeadlineItem(m, next, today, language));
  }
  return items.sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label)).slice(0, limit);
}

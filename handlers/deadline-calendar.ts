import { addDays, formatYmd, parseYmd } from '../knowledge/dates/calendar-date.js';
import type { Milestone } from '../knowledge/milestones/milestone.js';
import { milestoneOccurrences } from '../knowledge/milestones/occurrences.js';
import { toDeadlineItem } from './deadline-item.js';
import type { DeadlineItem, Language, Sector } from './types.js';

export interface CalendarOptions {
  /** Canonical insurer name: only that insurer's milestones; `null`: only sector-wide rules. */
  readonly insurer?: string | null;
  readonly sector?: Sector;
  /** Inclusive range; without it: every dated milestone, and yearly rules from a year back to a year ahead. */
  readonly from?: string;
  readonly to?: string;
  readonly today: string;
  readonly language: Language;
}

/**
 * The deadline calendar: every milestone occurrence matching the filters, in date order (ties by
 * insurer-specific first), with status relative to `today`.
 * @example deadlineCalendar({ insurer: 'VGZ', today: '2026-11-23', language: 'nl' })
 */
export function deadlineCalendar(options: CalendarOptions, milestones: readonly Milestone[]): DeadlineItem[] {
  const selected = milestones.filter(
    (m) => (options.insurer === undefined || m.insurer === options.insurer) && (!options.sector || m.sector === options.sector),
  );
  const year = parseYmd(options.today).year;
  const from = options.from ?? (options.to ? formatYmd(1900, 1, 1) : undefined);
  const to = options.to ?? (options.from ? formatYmd(2999, 12, 31) : undefined);
  const items: DeadlineItem[] = [];
  for (const m of selected) {
    const range =
      from && to
        ? { from, to }
        : m.when.kind === 'yearly'
          ? { from: addDays(options.today, -365), to: addDays(options.today, 365) }
          : { from: formatYmd(1900, 1, 1), to: formatYmd(Math.max(year + 50, 2100), 12, 31) };
    for (const occurrence of milestoneOccurrences(m, range.from, range.to)) items.push(toDeadlineItem(m, occurrence, options.today, options.language));
  }
  return items.sort((a, b) => a.date.localeCompare(b.date) || Number(a.insurer === null) - Number(b.insurer === null) || a.label.localeCompare(b.label));
}

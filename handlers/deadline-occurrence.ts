import type { Milestone } from '../knowledge/milestones/milestone.js';
import { milestoneOccurrences, nextOccurrence, type Occurrence } from '../knowledge/milestones/occurrences.js';

/**
 * The occurrence of a milestone to show on `today`: its date, or for a yearly rule the occurrence
 * in the year the question names ("dit jaar", "in 2027"), else the next one on or after today.
 */
export function occurrenceToShow(m: Milestone, today: string, year?: number): Occurrence {
  switch (m.when.kind) {
    case 'date':
      return { date: m.when.date, precision: 'day' };
    case 'month':
      return { date: `${m.when.month}-01`, precision: 'month' };
    case 'yearly': {
      const inYear = year !== undefined ? milestoneOccurrences(m, `${year}-01-01`, `${year}-12-31`)[0] : undefined;
      if (inYear) return inYear;
      const next = nextOccurrence(m, today, 5);
      if (!next) throw new Error(`Yearly milestone ${m.id} has no occurrence`);
      return next;
    }
  }
}

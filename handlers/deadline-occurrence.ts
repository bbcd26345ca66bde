import type { Milestone } from '../knowledge/milestones/milestone.js';
import { nextOccurrence, type Occurrence } from '../knowledge/milestones/occurrences.js';

/**
 * The occurrence of a milestone to show on `today`: its date, or for a yearly rule the next
 * occurrence on or after today.
 */
export function occurrenceToShow(m: Milestone, today: string): Occurrence {
  switch (m.when.kind) {
    case 'date':
      return { date: m.when.date, precision: 'day' };
    case 'month':
      return { date: `${m.when.month}-01`, precision: 'month' };
    case 'yearly': {
      const next = nextOccurrence(m, today, 5);
      if (!next) throw new Error(`Yearly milestone ${m.id} has no occurrence`);
      return next;
    }
  }
}

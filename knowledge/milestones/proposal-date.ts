import type { MilestoneWhen } from './milestone.js';

/**
 * The date and precision of a proposal as the CLI and cards show it.
 * @example proposalDate({ kind: 'month', month: '2023-10' }) // → { date: '2023-10-01', precision: 'month' }
 */
export function proposalDate(when: MilestoneWhen): { date: string; precision: 'day' | 'month' } | undefined {
  switch (when.kind) {
    case 'date':
      return { date: when.date, precision: 'day' };
    case 'month':
      return { date: `${when.month}-01`, precision: 'month' };
    case 'yearly':
      return undefined;
  }
}

import type { Milestone } from '../../../knowledge/milestones/milestone.js';
import { testKnowledge } from '../../../knowledge/test-support/test-knowledge.js';

/** The catalog's yearly "insurers publish their purchasing policy by 1 April" rule. */
export const POLICY_BY_APRIL_1 = 'gcp-yearly-policy-by-april-1';

/** A milestone of the real catalog with another id and date (for due-time edge cases); real document and quote. */
export function datedMilestone(id: string, date: string, overrides: Partial<Milestone> = {}): Milestone {
  const base = testKnowledge().milestones.find((m) => m.id === POLICY_BY_APRIL_1);
  if (!base) throw new Error(`catalog lacks ${POLICY_BY_APRIL_1}`);
  return { ...base, id, when: { kind: 'date', date }, ...overrides };
}

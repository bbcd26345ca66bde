import type { Subscription } from './store.js';
import type { Milestone } from '../knowledge/milestones/milestone.js';

/**
 * Whether a subscription wants reminders for a milestone: its sector is in the sector filter, and
 * the milestone is the insurer's own or sector-wide (insurer null: it concerns every insurer).
 */
export function subscriptionCovers(subscription: Pick<Subscription, 'insurers' | 'sectors'>, milestone: Pick<Milestone, 'insurer' | 'sector'>): boolean {
  if (subscription.sectors !== 'all' && !subscription.sectors.includes(milestone.sector)) return false;
  if (subscription.insurers === 'all' || milestone.insurer === null) return true;
  return subscription.insurers.includes(milestone.insurer);
}

/** Whether a milestone can be reminded of: checked by a person, and dated to the day (month precision has no deadline day). */
export function isRemindable(milestone: Milestone): boolean {
  return milestone.verified !== false && milestone.when.kind !== 'month';
}

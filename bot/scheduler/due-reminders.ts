import { conversationKey } from '../../handlers/address-key.js';
import type { HolidaySettings } from '../../handlers/context.js';
import type { MilestoneHold, OccurrenceKey, OccurrenceState, Subscription } from '../../handlers/store.js';
import { addDays, amsterdamDate, daysBetween } from '../../knowledge/dates/calendar-date.js';
import type { Milestone } from '../../knowledge/milestones/milestone.js';
import { milestoneOccurrences } from '../../knowledge/milestones/occurrences.js';
import { reminderDueAt, reminderDueDate } from './reminder-due-time.js';
import { isRemindable, subscriptionCovers } from './subscription-covers.js';

/** One reminder that should go out now (not yet delivered, not held by a live claim). */
export interface DueReminder {
  readonly key: OccurrenceKey;
  readonly subscription: Subscription;
  /** The milestone the occurrence is keyed by. */
  readonly milestone: Milestone;
  /** Every milestone of this deadline, `milestone` first (see {@link sameDeadlineGroups}). */
  readonly milestones: readonly [Milestone, ...Milestone[]];
  /** When it was due (09:00 on the due date, or the end of a snooze). */
  readonly dueAt: Date;
  /** Due on an earlier calendar day than today (the bot was down, or the send was retried). */
  readonly late: boolean;
  /** A "Snooze 1 day" follow-up rather than a lead-day reminder. */
  readonly snoozed: boolean;
}

export interface DueRemindersInput {
  readonly now: Date;
  readonly subscriptions: readonly Subscription[];
  readonly milestones: readonly Milestone[];
  /** Claimed occurrences with occurrence dates in {@link dueWindow}. */
  readonly states: readonly OccurrenceState[];
  readonly holds: readonly MilestoneHold[];
  readonly holidays: HolidaySettings;
}

/** Longest lead plus room for moving a due date back over a weekend and holidays. */
const WINDOW_SLACK_DAYS = 10;

/** The occurrence dates a pass at `now` looks at: from today (milestones ahead only) to the longest lead ahead. */
export function dueWindow(now: Date, subscriptions: readonly Pick<Subscription, 'leadDays'>[]): { fromDate: string; toDate: string } {
  const today = amsterdamDate(now);
  let maxLead = 0;
  for (const s of subscriptions) for (const d of s.leadDays) if (d > maxLead) maxLead = d;
  return { fromDate: today, toDate: addDays(today, maxLead + WINDOW_SLACK_DAYS) };
}

/**
 * The reminders due at `now`, computed in memory from one read of each table (no query per
 * subscription × milestone × lead). Per (subscription, milestone occurrence) at most one goes out:
 * the most recently due lead, so after downtime a channel gets one late reminder, not a burst of
 * stale ones. Rules:
 * - only occurrences today or ahead count: once a milestone has passed its reminders are dropped;
 * - a lead counts when its due time has come and its due date is not before the subscription was made;
 * - "Done" (mute) skips the milestone in that conversation; a running snooze holds it, and a
 *   finished snooze is itself due (a follow-up keyed by the days left at its end);
 * - delivered or finally failed occurrences, and ones under a live lease, are skipped.
 */
export function dueReminders(input: DueRemindersInput): DueReminder[] {
  const { now, holidays } = input;
  const nowMs = now.getTime();
  const today = amsterdamDate(now);
  const window = dueWindow(now, input.subscriptions);

  const occurrences = sameDeadlineGroups(
    input.milestones.filter(isRemindable).flatMap((milestone) => milestoneOccurrences(milestone, window.fromDate, window.toDate).map((o) => ({ milestone, date: o.date }))),
  );
  if (occurrences.length === 0) return [];

  const stateByKey = new Map<string, OccurrenceState>();
  for (const s of input.states) stateByKey.set(occurrenceId(s), s);
  const holdByKey = new Map<string, MilestoneHold>();
  for (const h of input.holds) holdByKey.set(`${h.conversation}\u0000${h.milestoneId}`, h);

  // Due instants depend only on (date, lead): compute each once for all subscriptions.
  const dueCache = new Map<string, { at: number; date: string }>();
  const due = (date: string, lead: number) => {
    const id = `${date}/${lead}`;
    let hit = dueCache.get(id);
    if (!hit) {
      hit = { at: reminderDueAt(date, lead, holidays).getTime(), date: reminderDueDate(date, lead, holidays) };
      dueCache.set(id, hit);
    }
    return hit;
  };

  const out: DueReminder[] = [];
  for (const subscription of input.subscriptions) {
    if (!subscription.active) continue;
    const createdDate = amsterdamDate(new Date(subscription.createdAt));
    const conversation = conversationKey(subscription.address);
    for (const { milestone, members, date } of occurrences) {
      if (!subscriptionCovers(subscription, milestone)) continue;
      const hold = holdByKey.get(`${conversation}\u0000${milestone.id}`);
      if (hold?.muted) continue;
      const snoozeMs = hold?.snoozedUntil?.getTime();
      if (snoozeMs !== undefined && snoozeMs > nowMs) continue;

      // The most recently due lead (leads are stored descending, so the last due one wins).
      let pick: { lead: number; at: number; dueDate: string; snoozed: boolean } | undefined;
      let firstDueAt: number | undefined;
      for (const lead of subscription.leadDays) {
        const d = due(date, lead);
        if (d.date < createdDate) continue;
        firstDueAt ??= d.at;
        if (d.at <= nowMs && (!pick || d.at >= pick.at)) pick = { lead, at: d.at, dueDate: d.date, snoozed: false };
      }
      // A snooze that ended during this occurrence's reminder season brings a follow-up.
      if (snoozeMs !== undefined && firstDueAt !== undefined && snoozeMs >= firstDueAt && (!pick || snoozeMs > pick.at)) {
        const snoozeDate = amsterdamDate(new Date(snoozeMs));
        if (snoozeDate <= date) {
          pick = { lead: daysBetween(snoozeDate, date), at: snoozeMs, dueDate: snoozeDate, snoozed: true };
        }
      }
      if (!pick) continue;

      const key: OccurrenceKey = { subscriptionId: subscription.id, milestoneId: milestone.id, occurrenceDate: date, leadDays: pick.lead };
      const state = stateByKey.get(occurrenceId(key));
      if (state && (state.status !== 'leased' || state.leaseUntil.getTime() > nowMs)) continue;
      out.push({ key, subscription, milestone, milestones: members, dueAt: new Date(pick.at), late: pick.dueDate < today, snoozed: pick.snoozed });
    }
  }
  return out;
}

/**
 * Groups milestone occurrences that are one deadline: the same date, document, actor, insurer and
 * sector (a guideline often states a deadline in its text and again in a timeline). Each group
 * becomes one reminder, keyed by its first milestone in catalog order, listing them all.
 */
export function sameDeadlineGroups(occurrences: readonly { milestone: Milestone; date: string }[]): { milestone: Milestone; members: [Milestone, ...Milestone[]]; date: string }[] {
  const groups = new Map<string, { milestone: Milestone; members: [Milestone, ...Milestone[]]; date: string }>();
  for (const { milestone, date } of occurrences) {
    const id = [date, milestone.documentId, milestone.actor, milestone.insurer ?? '', milestone.sector].join('\u0000');
    const group = groups.get(id);
    if (group) group.members.push(milestone);
    else groups.set(id, { milestone, members: [milestone], date });
  }
  return [...groups.values()];
}

/** A map key for an occurrence. */
export function occurrenceId(key: OccurrenceKey): string {
  return `${key.subscriptionId}\u0000${key.milestoneId}\u0000${key.occurrenceDate}\u0000${key.leadDays}`;
}

import { conversationKey } from '../../handlers/address-key.js';
import type { HolidaySettings } from '../../handlers/context.js';
import type { DeliveryKey, MilestoneHold, Subscription } from '../../handlers/store.js';
import type { Address, Language } from '../../handlers/types.js';
import { addDays, amsterdamDate, amsterdamInstant, daysBetween } from '../../knowledge/dates/calendar-date.js';
import type { Milestone } from '../../knowledge/milestones/milestone.js';
import { milestoneOccurrences } from '../../knowledge/milestones/occurrences.js';
import { reminderDueAt, reminderDueDate } from '../../handlers/reminder-due-time.js';
import { isRemindable, subscriptionCovers } from '../../handlers/subscription-covers.js';

/** One reminder that should go to one conversation now (whether it already went is the claim's business). */
export interface DueReminder {
  readonly key: DeliveryKey;
  /** Where it goes: the address of the newest matching subscription (its thread, if any). */
  readonly address: Address;
  /** The newest matching subscription (reported as `subscriptionId`). */
  readonly subscriptionId: string;
  /** Every subscription of the conversation that asked for this reminder. */
  readonly subscriptionIds: readonly string[];
  /** The newest matching subscription's language: one message, one language. */
  readonly language: Language;
  /** The milestone the delivery is keyed by. */
  readonly milestone: Milestone;
  /** Every milestone of this deadline, `milestone` first (see {@link sameDeadlineGroups}). */
  readonly milestones: readonly [Milestone, ...Milestone[]];
  /** When it was due (the subscription's time of day on the due date, or the end of a snooze). */
  readonly dueAt: Date;
  /** Due on an earlier calendar day than today (the bot was down, or the send was retried). */
  readonly late: boolean;
  /** A "Snooze 1 day" follow-up rather than a lead-day reminder. */
  readonly snoozed: boolean;
}

export interface DueRemindersInput {
  readonly now: Date;
  /** The subscriptions to look at (a pass reads only those whose next due instant has come). */
  readonly subscriptions: readonly Subscription[];
  readonly milestones: readonly Milestone[];
  readonly holds: readonly MilestoneHold[];
  readonly holidays: HolidaySettings;
}

/** Longest lead plus room for moving a due date back over a weekend and holidays. */
const WINDOW_SLACK_DAYS = 10;
/** How far ahead {@link nextDueInstants} looks; a subscription with nothing due in it is looked at again then. */
const HORIZON_DAYS = 400;

/** The occurrence dates a pass at `now` looks at: from today (milestones ahead only) to the longest lead ahead. */
export function dueWindow(now: Date, subscriptions: readonly Pick<Subscription, 'leadDays'>[]): { fromDate: string; toDate: string } {
  const today = amsterdamDate(now);
  return { fromDate: today, toDate: addDays(today, maxLead(subscriptions) + WINDOW_SLACK_DAYS) };
}

/**
 * The reminders due at `now`, one per (conversation, milestone occurrence): however many
 * subscriptions of a conversation match, the conversation gets one message, keyed by
 * (conversation, milestone occurrence, lead) — the most recently due lead of any matching
 * subscription, so after downtime a channel gets one late reminder, not a burst of stale ones. Rules:
 * - only occurrences today or ahead count: once a milestone has passed its reminders are dropped;
 * - a lead counts when its due time has come and its due date is not before its subscription was made;
 * - "Done" (mute) skips the milestone in that conversation; a running snooze holds it, and a
 *   finished snooze is itself due (a follow-up keyed by the days left at its end).
 * Delivered, failed and held deliveries are filtered by the claim, not here.
 */
export function dueReminders(input: DueRemindersInput): DueReminder[] {
  const { now, holidays } = input;
  const nowMs = now.getTime();
  const today = amsterdamDate(now);
  const window = dueWindow(now, input.subscriptions);
  const occurrences = remindableOccurrences(input.milestones, window.fromDate, window.toDate);
  if (occurrences.length === 0) return [];

  const holdByKey = new Map<string, MilestoneHold>();
  for (const h of input.holds) holdByKey.set(`${h.conversation}\u0000${h.milestoneId}`, h);
  const due = dueCache(holidays);

  interface Pick {
    lead: number;
    at: number;
    dueDate: string;
    snoozed: boolean;
  }
  const merged = new Map<string, { conversation: string; occurrence: OccurrenceGroup; pick: Pick; subscriptions: Subscription[] }>();
  const createdDates = new Map<string, string>();
  for (const subscription of input.subscriptions) {
    if (!subscription.active) continue;
    let createdDate = createdDates.get(subscription.createdAt);
    if (createdDate === undefined) {
      createdDate = amsterdamDate(new Date(subscription.createdAt));
      createdDates.set(subscription.createdAt, createdDate);
    }
    const conversation = conversationKey(subscription.address);
    for (const occurrence of occurrences) {
      const { milestone, date } = occurrence;
      if (!subscriptionCovers(subscription, milestone)) continue;
      const hold = holdByKey.get(`${conversation}\u0000${milestone.id}`);
      if (hold?.muted) continue;
      const snoozeMs = hold?.snoozedUntil?.getTime();
      if (snoozeMs !== undefined && snoozeMs > nowMs) continue;

      // The most recently due lead (leads are stored descending, so the last due one wins).
      let pick: Pick | undefined;
      let firstDueAt: number | undefined;
      for (const lead of subscription.leadDays) {
        const d = due(date, lead, subscription.timeOfDay);
        if (d.date < createdDate) continue;
        firstDueAt ??= d.at;
        if (d.at <= nowMs && (!pick || d.at >= pick.at)) pick = { lead, at: d.at, dueDate: d.date, snoozed: false };
      }
      // A snooze that ended during this occurrence's reminder season brings a follow-up.
      if (snoozeMs !== undefined && firstDueAt !== undefined && snoozeMs >= firstDueAt && (!pick || snoozeMs > pick.at)) {
        const snoozeDate = amsterdamDate(new Date(snoozeMs));
        if (snoozeDate <= date) pick = { lead: daysBetween(snoozeDate, date), at: snoozeMs, dueDate: snoozeDate, snoozed: true };
      }
      if (!pick) continue;

      const id = `${conversation}\u0000${milestone.id}\u0000${date}`;
      const seen = merged.get(id);
      if (!seen) merged.set(id, { conversation, occurrence, pick, subscriptions: [subscription] });
      else {
        seen.subscriptions.push(subscription);
        if (pick.at > seen.pick.at) seen.pick = pick;
      }
    }
  }

  const out: DueReminder[] = [];
  for (const { conversation, occurrence, pick, subscriptions } of merged.values()) {
    const newest = subscriptions.reduce((a, b) => (b.createdAt > a.createdAt || (b.createdAt === a.createdAt && b.id > a.id) ? b : a));
    out.push({
      key: { conversation, milestoneId: occurrence.milestone.id, occurrenceDate: occurrence.date, leadDays: pick.lead },
      address: newest.address,
      subscriptionId: newest.id,
      subscriptionIds: subscriptions.map((s) => s.id),
      language: newest.language,
      milestone: occurrence.milestone,
      milestones: occurrence.members,
      dueAt: new Date(pick.at),
      late: pick.dueDate < today,
      snoozed: pick.snoozed,
    });
  }
  return out;
}

/**
 * For each subscription, the first instant after `now` at which one of its leads falls due or a
 * snooze of its conversation ends (mutes are ignored: waking early is harmless, a pass then finds
 * nothing), or the end of the horizon when none lies ahead. Subscriptions with the same filters
 * share one computation.
 */
export function nextDueInstants(
  now: Date,
  subscriptions: readonly Subscription[],
  milestones: readonly Milestone[],
  holds: readonly MilestoneHold[],
  holidays: HolidaySettings,
): Map<string, Date> {
  const nowMs = now.getTime();
  const today = amsterdamDate(now);
  const horizonDate = addDays(today, HORIZON_DAYS);
  const occurrences = remindableOccurrences(milestones, today, addDays(horizonDate, maxLead(subscriptions)));
  const due = dueCache(holidays);
  const horizon = amsterdamInstant(horizonDate, 0, 0).getTime();
  // Keyed by the filter values' identity (the store shares equal ones), then by their text.
  const bySignature = new Map<unknown, Map<unknown, Map<unknown, Map<unknown, number>>>>();
  const snoozeEnds = new Map<string, number>();
  for (const h of holds) {
    const at = h.snoozedUntil?.getTime();
    if (at !== undefined && at > nowMs && at < (snoozeEnds.get(h.conversation) ?? Infinity)) snoozeEnds.set(h.conversation, at);
  }
  const out = new Map<string, Date>();
  for (const s of subscriptions) {
    let bySectors = bySignature.get(s.insurers);
    if (!bySectors) bySignature.set(s.insurers, (bySectors = new Map()));
    let byLeads = bySectors.get(s.sectors);
    if (!byLeads) bySectors.set(s.sectors, (byLeads = new Map()));
    let byTime = byLeads.get(s.leadDays);
    if (!byTime) byLeads.set(s.leadDays, (byTime = new Map()));
    let next = byTime.get(s.timeOfDay);
    if (next === undefined) {
      next = horizon;
      for (const { milestone, date } of occurrences) {
        if (!subscriptionCovers(s, milestone)) continue;
        for (const lead of s.leadDays) {
          const at = due(date, lead, s.timeOfDay).at;
          if (at > nowMs && at < next) next = at;
        }
      }
      byTime.set(s.timeOfDay, next);
    }
    out.set(s.id, new Date(Math.min(next, snoozeEnds.get(conversationKey(s.address)) ?? Infinity)));
  }
  return out;
}

interface OccurrenceGroup {
  readonly milestone: Milestone;
  readonly members: [Milestone, ...Milestone[]];
  readonly date: string;
}

function remindableOccurrences(milestones: readonly Milestone[], fromDate: string, toDate: string): OccurrenceGroup[] {
  return sameDeadlineGroups(milestones.filter(isRemindable).flatMap((milestone) => milestoneOccurrences(milestone, fromDate, toDate).map((o) => ({ milestone, date: o.date }))));
}

/** Due instants depend only on (date, lead, time of day): computed once per pass for all subscriptions. */
function dueCache(holidays: HolidaySettings): (date: string, lead: number, timeOfDay: string) => { at: number; date: string } {
  const cache = new Map<string, { at: number; date: string }>();
  return (date, lead, timeOfDay) => {
    const id = `${date}/${lead}/${timeOfDay}`;
    let hit = cache.get(id);
    if (!hit) {
      hit = { at: reminderDueAt(date, lead, holidays, timeOfDay).getTime(), date: reminderDueDate(date, lead, holidays) };
      cache.set(id, hit);
    }
    return hit;
  };
}

function maxLead(subscriptions: readonly Pick<Subscription, 'leadDays'>[]): number {
  let max = 0;
  for (const s of subscriptions) for (const d of s.leadDays) if (d > max) max = d;
  return max;
}

/**
 * Groups milestone occurrences that are one deadline: the same date, document, actor, insurer and
 * sector (a guideline often states a deadline in its text and again in a timeline). Each group
 * becomes one reminder, keyed by its first milestone in catalog order, listing them all.
 */
export function sameDeadlineGroups(occurrences: readonly { milestone: Milestone; date: string }[]): OccurrenceGroup[] {
  const groups = new Map<string, { milestone: Milestone; members: [Milestone, ...Milestone[]]; date: string }>();
  for (const { milestone, date } of occurrences) {
    const id = [date, milestone.documentId, milestone.actor, milestone.insurer ?? '', milestone.sector].join('\u0000');
    const group = groups.get(id);
    if (group) group.members.push(milestone);
    else groups.set(id, { milestone, members: [milestone], date });
  }
  return [...groups.values()];
}

/** A map key for a delivery. */
export function deliveryId(key: DeliveryKey): string {
  return `${key.conversation}\u0000${key.milestoneId}\u0000${key.occurrenceDate}\u0000${key.leadDays}`;
}

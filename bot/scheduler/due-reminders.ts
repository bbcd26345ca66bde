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
  return [...createDuePlanner(input).due(input.subscriptions).values()].flat();
}

/**
 * For each subscription, the first instant after `now` at which one of its leads falls due or a
 * snooze of its conversation ends (mutes are ignored: waking early is harmless, a pass then finds
 * nothing), or the end of the horizon when none lies ahead.
 */
export function nextDueInstants(
  now: Date,
  subscriptions: readonly Subscription[],
  milestones: readonly Milestone[],
  holds: readonly MilestoneHold[],
  holidays: HolidaySettings,
): Map<string, Date> {
  const planner = createDuePlanner({ now, milestones, holds, holidays });
  return new Map(subscriptions.map((s) => [s.id, planner.nextDue(s)]));
}

/** The due reminders and next due instants of one pass, computed per distinct filter rather than per subscription. */
export interface DuePlanner {
  /** The due reminders of these subscriptions per conversation (in first-seen order), each list by due time. */
  due(subscriptions: readonly Subscription[]): Map<string, DueReminder[]>;
  /** When the subscription must be looked at again (see {@link nextDueInstants}); equal instants share one Date. */
  nextDue(subscription: Subscription): Date;
}

interface LeadPick {
  readonly lead: number;
  readonly at: number;
  readonly dueDate: string;
  readonly snoozed: boolean;
}

/** One occurrence a filter covers, with its most recently due lead (if any) and its first due instant. */
interface Candidate {
  readonly occurrence: OccurrenceGroup;
  /** Its index in the window, for a stable order among reminders due at the same instant. */
  readonly order: number;
  readonly pick: LeadPick | undefined;
  readonly firstDueAt: number | undefined;
}

/**
 * Subscriptions with the same filters (insurers, sectors, leads — shared values from the store —,
 * time of day and creation day) get the same candidates: computed once per pass, then only the
 * conversation's holds (rare) are applied per subscription. No per-subscription strings or maps
 * beyond the conversation key.
 */
export function createDuePlanner(input: Omit<DueRemindersInput, 'subscriptions'>): DuePlanner {
  const { now, holidays, milestones } = input;
  const nowMs = now.getTime();
  const today = amsterdamDate(now);
  const dueAt = dueCache(holidays);

  const holdsOf = new Map<string, Map<string, MilestoneHold>>();
  const snoozeEnds = new Map<string, number>();
  for (const h of input.holds) {
    let own = holdsOf.get(h.conversation);
    if (!own) holdsOf.set(h.conversation, (own = new Map()));
    own.set(h.milestoneId, h);
    const at = h.snoozedUntil?.getTime();
    if (at !== undefined && at > nowMs && at < (snoozeEnds.get(h.conversation) ?? Infinity)) snoozeEnds.set(h.conversation, at);
  }

  // Occurrences in the window of the longest lead seen so far (the window only grows).
  let windowLead = -1;
  let occurrences: OccurrenceGroup[] = [];
  const candidatesBy = new Map<unknown, Map<unknown, Map<unknown, Map<string, Candidate[]>>>>();
  const candidatesFor = (s: Subscription, createdDate: string): Candidate[] => {
    let bySectors = candidatesBy.get(s.insurers);
    if (!bySectors) candidatesBy.set(s.insurers, (bySectors = new Map()));
    let byLeads = bySectors.get(s.sectors);
    if (!byLeads) bySectors.set(s.sectors, (byLeads = new Map()));
    let byRest = byLeads.get(s.leadDays);
    if (!byRest) byLeads.set(s.leadDays, (byRest = new Map()));
    const id = `${s.timeOfDay}|${createdDate}`;
    let list = byRest.get(id);
    if (list) return list;
    list = [];
    occurrences.forEach((occurrence, order) => {
      if (!subscriptionCovers(s, occurrence.milestone)) return;
      // The most recently due lead (leads are stored descending, so the last due one wins).
      let pick: LeadPick | undefined;
      let firstDueAt: number | undefined;
      for (const lead of s.leadDays) {
        const d = dueAt(occurrence.date, lead, s.timeOfDay);
        if (d.date < createdDate) continue;
        firstDueAt ??= d.at;
        if (d.at <= nowMs && (!pick || d.at >= pick.at)) pick = { lead, at: d.at, dueDate: d.date, snoozed: false };
      }
      if (firstDueAt !== undefined) list.push({ occurrence, order, pick, firstDueAt });
    });
    byRest.set(id, list);
    return list;
  };

  const createdDates = new Map<string, string>();
  const createdDateOf = (createdAt: string): string => {
    let date = createdDates.get(createdAt);
    if (date === undefined) createdDates.set(createdAt, (date = amsterdamDate(new Date(createdAt))));
    return date;
  };

  interface Merged {
    readonly candidate: Candidate;
    pick: LeadPick;
    readonly subscriptions: Subscription[];
  }

  // Next due instants, also per filter.
  const horizonDate = addDays(today, HORIZON_DAYS);
  const horizon = amsterdamInstant(horizonDate, 0, 0).getTime();
  let horizonOccurrences: OccurrenceGroup[] | undefined;
  let horizonLead = -1;
  const nextBy = new Map<unknown, Map<unknown, Map<unknown, Map<string, number>>>>();
  const instants = new Map<number, Date>();

  return {
    due(subscriptions) {
      const lead = maxLead(subscriptions);
      if (lead > windowLead) {
        windowLead = lead;
        occurrences = remindableOccurrences(milestones, today, addDays(today, lead + WINDOW_SLACK_DAYS));
        candidatesBy.clear();
      }
      // Per conversation a short list (a conversation has few due reminders): no map per conversation.
      const byConversation = new Map<string, Merged[]>();
      for (const subscription of subscriptions) {
        if (!subscription.active) continue;
        const candidates = candidatesFor(subscription, createdDateOf(subscription.createdAt));
        if (candidates.length === 0) continue;
        const conversation = conversationKey(subscription.address);
        const holds = holdsOf.get(conversation);
        let merged = byConversation.get(conversation);
        for (const candidate of candidates) {
          let pick = candidate.pick;
          if (holds) {
            const hold = holds.get(candidate.occurrence.milestone.id);
            if (hold?.muted) continue;
            const snoozeMs = hold?.snoozedUntil?.getTime();
            if (snoozeMs !== undefined && snoozeMs > nowMs) continue;
            // A snooze that ended during this occurrence's reminder season brings a follow-up.
            if (snoozeMs !== undefined && candidate.firstDueAt !== undefined && snoozeMs >= candidate.firstDueAt && (!pick || snoozeMs > pick.at)) {
              const snoozeDate = amsterdamDate(new Date(snoozeMs));
              if (snoozeDate <= candidate.occurrence.date) pick = { lead: daysBetween(snoozeDate, candidate.occurrence.date), at: snoozeMs, dueDate: snoozeDate, snoozed: true };
            }
          }
          if (!pick) continue;
          if (!merged) byConversation.set(conversation, (merged = []));
          const seen = merged.find((m) => m.candidate.occurrence === candidate.occurrence);
          if (!seen) merged.push({ candidate, pick, subscriptions: [subscription] });
          else {
            seen.subscriptions.push(subscription);
            if (pick.at > seen.pick.at) seen.pick = pick;
          }
        }
      }

      const out = new Map<string, DueReminder[]>();
      const dates = new Map<number, Date>();
      for (const [conversation, merged] of byConversation) {
        const entries = merged.length > 1 ? merged.sort((a, b) => a.pick.at - b.pick.at || a.candidate.order - b.candidate.order) : merged;
        out.set(
          conversation,
          entries.map(({ candidate: { occurrence }, pick, subscriptions: matching }) => {
            const newest = matching.length === 1 ? (matching[0] as Subscription) : matching.reduce((a, b) => (b.createdAt > a.createdAt || (b.createdAt === a.createdAt && b.id > a.id) ? b : a));
            let at = dates.get(pick.at);
            if (!at) dates.set(pick.at, (at = new Date(pick.at)));
            return {
              key: { conversation, milestoneId: occurrence.milestone.id, occurrenceDate: occurrence.date, leadDays: pick.lead },
              address: newest.address,
              subscriptionId: newest.id,
              subscriptionIds: matching.map((s) => s.id),
              language: newest.language,
              milestone: occurrence.milestone,
              milestones: occurrence.members,
              dueAt: at,
              late: pick.dueDate < today,
              snoozed: pick.snoozed,
            };
          }),
        );
      }
      return out;
    },

    nextDue(s) {
      if (s.leadDays.length > 0 && (s.leadDays[0] as number) > horizonLead) {
        horizonLead = Math.max(...s.leadDays);
        horizonOccurrences = undefined;
        nextBy.clear();
      }
      horizonOccurrences ??= remindableOccurrences(milestones, today, addDays(horizonDate, Math.max(horizonLead, 0)));
      let bySectors = nextBy.get(s.insurers);
      if (!bySectors) nextBy.set(s.insurers, (bySectors = new Map()));
      let byLeads = bySectors.get(s.sectors);
      if (!byLeads) bySectors.set(s.sectors, (byLeads = new Map()));
      let byTime = byLeads.get(s.leadDays);
      if (!byTime) byLeads.set(s.leadDays, (byTime = new Map()));
      let next = byTime.get(s.timeOfDay);
      if (next === undefined) {
        next = horizon;
        for (const { milestone, date } of horizonOccurrences) {
          if (!subscriptionCovers(s, milestone)) continue;
          for (const lead of s.leadDays) {
            const at = dueAt(date, lead, s.timeOfDay).at;
            if (at > nowMs && at < next) next = at;
          }
        }
        byTime.set(s.timeOfDay, next);
      }
      const snooze = snoozeEnds.size > 0 ? snoozeEnds.get(conversationKey(s.address)) : undefined;
      const at = snooze !== undefined && snooze < next ? snooze : next;
      let date = instants.get(at);
      if (!date) instants.set(at, (date = new Date(at)));
      return date;
    },
  };
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

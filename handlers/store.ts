import type { Address, Language, Sector } from './types.js';

/**
 * The persistence port. Two real implementations live in `bot/storage/` (SQLite through
 * better-sqlite3, PostgreSQL through pg) and pass one shared contract test suite.
 * Handlers receive a Store; they never know which database is behind it.
 */

export interface Subscription {
  readonly id: string;
  readonly address: Address;
  /** Canonical insurer names, or 'all'. */
  readonly insurers: readonly string[] | 'all';
  readonly sectors: readonly Sector[] | 'all';
  /** Days before a milestone, distinct and descending, e.g. [30, 14, 7, 1]. */
  readonly leadDays: readonly number[];
  readonly language: Language;
  readonly active: boolean;
  /** ISO instant. */
  readonly createdAt: string;
}

export type NewSubscription = Omit<Subscription, 'id' | 'active' | 'createdAt'>;

/** Identifies one reminder occurrence: (subscription, milestone occurrence, lead). */
export interface OccurrenceKey {
  readonly subscriptionId: string;
  readonly milestoneId: string;
  /** The milestone occurrence date YYYY-MM-DD (yearly rules occur every year). */
  readonly occurrenceDate: string;
  readonly leadDays: number;
}

export type ClaimResult =
  | { readonly claimed: true; readonly attempt: number }
  | { readonly claimed: false; readonly reason: 'delivered' | 'leased' | 'failed' };

/** The stored state of a claimed occurrence (batch lookups let a scheduler pass skip finished ones). */
export interface OccurrenceState extends OccurrenceKey {
  /** `leased`: being sent, or waiting for a retry until `leaseUntil`; `delivered` and `failed` are final. */
  readonly status: 'leased' | 'delivered' | 'failed';
  readonly attempt: number;
  readonly leaseUntil: Date;
  readonly late: boolean;
}

/** "Done" and "Snooze" of one milestone in one conversation (keyed by `conversationKey`). */
export interface MilestoneHold {
  /** `platform:conversationId` (see handlers/address-key.ts `conversationKey`). */
  readonly conversation: string;
  readonly milestoneId: string;
  readonly muted: boolean;
  readonly snoozedUntil?: Date;
}

/** A stored interactive checklist (escalation), per conversation. Never holds personal data. */
export interface StoredChecklist {
  readonly id: string;
  readonly conversation: string;
  /** Serialised checklist definition and state, owned by the escalation handler. */
  readonly state: unknown;
  readonly updatedAt: string;
}

export interface Feedback {
  readonly address: Address;
  readonly helpful: boolean;
  /** What the feedback is about, e.g. a hash or intent of the answered question; never raw personal data. */
  readonly subject: string;
  readonly at: string;
  /** What the person wrote about the answer (already privacy-guarded), when they added a comment. */
  readonly comment?: string;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';

  addSubscription(input: NewSubscription, now: Date): Promise<Subscription>;
  listSubscriptions(filter?: { conversation?: Address; activeOnly?: boolean }): Promise<Subscription[]>;
  getSubscription(id: string): Promise<Subscription | undefined>;
  /** True when a subscription was removed. */
  removeSubscription(id: string): Promise<boolean>;
  /** Removes every subscription of the address's conversation; returns how many. */
  removeSubscriptionsFor(conversation: Address): Promise<number>;
  /** Marks every subscription of the conversation inactive (unreachable, uninstalled); returns how many. */
  disableSubscriptionsFor(conversation: Address): Promise<number>;

  /**
   * Claims an occurrence for sending, atomically across processes: succeeds when the occurrence
   * was never claimed, or its lease expired without a finished send. `leaseMs` bounds a crashed
   * sender's hold.
   */
  claimOccurrence(key: OccurrenceKey, now: Date, leaseMs: number): Promise<ClaimResult>;
  /** Records a finished send; the occurrence is never claimable again. */
  completeOccurrence(key: OccurrenceKey, now: Date, late: boolean): Promise<void>;
  /**
   * Records a failed attempt. With `retryAt` the claim is held until then (backoff) and a later pass
   * may claim it again; with `null` it is marked failed for good and never claimed again.
   */
  failOccurrence(key: OccurrenceKey, now: Date, error: string, retryAt: Date | null): Promise<void>;
  /** Every claimed occurrence whose milestone occurrence date lies in [fromDate, toDate] (YYYY-MM-DD). */
  listOccurrenceStates(range: { fromDate: string; toDate: string }): Promise<OccurrenceState[]>;
  /** "Done": no more reminders for this milestone in this conversation. */
  muteMilestone(conversation: Address, milestoneId: string, now: Date): Promise<void>;
  isMilestoneMuted(conversation: Address, milestoneId: string): Promise<boolean>;
  /** "Snooze": do not send reminders for this milestone in this conversation before `until`. */
  snoozeMilestone(conversation: Address, milestoneId: string, until: Date): Promise<void>;
  snoozedUntil(conversation: Address, milestoneId: string): Promise<Date | undefined>;
  /** Every mute and snooze, for a scheduler pass (one query instead of one per subscription). */
  listMilestoneHolds(): Promise<MilestoneHold[]>;

  /** Stores a platform conversation reference (Teams) as opaque JSON under the conversation key. */
  saveConversationReference(conversation: Address, reference: unknown, now: Date): Promise<void>;
  getConversationReference(conversation: Address): Promise<unknown | undefined>;
  deleteConversationReference(conversation: Address): Promise<boolean>;

  saveChecklist(checklist: StoredChecklist): Promise<void>;
  getChecklist(conversation: string, id: string): Promise<StoredChecklist | undefined>;
  /** The most recently updated checklist of a conversation. */
  latestChecklist(conversation: string): Promise<StoredChecklist | undefined>;

  /** Returns true the first time an event id is seen (Slack retries, Teams re-sends). */
  markEventSeen(eventId: string, now: Date): Promise<boolean>;

  /**
   * True the first time `key` is claimed while no earlier claim of it is younger than `keepMs`
   * (atomic across processes on one database). For request replay protection (Slack `trigger_id`,
   * 10 minutes) and once-per-conversation messages (welcome).
   */
  claimOnce(key: string, now: Date, keepMs: number): Promise<boolean>;

  saveFeedback(feedback: Feedback): Promise<void>;
  listFeedback(): Promise<Feedback[]>;

  close(): Promise<void>;
}

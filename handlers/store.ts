import type { MemoryStore } from './conversation/memory-store.js';
import type { DocumentStore } from './document-store.js';
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
  /** When reminders arrive on their due day: "HH:MM" Europe/Amsterdam (default 09:00). */
  readonly timeOfDay: string;
  readonly active: boolean;
  /** ISO instant. */
  readonly createdAt: string;
}

export type NewSubscription = Omit<Subscription, 'id' | 'active' | 'createdAt' | 'timeOfDay'> & { readonly timeOfDay?: string };

/**
 * Identifies one reminder delivery: (conversation, milestone occurrence, lead). However many
 * subscriptions of one conversation match, the conversation gets one message per key.
 */
export interface DeliveryKey {
  /** `platform:conversationId` (see handlers/address-key.ts `conversationKey`). */
  readonly conversation: string;
  readonly milestoneId: string;
  /** The milestone occurrence date YYYY-MM-DD (yearly rules occur every year). */
  readonly occurrenceDate: string;
  readonly leadDays: number;
}

/** A won claim: the caller may send until its lease (database clock) runs out. */
export interface DeliveryClaim {
  readonly key: DeliveryKey;
  /** Stable across attempts: platforms that support it tag the message with it (Slack metadata). */
  readonly claimId: string;
  /** 1 for the first claim; each takeover after an expired lease or a retry adds one. */
  readonly attempt: number;
  /** When the first attempt was claimed (database clock): where a search for an earlier arrival starts. */
  readonly firstClaimedAt: Date;
  /**
   * An earlier attempt may have arrived: its sender died while holding the lease, or the platform's
   * answer was unknown (timeout). The sender must check the platform before posting again, where it can.
   */
  readonly mayHaveArrived: boolean;
}

/** A delivery another sender holds, or that waits for a retry: claimable in `inMs` at the earliest. */
export interface HeldDelivery {
  readonly key: DeliveryKey;
  readonly inMs: number;
}

/** What became of a claimed delivery; `attempt` fences the outcome to the claim that made it. */
export type DeliveryOutcome =
  | { readonly kind: 'delivered'; readonly key: DeliveryKey; readonly attempt: number; readonly late: boolean }
  /** The platform refused it (nothing arrived): claimable again after `retryAfterMs`. */
  | { readonly kind: 'retry'; readonly key: DeliveryKey; readonly attempt: number; readonly error: string; readonly retryAfterMs: number }
  /** No answer in time (it may have arrived): claimable again after `retryAfterMs`, with a check first. */
  | { readonly kind: 'unknown'; readonly key: DeliveryKey; readonly attempt: number; readonly error: string; readonly retryAfterMs: number }
  /** Given up for good: never claimed again. */
  | { readonly kind: 'failed'; readonly key: DeliveryKey; readonly attempt: number; readonly error: string }
  /** Not attempted (shutdown, lease nearly over): claimable again at once, the attempt not counted. */
  | { readonly kind: 'released'; readonly key: DeliveryKey; readonly attempt: number };

/** The stored state of a delivery (tests, operators). */
export interface DeliveryState extends DeliveryKey {
  /**
   * `leased`: held by a sender until `leaseUntil`; `retry`/`unknown`: waiting until `leaseUntil` for
   * another attempt (`unknown`: the last one may have arrived); `delivered` and `failed` are final.
   */
  readonly status: 'leased' | 'retry' | 'unknown' | 'delivered' | 'failed';
  readonly claimId: string;
  readonly attempt: number;
  /** Database clock. */
  readonly leaseUntil: Date;
  readonly late: boolean;
  readonly lastError?: string;
}

/** A subscription's next instant at which something may be due (the due index). */
export interface NextDue {
  readonly subscriptionId: string;
  readonly at: Date;
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
  /** Bumped by every write; {@link Store.compareAndSetChecklist} writes only over the version it read. */
  readonly version: number;
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

export interface Store extends DocumentStore, MemoryStore {
  readonly kind: 'sqlite' | 'postgres';

  addSubscription(input: NewSubscription, now: Date): Promise<Subscription>;
  listSubscriptions(filter?: { conversation?: Address; activeOnly?: boolean }): Promise<Subscription[]>;
  getSubscription(id: string): Promise<Subscription | undefined>;
  /** Replaces a subscription's sector filter (it becomes due for recomputation); true when it exists. */
  setSubscriptionSectors(id: string, sectors: readonly Sector[] | 'all'): Promise<boolean>;
  /** The care sector a conversation is about ("this channel is about ggz"), per conversation. */
  setConversationSector(conversation: Address, sector: Sector, now: Date): Promise<void>;
  conversationSector(conversation: Address): Promise<Sector | undefined>;
  /** True when a subscription was removed. */
  removeSubscription(id: string): Promise<boolean>;
  /** Removes every subscription of the address's conversation; returns how many. */
  removeSubscriptionsFor(conversation: Address): Promise<number>;
  /** Marks every subscription of the conversation inactive (unreachable, uninstalled); returns how many. */
  disableSubscriptionsFor(conversation: Address): Promise<number>;

  /** The conversations with an active subscription whose next due instant (the indexed `next_due_at`) is at or before `now`, sorted. */
  listDueConversations(now: Date): Promise<string[]>;
  /**
   * Active subscriptions whose next due instant is at or before `now` (of the given conversations
   * only, when given), by conversation and id: all a scheduler pass needs to read.
   */
  listDueSubscriptions(now: Date, conversations?: readonly string[]): Promise<Subscription[]>;
  /** Stores the next due instants computed by a pass (one batch; a write lost in a database crash only makes them due again). */
  setNextDue(updates: readonly NextDue[]): Promise<void>;
  /**
   * Records what the next due instants were computed from (milestones, holiday settings). When it
   * differs from the stored one, every subscription becomes due for recomputation; returns whether it did.
   */
  syncScheduleFingerprint(fingerprint: string): Promise<boolean>;

  /**
   * Claims deliveries for sending in one statement, atomically across processes, with leases on
   * the database's clock (never a process clock, so skewed replicas never both hold one). Returns
   * the claims won (keys never claimed, or whose lease or retry wait ran out without a final
   * outcome) and the keys still held by another sender or waiting for a retry, with how long
   * (`inMs`, database clock) until they may be claimed. Finished keys appear in neither. Both lists
   * follow the order of `keys` and carry the very key objects given (callers may look them up by identity).
   */
  claimDeliveries(keys: readonly DeliveryKey[], leaseMs: number): Promise<{ won: DeliveryClaim[]; held: HeldDelivery[] }>;
  /**
   * Records outcomes in one transaction; an outcome of a claim that was taken over since is ignored
   * (except `delivered`). `durable: false` lets the commit return before it is flushed to disk: only
   * for outcomes whose loss in a database crash is recoverable (the sender checks the platform
   * before posting a possibly-arrived delivery again). Default: durable.
   */
  finishDeliveries(outcomes: readonly DeliveryOutcome[], options?: { readonly durable?: boolean }): Promise<void>;
  /** Every delivery whose milestone occurrence date lies in [fromDate, toDate] (YYYY-MM-DD). */
  listDeliveries(range: { fromDate: string; toDate: string }): Promise<DeliveryState[]>;
  /** "Done": no more reminders for this milestone in this conversation. */
  muteMilestone(conversation: Address, milestoneId: string, now: Date): Promise<void>;
  isMilestoneMuted(conversation: Address, milestoneId: string): Promise<boolean>;
  /** "Snooze": do not send reminders for this milestone in this conversation before `until` (the follow-up is due then). */
  snoozeMilestone(conversation: Address, milestoneId: string, until: Date): Promise<void>;
  snoozedUntil(conversation: Address, milestoneId: string): Promise<Date | undefined>;
  /** Every mute and snooze, for a scheduler pass (one query instead of one per subscription). */
  listMilestoneHolds(): Promise<MilestoneHold[]>;

  /** Stores a platform conversation reference (Teams) as opaque JSON under the conversation key. */
  saveConversationReference(conversation: Address, reference: unknown, now: Date): Promise<void>;
  getConversationReference(conversation: Address): Promise<unknown | undefined>;
  deleteConversationReference(conversation: Address): Promise<boolean>;

  /** Creates or replaces a checklist (a new draft); its version is bumped. */
  saveChecklist(checklist: Omit<StoredChecklist, 'version'>): Promise<void>;
  /**
   * Writes a checklist only when its stored version is still `expectedVersion` (compare-and-set);
   * returns false when another writer came first (read again and retry: see handlers/compare-and-set.ts).
   */
  compareAndSetChecklist(checklist: Omit<StoredChecklist, 'version'>, expectedVersion: number): Promise<boolean>;
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

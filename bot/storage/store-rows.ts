import { randomBytes } from 'node:crypto';
import type { DeliveryClaim, DeliveryKey, DeliveryState, Feedback, MilestoneHold, StoredChecklist, Subscription } from '../../handlers/store.js';
import type { Address, Language, Sector } from '../../handlers/types.js';
import { DEFAULT_TIME_OF_DAY } from '../../handlers/reminder-due-time.js';

/**
 * Row ↔ object mapping shared by the SQLite and PostgreSQL stores, so both return identical
 * shapes. Booleans arrive as 0/1 from SQLite and as booleans from pg; BIGINTs as strings from pg.
 */

export interface SubscriptionRow {
  id: string;
  address: string;
  insurers: string;
  sectors: string;
  lead_days: string;
  language: string;
  active: number | boolean;
  created_at: string;
  time_of_day?: string | null;
}

export interface DeliveryRow {
  conversation: string;
  milestone_id: string;
  occurrence_date: string;
  lead_days: number;
  claim_id: string;
  status: string;
  attempt: number | string;
  lease_until: number | string;
  late: number | boolean;
  last_error: string | null;
}

export interface HoldRow {
  conversation: string;
  milestone_id: string;
  muted_at: string | null;
  snoozed_until: number | string | null;
}

export interface ChecklistRow {
  conversation: string;
  id: string;
  state: string;
  updated_at: string;
  version: number | string;
}

export interface FeedbackRow {
  address: string;
  helpful: number | boolean;
  subject: string;
  at: string;
  comment?: string | null;
}

/** A short random id people can type (`remind remove 3f9c0a1b7e42`). */
export function newSubscriptionId(): string {
  return randomBytes(6).toString('hex');
}

/** The stored form of an address: no user id (subscriptions and holds belong to conversations). */
export function storedAddress(address: Address): Address {
  return address.threadId
    ? { platform: address.platform, conversationId: address.conversationId, threadId: address.threadId }
    : { platform: address.platform, conversationId: address.conversationId };
}

export function subscriptionFromRow(row: SubscriptionRow): Subscription {
  return subscriptionsFromRows([row])[0] as Subscription;
}

/**
 * Maps many rows at once: the filter columns repeat across subscriptions, so each distinct value
 * is parsed once and its (frozen) array shared, which also lets callers cache per filter by identity.
 */
export function subscriptionsFromRows(rows: readonly SubscriptionRow[]): Subscription[] {
  const parsed = new Map<string, unknown>();
  const shared = <T>(text: string): T => {
    let value = parsed.get(text);
    if (value === undefined) {
      value = Object.freeze(JSON.parse(text) as unknown);
      parsed.set(text, value);
    }
    return value as T;
  };
  return rows.map((row) => ({
    id: row.id,
    address: JSON.parse(row.address) as Address,
    insurers: shared<readonly string[] | 'all'>(row.insurers),
    sectors: shared<readonly Sector[] | 'all'>(row.sectors),
    leadDays: shared<readonly number[]>(row.lead_days),
    language: row.language as Language,
    timeOfDay: row.time_of_day ?? DEFAULT_TIME_OF_DAY,
    active: row.active === true || row.active === 1,
    createdAt: row.created_at,
  }));
}

export function deliveryFromRow(row: DeliveryRow): DeliveryState {
  return {
    conversation: row.conversation,
    milestoneId: row.milestone_id,
    occurrenceDate: row.occurrence_date,
    leadDays: Number(row.lead_days),
    status: row.status as DeliveryState['status'],
    claimId: row.claim_id,
    attempt: Number(row.attempt),
    leaseUntil: new Date(Number(row.lease_until)),
    late: row.late === true || row.late === 1,
    ...(row.last_error !== null ? { lastError: row.last_error } : {}),
  };
}

/**
 * What a claim statement returns per won row: the claim's fields, and the key only for a row taken
 * over (prior_status set), whose claim id is its own; a fresh row carries the claim id given for it.
 */
export interface CompactClaimRow {
  claim_id: string;
  attempt: number | string;
  first_claimed_at: number | string;
  prior_status: string | null;
  conversation: string | null;
  milestone_id: string | null;
  occurrence_date: string | null;
  lead_days: number | string | null;
}

/**
 * The won claims of one claim statement, each with the caller's own key object, in the order the
 * keys were given. `items[i]` was sent with claim id `ids[i]`.
 */
export function claimsInOrder(keys: readonly DeliveryKey[], items: readonly { key: DeliveryKey; index: number }[], ids: readonly string[], rows: readonly CompactClaimRow[]): DeliveryClaim[] {
  const byClaimId = new Map<string, number>();
  for (let i = 0; i < items.length; i++) byClaimId.set(ids[i] as string, (items[i] as { index: number }).index);
  let byKey: Map<string, number> | undefined;
  const dates = new Map<number, Date>();
  const slots: (DeliveryClaim | undefined)[] = new Array(keys.length);
  for (const row of rows) {
    let index = row.prior_status === null ? byClaimId.get(row.claim_id) : undefined;
    if (index === undefined && row.conversation !== null) {
      byKey ??= new Map(keys.map((k, i) => [deliveryKeyId(k), i]));
      index = byKey.get(deliveryKeyId({ conversation: row.conversation, milestoneId: row.milestone_id ?? '', occurrenceDate: row.occurrence_date ?? '', leadDays: Number(row.lead_days) }));
    }
    if (index === undefined) throw new Error('claim statement returned a row for no key of the batch');
    const ms = Number(row.first_claimed_at);
    let firstClaimedAt = dates.get(ms);
    if (!firstClaimedAt) dates.set(ms, (firstClaimedAt = new Date(ms)));
    // A prior status of `leased` (its sender died) or `unknown` (no answer in time): it may have arrived.
    slots[index] = { key: keys[index] as DeliveryKey, claimId: row.claim_id, attempt: Number(row.attempt), firstClaimedAt, mayHaveArrived: row.prior_status === 'leased' || row.prior_status === 'unknown' };
  }
  const won: DeliveryClaim[] = [];
  for (const claim of slots) if (claim) won.push(claim);
  return won;
}

/** `count` fresh claim ids (16 hex digits each, from one random read), kept by a delivery across attempts. */
export function newClaimIds(count: number): string[] {
  const hex = randomBytes(8 * count).toString('hex');
  return Array.from({ length: count }, (_, i) => hex.slice(16 * i, 16 * i + 16));
}

/** A map key for a delivery. */
export function deliveryKeyId(k: DeliveryKey): string {
  return `${k.conversation}\u0000${k.milestoneId}\u0000${k.occurrenceDate}\u0000${k.leadDays}`;
}

/** Longest error text kept per delivery. */
export const MAX_ERROR_LENGTH = 500;

export function holdFromRow(row: HoldRow): MilestoneHold {
  return {
    conversation: row.conversation,
    milestoneId: row.milestone_id,
    muted: row.muted_at !== null,
    ...(row.snoozed_until !== null ? { snoozedUntil: new Date(Number(row.snoozed_until)) } : {}),
  };
}

export function checklistFromRow(row: ChecklistRow): StoredChecklist {
  return { id: row.id, conversation: row.conversation, state: JSON.parse(row.state) as unknown, updatedAt: row.updated_at, version: Number(row.version) };
}

export function feedbackFromRow(row: FeedbackRow): Feedback {
  return { address: JSON.parse(row.address) as Address, helpful: row.helpful === true || row.helpful === 1, subject: row.subject, at: row.at, ...(row.comment ? { comment: row.comment } : {}) };
}

/** How long `markEventSeen` remembers an event id (platform retries come within minutes). */
export const SEEN_EVENT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

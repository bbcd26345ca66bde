import { createHash } from 'node:crypto';
import type { ChatAdapter, SendResult } from '../../adapters/adapter.js';
import { addressKey, conversationKey } from '../../handlers/address-key.js';
import type { HolidaySettings } from '../../handlers/context.js';
import type { Logger } from '../../handlers/logger.js';
import { reminderMessage } from '../../handlers/reminder-message.js';
import type { DeliveryClaim, DeliveryKey, DeliveryOutcome, NextDue, Store, Subscription } from '../../handlers/store.js';
import type { Platform, Reply } from '../../handlers/types.js';
import { amsterdamDate } from '../../knowledge/dates/calendar-date.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { Milestone } from '../../knowledge/milestones/milestone.js';
import { createDuePlanner, type DueReminder } from './due-reminders.js';
import { REMINDER_HOUR } from '../../handlers/reminder-due-time.js';
import { retryDelayMs } from './retry-delay.js';
import { isRemindable } from '../../handlers/subscription-covers.js';

/** One reminder sent by a pass (the `remind run-due --json` element). */
export interface Delivery {
  /** The newest subscription of the conversation that asked for it. */
  readonly subscriptionId: string;
  /** The address in `platform:conversation[#thread]` form. */
  readonly channel: string;
  readonly milestoneId: string;
  /** The milestone occurrence date. */
  readonly date: string;
  readonly leadDays: number;
  readonly late: boolean;
  readonly text: string;
}

/** A send that did not succeed in this pass: `retryAt` set means a later pass tries again. */
export interface FailedDelivery {
  readonly subscriptionId: string;
  readonly channel: string;
  readonly milestoneId: string;
  readonly date: string;
  readonly leadDays: number;
  readonly attempt: number;
  readonly error: string;
  /** Roughly when (as of the pass's `now`) it may be tried again; null: given up. */
  readonly retryAt: Date | null;
  /** `unknown`: no answer in time, it may have arrived. */
  readonly outcome: 'failed' | 'unknown' | 'unreachable';
}

export interface PassResult {
  readonly delivered: Delivery[];
  /** Deliveries whose earlier attempt was found on the platform: completed without posting again. */
  readonly recovered: Delivery[];
  readonly failed: FailedDelivery[];
  /** Conversations found unreachable; their subscriptions were disabled. */
  readonly unreachable: string[];
  /** Due reminders left alone because no adapter of their platform runs in this process. */
  withoutAdapter: number;
  /** Subscriptions read (those whose next due instant had come). */
  subscriptionsRead: number;
}

export interface SchedulerPassOptions {
  readonly store: Store;
  readonly knowledge: KnowledgeBase;
  readonly adapters: ReadonlyMap<Platform, ChatAdapter>;
  readonly holidays: HolidaySettings;
  readonly log: Logger;
  /** The instant the pass runs "as of": decides what is due (leases use the database's clock). */
  readonly now: Date;
  /** The pass's notion of the current time for spacing messages (default: `now` advancing in real time). */
  readonly clock?: () => Date;
  /** Waits between two messages to one conversation (default: a real timer). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** How long a claim holds a delivery (database clock) before a crashed sender's claim may be taken over. */
  readonly leaseMs?: number;
  /**
   * No send starts later than this before the lease ends (measured with the monotonic clock from
   * just before the claim), so a send finishes before anyone may take the claim over. Must exceed
   * the platform client's timeout. Default: a fifth of the lease.
   */
  readonly sendMarginMs?: number;
  /** Minimum gap between two messages to one conversation (platform rate limits: 1 per second). */
  readonly minIntervalMs?: number;
  /** Attempts before a failing reminder is reported as failed for good. */
  readonly maxAttempts?: number;
  /** Backoff after failed attempt n (default {@link retryDelayMs}: 1, 5, 15 minutes, then hourly). */
  readonly retryDelay?: (attempt: number) => number;
  /** Conversations sent to in parallel. */
  readonly concurrency?: number;
  /** Deliveries claimed per statement (and sent before the next claim); outcomes are written per batch too. */
  readonly claimBatch?: number;
  /** Conversations read per page (default 10,000): bounds a pass's memory. */
  readonly conversationPage?: number;
  /** Stops the pass before its next send (shutdown); what is claimed and unsent is released. */
  readonly signal?: AbortSignal;
}

export const DEFAULT_LEASE_MS = 5 * 60_000;
export const DEFAULT_MAX_ATTEMPTS = 5;
/**
 * Deliveries claimed per statement: each claim is one durable commit (the intent, before any send),
 * so fewer, larger claims cost fewer disk flushes; the send window of one lease bounds how many can
 * be sent before the lease runs out (the rest is released, not lost).
 */
const DEFAULT_CLAIM_BATCH = 2000;
/** Conversations read per page of a pass. */
const CONVERSATION_PAGE = 10_000;

/**
 * One scheduler pass, shared by `contractbot remind run-due` and the serve loop:
 * 1. reads only the subscriptions whose indexed next due instant has come (a quiet pass reads none),
 *    in pages of whole conversations so memory stays bounded;
 * 2. computes in memory one reminder per (conversation, milestone occurrence) — however many of
 *    the conversation's subscriptions match — keyed by (conversation, occurrence, lead);
 * 3. per batch of conversations, claims the batch in one statement (the intent, committed before
 *    any send; leases on the database clock) and sends the won claims, at most one message per
 *    `minIntervalMs` per conversation, conversations in parallel;
 * 4. records outcomes: a timeout is `unknown` (retried with a check first where the platform
 *    allows it), a refusal is retried with backoff, a gone conversation is disabled. Where the
 *    adapter can find an earlier arrival (Slack metadata), outcomes are written in batches; where
 *    it cannot (Teams), each delivery is committed right after the platform's answer;
 * 5. stores each read subscription's next due instant, once all of the page's outcomes are stored.
 *
 * A crash at any point between a claim and its outcome's commit leaves the delivery `leased`:
 * - before the claim commits: nothing was claimed or sent; the subscription is still due;
 * - after the claim, before or during the send: once the lease runs out another pass takes the claim
 *   over as "may have arrived" (same claim id): Slack looks for it in the history, Teams sends it;
 * - after the send, before its outcome commits: the same; for Teams the outcome is committed alone
 *   right after the answer, so the window is that one commit. Batching only widens this window for
 *   adapters that find earlier arrivals, which is why only their outcomes are batched (and written
 *   without waiting for the disk flush: a lost outcome is the same case).
 * Outcomes that are not deliveries (retry, unknown, failed, released) say nothing arrived, or that it
 * may have: losing one only brings another attempt that a takeover would make anyway. The due index
 * is written after the page's outcomes, so a subscription never stops being due while one of its
 * deliveries is unrecorded; losing that write only makes it due early.
 */
export async function runSchedulerPass(options: SchedulerPassOptions): Promise<PassResult> {
  const { store, log, now } = options;
  const started = Date.now();
  const clock = options.clock ?? (() => new Date(now.getTime() + (Date.now() - started)));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const sendWindowMs = leaseMs - (options.sendMarginMs ?? leaseMs / 5);
  const minIntervalMs = options.minIntervalMs ?? 1000;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const retryDelay = options.retryDelay ?? retryDelayMs;
  const claimBatch = Math.max(1, options.claimBatch ?? DEFAULT_CLAIM_BATCH);

  const result: PassResult = { delivered: [], recovered: [], failed: [], unreachable: [], withoutAdapter: 0, subscriptionsRead: 0 };
  await store.syncScheduleFingerprint(scheduleFingerprint(options.knowledge.milestones, options.holidays));
  const dueConversations = await store.listDueConversations(now);
  if (dueConversations.length === 0) return result;
  const holds = await store.listMilestoneHolds();
  const planner = createDuePlanner({ now, milestones: options.knowledge.milestones, holds, holidays: options.holidays });
  const missingPlatforms = new Set<Platform>();
  const today = amsterdamDate(now);
  // Many conversations get the same reminder: each distinct message is built once per pass, per
  // deadline (occurrence group, which has one date) and variant (language, late, snoozed) — not per
  // subscription or conversation, and without a key string per reminder.
  const messages = new Map<DueReminder['milestones'], (Reply | undefined)[]>();
  const messageFor = (item: DueReminder): Reply => {
    let variants = messages.get(item.milestones);
    if (!variants) messages.set(item.milestones, (variants = []));
    const variant = (item.language === 'nl' ? 1 : 0) + (item.late ? 2 : 0) + (item.snoozed ? 4 : 0);
    let reply = variants[variant];
    if (!reply) {
      reply = reminderMessage({ knowledge: options.knowledge, milestones: item.milestones, occurrenceDate: item.key.occurrenceDate, today, language: item.language, late: item.late, snoozed: item.snoozed });
      variants[variant] = reply;
    }
    return reply;
  };

  // Pages of whole conversations keep a pass's memory bounded however many subscriptions are due.
  // A page's due-index write runs while the next page is read and sent (different subscriptions);
  // at most one is in flight, and the pass ends only after the last one is stored.
  const pageSize = Math.max(1, options.conversationPage ?? CONVERSATION_PAGE);
  let indexWrite: Promise<void> = Promise.resolve();
  // The next page is read while this one is sent (reads only; its conversations are not touched here).
  const read = (page: number): Promise<Subscription[]> | undefined => {
    if (page >= dueConversations.length) return undefined;
    const reading = store.listDueSubscriptions(now, dueConversations.slice(page, page + pageSize));
    reading.catch(() => undefined);
    return reading;
  };
  let nextRead = read(0);
  try {
    for (let page = 0; nextRead; page += pageSize) {
      if (options.signal?.aborted) break;
      const subscriptions = await nextRead;
      nextRead = read(page + pageSize);
      result.subscriptionsRead += subscriptions.length;
      const updates = await passPage(subscriptions);
      await indexWrite;
      indexWrite = updates.length > 0 ? store.setNextDue(updates) : Promise.resolve();
      // Seen as handled here; awaited (and thrown) below.
      indexWrite.catch(() => undefined);
    }
  } finally {
    await indexWrite;
    await nextRead?.catch(() => undefined);
  }
  for (const platform of missingPlatforms) log.warn('reminders due for a platform that is not running here', { platform });
  return result;

  /** Claims, sends and records one page; returns the due-index updates of its subscriptions. */
  async function passPage(subscriptions: readonly Subscription[]): Promise<NextDue[]> {
  const byConversation = planner.due(subscriptions);
  const sendable: [string, DueReminder[]][] = [];
  for (const entry of byConversation) {
    const platform = (entry[1][0] as DueReminder).address.platform;
    if (!options.adapters.has(platform)) {
      missingPlatforms.add(platform);
      result.withoutAdapter += entry[1].length;
      continue;
    }
    sendable.push(entry);
  }

  /** Per conversation: when (as of `now`) it must be looked at again because a delivery is still open. */
  const recheck = new Map<string, number>();
  const recheckAt = (conversation: string, at: number): void => {
    if (at < (recheck.get(conversation) ?? Infinity)) recheck.set(conversation, at);
  };
  /** Conversations whose due reminders were all taken care of in this pass (claimed, held, or finished). */
  const settled = new Set<string>();

  // Outcomes whose loss is recoverable (see below) are written per batch, without waiting for the
  // database's disk flush; a delivery that cannot be checked on the platform is committed alone, durably.
  let pending: DeliveryOutcome[] = [];
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    await store.finishDeliveries(batch, { durable: false });
  };
  /** Buffers an outcome; returns a promise only when it writes (so most sends await nothing extra). */
  const record = (outcome: DeliveryOutcome, immediately: boolean): Promise<void> | undefined => {
    if (immediately) return store.finishDeliveries([outcome]);
    pending.push(outcome);
    return pending.length >= claimBatch ? flush() : undefined;
  };

  for (let from = 0; from < sendable.length; ) {
    if (options.signal?.aborted) break;
    // A batch of whole conversations of about `claimBatch` deliveries.
    const chunk: [string, DueReminder[]][] = [];
    const keys: DeliveryKey[] = [];
    while (from < sendable.length && (keys.length === 0 || keys.length + (sendable[from]?.[1].length ?? 0) <= claimBatch)) {
      const entry = sendable[from++] as [string, DueReminder[]];
      chunk.push(entry);
      for (const item of entry[1]) keys.push(item.key);
    }
    const claimStarted = performance.now();
    const { won, held } = await store.claimDeliveries(keys, leaseMs);
    // The store hands back the key objects given: claims are found by identity, no key strings.
    const claims = new Map<DeliveryKey, DeliveryClaim>();
    for (const c of won) claims.set(c.key, c);
    for (const h of held) recheckAt(h.key.conversation, now.getTime() + h.inMs);
    const sendBefore = claimStarted + sendWindowMs;

    const sendConversation = async (conversation: string, items: DueReminder[]): Promise<void> => {
      let lastSendAt: number | undefined;
      let gone: string | undefined;
      for (const item of items) {
        const claim = claims.get(item.key);
        if (!claim) continue;
        if (gone !== undefined) {
          await record({ kind: 'failed', key: item.key, attempt: claim.attempt, error: `unreachable: ${gone}` }, false);
          continue;
        }
        if (lastSendAt !== undefined) {
          const wait = lastSendAt + minIntervalMs - clock().getTime();
          if (wait > 0) await sleep(wait);
        }
        if (options.signal?.aborted || performance.now() > sendBefore) {
          // Too close to the end of the lease (or shutting down): leave it to the next pass.
          await record({ kind: 'released', key: item.key, attempt: claim.attempt }, false);
          recheckAt(conversation, now.getTime());
          continue;
        }
        const adapter = options.adapters.get(item.address.platform) as ChatAdapter;
        const reply = messageFor(item);
        const sent = await safeSend(adapter, item, reply, claim);
        if (items.length > 1) lastSendAt = clock().getTime();
        if (sent.ok) {
          // Without a way to find an earlier arrival, commit at once: the window for a repeat is one commit.
          const written = record({ kind: 'delivered', key: item.key, attempt: claim.attempt, late: item.late }, !adapter.findsEarlierArrivals);
          if (written) await written;
          const delivery: Delivery = { subscriptionId: item.subscriptionId, channel: addressKey(item.address), milestoneId: item.key.milestoneId, date: item.key.occurrenceDate, leadDays: item.key.leadDays, late: item.late, text: reply.fallbackText };
          (sent.alreadyThere ? result.recovered : result.delivered).push(delivery);
          continue;
        }
        const base = () => ({ subscriptionId: item.subscriptionId, channel: addressKey(item.address), milestoneId: item.key.milestoneId, date: item.key.occurrenceDate, leadDays: item.key.leadDays });
        switch (sent.reason) {
          case 'unreachable': {
            await record({ kind: 'failed', key: item.key, attempt: claim.attempt, error: `unreachable: ${sent.message}` }, false);
            const disabled = await store.disableSubscriptionsFor(item.address);
            log.warn('conversation unreachable; its reminder subscriptions are disabled', { conversation, disabled, reason: sent.message.slice(0, 200) });
            result.unreachable.push(conversation);
            result.failed.push({ ...base(), attempt: claim.attempt, error: sent.message, retryAt: null, outcome: 'unreachable' });
            gone = sent.message; // the rest of this conversation's reminders cannot arrive either
            break;
          }
          case 'rate_limited':
          case 'failed':
          case 'unknown': {
            const final = claim.attempt >= maxAttempts;
            const delay = Math.max(retryDelay(claim.attempt), sent.reason === 'rate_limited' ? sent.retryAfterMs : 0);
            const kind = sent.reason === 'unknown' ? 'unknown' : 'retry';
            await record(final ? { kind: 'failed', key: item.key, attempt: claim.attempt, error: sent.message } : { kind, key: item.key, attempt: claim.attempt, error: sent.message, retryAfterMs: delay }, false);
            const retryAt = final ? null : new Date(now.getTime() + delay);
            if (retryAt) recheckAt(conversation, retryAt.getTime());
            if (final) log.error('reminder could not be delivered; giving up', { conversation, milestone: item.key.milestoneId, attempts: claim.attempt, outcome: sent.reason, error: sent.message.slice(0, 200) });
            else log.warn('reminder send did not succeed; will retry', { conversation, milestone: item.key.milestoneId, attempt: claim.attempt, outcome: sent.reason, retryInMs: delay });
            result.failed.push({ ...base(), attempt: claim.attempt, error: sent.message, retryAt, outcome: sent.reason === 'unknown' ? 'unknown' : 'failed' });
            break;
          }
          default: {
            const never: never = sent;
            throw new Error(`unhandled send result ${JSON.stringify(never)}`);
          }
        }
      }
    };

    // A bounded number of conversations in parallel; workers take conversations by index (no queue.shift()).
    let next = 0;
    const workers = Array.from({ length: Math.min(options.concurrency ?? 8, chunk.length) }, async () => {
      for (let i = next++; i < chunk.length; i = next++) {
        const [conversation, items] = chunk[i] as [string, DueReminder[]];
        await sendConversation(conversation, items);
      }
    });
    await Promise.all(workers);
    await flush();
    for (const [conversation] of chunk) settled.add(conversation);
  }
  await flush();

  // The due index: when each subscription read must be looked at again.
  const updates: NextDue[] = [];
  for (const s of subscriptions) {
    const conversation = conversationKey(s.address);
    // Reminders left unsent (shutdown, no adapter here) keep the subscription due.
    if (byConversation.has(conversation) && !settled.has(conversation)) continue;
    const next = planner.nextDue(s);
    const again = recheck.get(conversation);
    updates.push({ subscriptionId: s.id, at: again !== undefined && again < next.getTime() ? new Date(again) : next });
  }
  return updates;
  }
}

/**
 * What the due index was computed from: the remindable milestones' dates, filters and ids, the
 * holiday settings and the reminder hour. A change makes every subscription due for recomputation.
 */
export function scheduleFingerprint(milestones: readonly Milestone[], holidays: HolidaySettings): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([REMINDER_HOUR, holidays.goodFriday, holidays.liberationDay]));
  for (const m of milestones) {
    if (isRemindable(m)) hash.update(JSON.stringify([m.id, m.when, m.insurer, m.sector, m.documentId, m.actor]));
  }
  return hash.digest('hex').slice(0, 32);
}

/** An adapter that throws is a failed send, not a crashed pass. */
async function safeSend(adapter: ChatAdapter, item: DueReminder, reply: Reply, claim: DeliveryClaim): Promise<SendResult> {
  try {
    return await adapter.send(item.address, reply, { id: claim.claimId, mayHaveArrived: claim.mayHaveArrived, since: claim.firstClaimedAt });
  } catch (error) {
    return { ok: false, reason: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}


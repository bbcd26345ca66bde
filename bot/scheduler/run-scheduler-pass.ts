import type { ChatAdapter, SendResult } from '../../adapters/adapter.js';
import { addressKey, conversationKey } from '../../handlers/address-key.js';
import type { HolidaySettings } from '../../handlers/context.js';
import type { Logger } from '../../handlers/logger.js';
import { reminderMessage } from '../../handlers/reminder-message.js';
import type { Store } from '../../handlers/store.js';
import type { Platform, Reply } from '../../handlers/types.js';
import { amsterdamDate } from '../../knowledge/dates/calendar-date.js';
import type { Milestone } from '../../knowledge/milestones/milestone.js';
import { dueReminders, dueWindow, type DueReminder } from './due-reminders.js';
import { retryDelayMs } from './retry-delay.js';

/** One reminder sent by a pass (the `remind run-due --json` element). */
export interface Delivery {
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
  readonly retryAt: Date | null;
}

export interface PassResult {
  readonly delivered: Delivery[];
  readonly failed: FailedDelivery[];
  /** Conversations found unreachable; their subscriptions were disabled. */
  readonly unreachable: string[];
  /** Due reminders left alone because no adapter of their platform runs in this process. */
  withoutAdapter: number;
}

export interface SchedulerPassOptions {
  readonly store: Store;
  readonly milestones: readonly Milestone[];
  readonly adapters: ReadonlyMap<Platform, ChatAdapter>;
  readonly holidays: HolidaySettings;
  readonly log: Logger;
  /** The instant the pass runs "as of": decides what is due. */
  readonly now: Date;
  /** Timestamps for claims during the pass (default: `now` advancing in real time). */
  readonly clock?: () => Date;
  /** Waits between two messages to one conversation (default: a real timer). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** How long a claim holds an occurrence before a crashed sender's claim may be taken over. */
  readonly leaseMs?: number;
  /** Minimum gap between two messages to one conversation (platform rate limits: 1 per second). */
  readonly minIntervalMs?: number;
  /** Attempts before a failing reminder is reported as failed for good. */
  readonly maxAttempts?: number;
  /** Conversations sent to in parallel. */
  readonly concurrency?: number;
  /** Stops the pass before its next claim (shutdown); what is claimed is finished first. */
  readonly signal?: AbortSignal;
}

export const DEFAULT_LEASE_MS = 5 * 60_000;
export const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * One scheduler pass: reads subscriptions, claims and holds once, computes the due reminders in
 * memory, then per conversation claims each one in the database right before sending it (so a
 * crash between claim and send is retried after the lease, a finished send is never repeated, and
 * of two processes only one sends), at most one message per `minIntervalMs` per conversation.
 * Shared by `contractbot remind run-due` and the serve loop.
 */
export async function runSchedulerPass(options: SchedulerPassOptions): Promise<PassResult> {
  const { store, log, now } = options;
  const started = Date.now();
  const clock = options.clock ?? (() => new Date(now.getTime() + (Date.now() - started)));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const minIntervalMs = options.minIntervalMs ?? 1000;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;

  const subscriptions = await store.listSubscriptions({ activeOnly: true });
  const result: PassResult = { delivered: [], failed: [], unreachable: [], withoutAdapter: 0 };
  if (subscriptions.length === 0) return result;
  const [states, holds] = await Promise.all([store.listOccurrenceStates(dueWindow(now, subscriptions)), store.listMilestoneHolds()]);
  const due = dueReminders({ now, subscriptions, milestones: options.milestones, states, holds, holidays: options.holidays });

  const byConversation = new Map<string, DueReminder[]>();
  const missingPlatforms = new Set<Platform>();
  for (const item of due) {
    if (!options.adapters.has(item.subscription.address.platform)) {
      missingPlatforms.add(item.subscription.address.platform);
      result.withoutAdapter++;
      continue;
    }
    const id = conversationKey(item.subscription.address);
    const list = byConversation.get(id);
    if (list) list.push(item);
    else byConversation.set(id, [item]);
  }
  for (const platform of missingPlatforms) log.warn('reminders due for a platform that is not running here', { platform });

  const today = amsterdamDate(now);
  // Many subscriptions get the same reminder: build each distinct message once per pass.
  const messages = new Map<string, Reply>();
  const messageFor = (item: DueReminder): Reply => {
    const id = [item.key.milestoneId, item.key.occurrenceDate, item.subscription.language, item.late, item.snoozed, item.milestones.length].join('|');
    let reply = messages.get(id);
    if (!reply) {
      reply = reminderMessage({
        milestones: item.milestones,
        occurrenceDate: item.key.occurrenceDate,
        today,
        language: item.subscription.language,
        late: item.late,
        snoozed: item.snoozed,
      });
      messages.set(id, reply);
    }
    return reply;
  };
  const sendConversation = async (conversation: string, items: DueReminder[]): Promise<void> => {
    let lastSendAt: number | undefined;
    for (const item of items) {
      if (options.signal?.aborted) return;
      const adapter = options.adapters.get(item.subscription.address.platform) as ChatAdapter;
      const claim = await store.claimOccurrence(item.key, clock(), leaseMs);
      if (!claim.claimed) continue;
      if (lastSendAt !== undefined) {
        const wait = lastSendAt + minIntervalMs - clock().getTime();
        if (wait > 0) await sleep(wait);
      }
      const reply = messageFor(item);
      const sent = await safeSend(adapter, item, reply);
      lastSendAt = clock().getTime();
      const channel = addressKey(item.subscription.address);
      const base = { subscriptionId: item.key.subscriptionId, channel, milestoneId: item.key.milestoneId, date: item.key.occurrenceDate, leadDays: item.key.leadDays };
      if (sent.ok) {
        await store.completeOccurrence(item.key, clock(), item.late);
        result.delivered.push({ ...base, late: item.late, text: reply.fallbackText });
        continue;
      }
      switch (sent.reason) {
        case 'unreachable': {
          await store.failOccurrence(item.key, clock(), `unreachable: ${sent.message}`, null);
          const disabled = await store.disableSubscriptionsFor(item.subscription.address);
          log.warn('conversation unreachable; its reminder subscriptions are disabled', { conversation, disabled, reason: sent.message.slice(0, 200) });
          result.unreachable.push(conversation);
          result.failed.push({ ...base, attempt: claim.attempt, error: sent.message, retryAt: null });
          return; // the rest of this conversation's reminders cannot arrive either
        }
        case 'rate_limited':
        case 'failed': {
          const final = claim.attempt >= maxAttempts;
          const delay = Math.max(retryDelayMs(claim.attempt), sent.reason === 'rate_limited' ? sent.retryAfterMs : 0);
          const retryAt = final ? null : new Date(clock().getTime() + delay);
          await store.failOccurrence(item.key, clock(), sent.message, retryAt);
          if (final) log.error('reminder could not be delivered; giving up', { conversation, milestone: item.key.milestoneId, attempts: claim.attempt, error: sent.message.slice(0, 200) });
          else log.warn('reminder send failed; will retry', { conversation, milestone: item.key.milestoneId, attempt: claim.attempt, retryAt: retryAt?.toISOString() });
          result.failed.push({ ...base, attempt: claim.attempt, error: sent.message, retryAt });
          break;
        }
      }
    }
  };

  const queue = [...byConversation.entries()];
  const workers = Array.from({ length: Math.min(options.concurrency ?? 8, queue.length) }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await sendConversation(next[0], next[1]);
  });
  await Promise.all(workers);
  return result;
}

/** An adapter that throws is a failed send, not a crashed pass. */
async function safeSend(adapter: ChatAdapter, item: DueReminder, reply: Reply): Promise<SendResult> {
  try {
    return await adapter.send(item.subscription.address, reply);
  } catch (error) {
    return { ok: false, reason: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../../handlers/logger.js';
import type { Store } from '../../handlers/store.js';

/**
 * Answers each Events API delivery once. Slack re-delivers an event it thinks failed
 * (`x-slack-retry-num`) with the same `event_id`; the first delivery claims the id in the store
 * (shared by every replica), later ones stop here. If the store fails the event is processed:
 * a rare double answer beats a lost one.
 */
export function dedupeEvents(store: () => Promise<Store>, clock: () => Date, log: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = 'event_id' in body && typeof body.event_id === 'string' ? body.event_id : undefined;
    if (eventId) {
      let first = true;
      try {
        first = await (await store()).markEventSeen(`slack:${eventId}`, clock());
      } catch (error) {
        log.warn('slack: could not record the event id; processing anyway', { error: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
      }
      if (!first) {
        log.info('slack: duplicate delivery skipped', { eventId, retryNum: context.retryNum ?? 0, retryReason: context.retryReason ?? null });
        return;
      }
    }
    await next();
  };
}

/** How long a slash command or interaction's `trigger_id` is remembered (Slack never re-sends one later). */
export const TRIGGER_KEEP_MS = 10 * 60 * 1000;

/**
 * Processes each slash command and interactivity payload once: its `trigger_id` is claimed in the
 * store (shared by every replica, kept 10 minutes); a replayed request is acknowledged (so Slack
 * and an attacker both just see 200) and goes no further. If the store fails the request is
 * processed, as for events.
 */
export function dedupeTriggers(store: () => Promise<Store>, clock: () => Date, log: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { body, next } = args;
    const triggerId = 'trigger_id' in body && typeof body.trigger_id === 'string' && body.trigger_id !== '' ? body.trigger_id : undefined;
    if (triggerId) {
      let first = true;
      try {
        first = await (await store()).claimOnce(`slack:trigger:${triggerId}`, clock(), TRIGGER_KEEP_MS);
      } catch (error) {
        log.warn('slack: could not record the trigger id; processing anyway', { error: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
      }
      if (!first) {
        log.info('slack: replayed request skipped', { kind: 'command' in body ? 'command' : 'interaction' });
        if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
        return;
      }
    }
    await next();
  };
}

/** Tracks listener work still running, so shutdown (and tests) can wait for it. */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  readonly middleware: Middleware<AnyMiddlewareArgs> = async ({ next }) => {
    const work = next();
    this.running.add(work);
    try {
      await work;
    } finally {
      this.running.delete(work);
    }
  };

  /** Resolves when no listener is running (or after `timeoutMs`). */
  async idle(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.running.size > 0 && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...this.running]),
        new Promise((resolve) => {
          timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        }),
      ]);
      clearTimeout(timer);
    }
  }
}

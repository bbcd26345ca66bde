import type { App, Receiver } from '@slack/bolt';
import type { Logger } from '../../handlers/logger.js';

/** The retry headers Slack sets on a re-delivery (`x-slack-retry-num`, `x-slack-retry-reason`). */
export interface SlackRetry {
  readonly retryNum?: number;
  readonly retryReason?: string;
}

/**
 * A Bolt receiver for requests the route has already verified, parsed and acknowledged with 200
 * (see `slack-part.ts`): the request thread does only the signature check and one parse before the
 * ack, and Bolt's authorize, middleware chain (dedupe writes) and listeners run afterwards, on a
 * later turn of the event loop, so they never delay this or any other pending ack.
 *
 * Replaces Bolt's HTTPReceiver, which verifies and parses the body a second time and answers only
 * when a listener calls `ack()` (after the middleware chain for commands and actions). Our
 * listeners never answer with an ack body (answers go through response_url / chat.postMessage),
 * so `ack()` here has nothing left to send.
 */
export class AckFirstReceiver implements Receiver {
  private app: App | undefined;
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly log: Logger) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  /** Hands an acknowledged request to Bolt on the next turn of the event loop (after pending acks). */
  dispatch(body: Record<string, unknown>, retry: SlackRetry): void {
    const app = this.app;
    if (!app) {
      this.log.error('slack: request acknowledged before the app was initialised', {});
      return;
    }
    const work = new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
      app.processEvent({ body, ack: async () => {}, ...(retry.retryNum !== undefined ? { retryNum: retry.retryNum } : {}), ...(retry.retryReason ? { retryReason: retry.retryReason } : {}) }),
    );
    const tracked = work.catch((error: unknown) => {
      this.log.error('slack: processing an acknowledged request failed', { error: error instanceof Error ? `${error.name}: ${error.message.split('\n')[0] ?? ''}` : 'unknown' });
    });
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }

  /** Requests handed to Bolt and not yet through its chain (shutdown, tests). */
  get inFlight(): readonly Promise<void>[] {
    return [...this.pending];
  }
}

/** Slack's retry headers, as Bolt's HTTPReceiver reads them. */
export function slackRetryOf(headers: Record<string, string | string[] | undefined>): SlackRetry {
  const num = headers['x-slack-retry-num'];
  const reason = headers['x-slack-retry-reason'];
  const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);
  const n = Number.parseInt(first(num) ?? '', 10);
  const r = first(reason);
  return { ...(Number.isInteger(n) ? { retryNum: n } : {}), ...(r ? { retryReason: r } : {}) };
}

import type { CloudAdapter } from 'botbuilder';
import type { Logger } from '../../handlers/logger.js';
import type { Store } from '../../handlers/store.js';
import type { Address, Reply } from '../../handlers/types.js';
import type { ChatAdapter, SendResult } from '../adapter.js';
import { ConnectorRetryError } from './connector-http-client.js';
import { conversationAddress, referenceFor } from './conversation-reference.js';
import { renderTeamsMessages } from './render-teams-message.js';

/**
 * Proactive delivery to Teams (reminders): loads the conversation reference stored when the bot
 * was installed in or addressed from the conversation and posts through
 * `CloudAdapter.continueConversationAsync`. New top-level posts in channels, or into the address's
 * thread. Never throws: the result tells the scheduler whether to retry, back off or disable.
 */
export function createTeamsAdapter(options: {
  cloudAdapter: CloudAdapter;
  /** The bot's Microsoft app id; empty in emulator mode. */
  botAppId: string;
  store: () => Promise<Store>;
  log: Logger;
}): ChatAdapter {
  return {
    platform: 'teams',
    async send(to: Address, reply: Reply): Promise<SendResult> {
      if (to.platform !== 'teams') return { ok: false, reason: 'failed', message: `Not a Teams address: ${to.platform}.` };
      let stored: unknown;
      try {
        stored = await (await options.store()).getConversationReference(conversationAddress(to));
      } catch (error) {
        return { ok: false, reason: 'failed', message: `Could not read the conversation reference: ${messageOf(error)}` };
      }
      if (stored === undefined || stored === null) {
        return { ok: false, reason: 'unreachable', message: 'No conversation reference stored: the bot was never installed in or addressed from this conversation.' };
      }
      const reference = referenceFor(stored, to);
      if (!reference) return { ok: false, reason: 'unreachable', message: 'The stored conversation reference is unusable.' };

      let failure: unknown;
      try {
        await options.cloudAdapter.continueConversationAsync(options.botAppId, reference, async (context) => {
          // A proactive post starts its own message (or thread reply), not a reply to the continuation event.
          context.onSendActivities(async (_ctx, activities, next) => {
            for (const activity of activities) delete activity.replyToId;
            return next();
          });
          try {
            for (const message of renderTeamsMessages(reply)) await context.sendActivity(message);
          } catch (error) {
            failure = error;
          }
        });
      } catch (error) {
        failure = error;
      }
      if (failure === undefined) return { ok: true };
      const result = classify(failure);
      options.log.warn('teams proactive send failed', { reason: result.reason, message: result.message });
      return result;
    },
    async stop() {},
  };
}

/**
 * Maps a connector failure to a send result: 403/404 mean the bot was removed; 412/429 are rate
 * limits; a timeout, a 5xx (502/504 after every retry) or a connection lost mid-request is
 * `unknown` (Teams may have posted it: the connector offers no way to check, so the scheduler
 * sends it again after the backoff); other 4xx are `failed`.
 */
export function classify(error: unknown): Exclude<SendResult, { ok: true }> {
  if (error instanceof ConnectorRetryError) {
    if (error.statusCode === 429 || error.statusCode === 412) {
      return { ok: false, reason: 'rate_limited', retryAfterMs: error.retryAfterMs ?? 1_000, message: error.message };
    }
    return { ok: false, reason: error.statusCode >= 500 ? 'unknown' : 'failed', message: error.message };
  }
  const status = statusOf(error);
  if (status === 403 || status === 404) {
    return { ok: false, reason: 'unreachable', message: `Bot Connector answered ${status}: the bot is no longer in this conversation.` };
  }
  if (status !== undefined) return { ok: false, reason: status >= 500 ? 'unknown' : 'failed', message: `Bot Connector answered ${status}.` };
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError' || /ECONNRESET|socket hang up|terminated/i.test(messageOf(error))) {
    return { ok: false, reason: 'unknown', message: `No answer from the Bot Connector: ${messageOf(error)}` };
  }
  return { ok: false, reason: 'failed', message: messageOf(error) };
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = (error as { statusCode?: unknown }).statusCode ?? (error as { response?: { status?: unknown } }).response?.status;
  return typeof candidate === 'number' ? candidate : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error);
}

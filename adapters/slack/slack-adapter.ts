import type { ChatAdapter, SendResult } from '../adapter.js';
import type { Logger } from '../../handlers/logger.js';
import type { Address, Reply } from '../../handlers/types.js';
import { findReminderParts } from './find-reminder-parts.js';
import { postMessages } from './post-messages.js';
import { renderBlockKit } from './render-block-kit.js';
import { sendErrorToResult } from './send-error.js';
import type { SlackWebClient } from './slack-web-client.js';

/**
 * Proactive delivery (reminders) with chat.postMessage: into the address's thread when it has one.
 * `client` must be a `delivery` client (no retries, 429 rejected) so the scheduler sees
 * `rate_limited` with Retry-After, `unreachable` for channels the bot cannot post to any more, and
 * `unknown` when Slack did not answer in time.
 *
 * Every tagged post carries message metadata with the delivery's claim id. When an earlier attempt
 * may have arrived, the channel history is searched for that claim id first and only the missing
 * parts are posted (none: `alreadyThere`). Without the history scopes (`missing_scope`) it posts
 * anyway, with a warning: a repeat is better than a missed deadline.
 */
export function createSlackAdapter(client: SlackWebClient, log?: Logger): ChatAdapter {
  return {
    platform: 'slack',
    findsEarlierArrivals: true,
    async send(to: Address, reply: Reply, tag): Promise<SendResult> {
      if (to.platform !== 'slack') return { ok: false, reason: 'failed', message: `Not a Slack address (${to.platform}).` };
      const messages = renderBlockKit(reply);
      // A personal reminder is addressed to a user (U…/W…): its DM channel with the bot comes from conversations.open.
      if (/^[UW][A-Z0-9]+$/.test(to.conversationId)) {
        try {
          const opened = await client.conversations.open({ users: to.conversationId });
          const channel = opened.channel?.id;
          if (!channel) return { ok: false, reason: 'failed', message: 'Slack: conversations.open returned no channel' };
          to = { ...to, conversationId: channel };
        } catch (error) {
          return sendErrorToResult(error);
        }
      }
      let skip = new Set<number>();
      if (tag?.mayHaveArrived) {
        try {
          skip = await findReminderParts(client, to.conversationId, to.threadId, tag.id, tag.since);
        } catch (error) {
          const result = sendErrorToResult(error);
          // Still not known whether the earlier attempt arrived: the next attempt must check again.
          if (result.message !== 'Slack: missing_scope') return { ok: false, reason: 'unknown', message: `history check: ${result.message}` };
          log?.warn('cannot check the channel history for an earlier reminder (missing history scope); posting again', { channel: to.conversationId });
        }
        if (messages.every((_, i) => skip.has(i + 1))) return { ok: true, alreadyThere: true };
      }
      const progress = { posted: 0 };
      try {
        await postMessages(client, to.conversationId, to.threadId, messages, tag ? { claimId: tag.id, skip } : undefined, progress);
        return { ok: true };
      } catch (error) {
        const result = sendErrorToResult(error);
        // Some parts arrived: a retry must look for them rather than post them again.
        return progress.posted > 0 && result.reason !== 'unreachable' ? { ok: false, reason: 'unknown', message: result.message } : result;
      }
    },
    stop: async () => undefined,
  };
}

import type { ChatAdapter, SendResult } from '../adapter.js';
import type { Address, Reply } from '../../handlers/types.js';
import { postMessages } from './post-messages.js';
import { renderBlockKit } from './render-block-kit.js';
import { sendErrorToResult } from './send-error.js';
import type { SlackWebClient } from './slack-web-client.js';

/**
 * Proactive delivery (reminders) with chat.postMessage: into the address's thread when it has one.
 * `client` must be a `delivery` client (no retries, 429 rejected) so the scheduler sees
 * `rate_limited` with Retry-After, and `unreachable` for channels the bot cannot post to any more.
 */
export function createSlackAdapter(client: SlackWebClient): ChatAdapter {
  return {
    platform: 'slack',
    async send(to: Address, reply: Reply): Promise<SendResult> {
      if (to.platform !== 'slack') return { ok: false, reason: 'failed', message: `Not a Slack address (${to.platform}).` };
      try {
        await postMessages(client, to.conversationId, to.threadId, renderBlockKit(reply));
        return { ok: true };
      } catch (error) {
        return sendErrorToResult(error);
      }
    },
    stop: async () => undefined,
  };
}

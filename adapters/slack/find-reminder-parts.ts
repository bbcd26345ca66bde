import { REMINDER_EVENT_TYPE } from './post-messages.js';
import type { SlackWebClient } from './slack-web-client.js';

/** Pages of history read at most (200 messages each) when looking for an earlier attempt. */
const MAX_PAGES = 10;
/** Slack's clock and the database's may differ: look this much further back than the first claim. */
const CLOCK_ALLOWANCE_MS = 10 * 60_000;

/**
 * The parts (1-based) of the reminder delivery `claimId` already in the conversation: reads the
 * channel's history since `since` (or the thread's replies, for a thread address) with
 * `include_all_metadata` and collects the messages whose metadata is ours with that claim id.
 * Needs the `*:history` scopes; errors are thrown as the Web API client throws them.
 */
export async function findReminderParts(client: SlackWebClient, channel: string, threadTs: string | undefined, claimId: string, since: Date): Promise<Set<number>> {
  const found = new Set<number>();
  const oldest = String(Math.max(0, Math.floor((since.getTime() - CLOCK_ALLOWANCE_MS) / 1000)));
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const args = { channel, oldest, include_all_metadata: true, limit: 200, ...(cursor ? { cursor } : {}) };
    const response = threadTs ? await client.conversations.replies({ ...args, ts: threadTs }) : await client.conversations.history(args);
    for (const message of response.messages ?? []) {
      const metadata = (message as { metadata?: { event_type?: unknown; event_payload?: { claim_id?: unknown; part?: unknown } } }).metadata;
      if (metadata?.event_type !== REMINDER_EVENT_TYPE || metadata.event_payload?.claim_id !== claimId) continue;
      const part = metadata.event_payload.part;
      found.add(typeof part === 'number' && Number.isInteger(part) && part > 0 ? part : 1);
    }
    cursor = response.response_metadata?.next_cursor || undefined;
    if (!cursor || !response.has_more) break;
  }
  return found;
}

import type { SlackMessage } from './render-block-kit.js';
import type { SlackWebClient } from './slack-web-client.js';

/** The message metadata event type of every reminder post (see {@link reminderMetadata}). */
export const REMINDER_EVENT_TYPE = 'contractbot_reminder';

/**
 * Slack message metadata tagging part `part` of `parts` of one reminder delivery with its claim
 * id, so a later attempt can find it in the channel history (`conversations.history` with
 * `include_all_metadata`) instead of posting it again. Metadata is invisible to people.
 */
export function reminderMetadata(claimId: string, part: number, parts: number) {
  return { event_type: REMINDER_EVENT_TYPE, event_payload: { claim_id: claimId, part, parts } };
}

/**
 * Posts rendered messages in order with chat.postMessage, into `threadTs` when given, without link
 * previews. With `tag`, each message carries {@link reminderMetadata}; `skip` names parts (1-based)
 * already posted by an earlier attempt. `progress.posted` counts the posts that succeeded.
 */
export async function postMessages(
  client: SlackWebClient,
  channel: string,
  threadTs: string | undefined,
  messages: readonly SlackMessage[],
  tag?: { readonly claimId: string; readonly skip?: ReadonlySet<number> },
  progress?: { posted: number },
): Promise<void> {
  for (const [index, m] of messages.entries()) {
    if (tag?.skip?.has(index + 1)) continue;
    await client.chat.postMessage({
      channel,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      text: m.text,
      blocks: m.blocks,
      unfurl_links: false,
      unfurl_media: false,
      ...(tag ? { metadata: reminderMetadata(tag.claimId, index + 1, messages.length) } : {}),
    });
    if (progress) progress.posted++;
  }
}

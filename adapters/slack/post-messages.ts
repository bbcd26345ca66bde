import type { SlackMessage } from './render-block-kit.js';
import type { SlackWebClient } from './slack-web-client.js';

/** Posts rendered messages in order with chat.postMessage, into `threadTs` when given, without link previews. */
export async function postMessages(client: SlackWebClient, channel: string, threadTs: string | undefined, messages: readonly SlackMessage[]): Promise<void> {
  for (const m of messages) {
    await client.chat.postMessage({
      channel,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      text: m.text,
      blocks: m.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
  }
}

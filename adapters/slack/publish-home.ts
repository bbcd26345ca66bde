import type { IncomingMessage, Reply } from '../../handlers/types.js';
import type { Logger } from '../../handlers/logger.js';
import { APP_HOME } from '../../handlers/app-home.js';
import { renderBlockKit, type SlackBlock } from './render-block-kit.js';
import type { SlackWebClient } from './slack-web-client.js';

const CONVERSATION_PAGES = 5;
/** Slack's limit for a Home tab view. */
const HOME_BLOCKS = 100;

/**
 * The App Home (`app_home_opened` → `views.publish`): the core's home reply (action `app.home`,
 * with the ids of the user's channels as its value), rendered as Block Kit in one view.
 */
export async function publishHome(args: {
  client: SlackWebClient;
  userId: string;
  now: Date;
  log: Logger;
  handle: (message: IncomingMessage) => Promise<Reply>;
  /** Where the home content is addressed: the user's DM with the bot when Slack gives it. */
  channel: string | undefined;
}): Promise<void> {
  const { client, userId, now, log } = args;
  const conversations = await userConversations(client, userId, log);
  const reply = await args.handle({
    address: { platform: 'slack', conversationId: args.channel ?? userId, userId },
    text: '',
    action: { id: APP_HOME, value: [...(conversations ?? [])].join(',') },
    receivedAt: now,
  });
  const blocks: SlackBlock[] = renderBlockKit(reply, { maxMessages: 2 }).flatMap((m) => m.blocks);
  await client.views.publish({ user_id: userId, view: { type: 'home', blocks: blocks.slice(0, HOME_BLOCKS) } });
}

/** The ids of the conversations the user is in (as far as the bot can see); undefined when unavailable. */
async function userConversations(client: SlackWebClient, userId: string, log: Logger): Promise<Set<string> | undefined> {
  const ids = new Set<string>();
  let cursor: string | undefined;
  try {
    for (let page = 0; page < CONVERSATION_PAGES; page++) {
      const result = await client.users.conversations({
        user: userId,
        types: 'public_channel,private_channel',
        exclude_archived: true,
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
      for (const c of result.channels ?? []) if (c.id) ids.add(c.id);
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return ids;
  } catch (error) {
    const e = error as { data?: { error?: string } };
    log.warn('slack: could not list the user conversations for App Home', { error: e.data?.error ?? 'request failed' });
    return undefined;
  }
}

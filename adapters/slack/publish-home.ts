import { amsterdamDate } from '../../knowledge/dates/calendar-date.js';
import { loadMilestones } from '../../knowledge/milestones/load-milestones.js';
import type { Logger } from '../../handlers/logger.js';
import type { Store, Subscription } from '../../handlers/store.js';
import { buildHomeView } from './app-home.js';
import type { SlackWebClient } from './slack-web-client.js';
import { filterFromSubscriptions, upcomingDeadlines } from './upcoming-deadlines.js';

const CONVERSATION_PAGES = 5;

/**
 * Publishes a user's App Home (`app_home_opened` → `views.publish`): the active reminders of the
 * conversations the user is in (or set up themselves), and the next deadlines they follow.
 */
export async function publishHome(args: { client: SlackWebClient; userId: string; store: Store; now: Date; log: Logger }): Promise<void> {
  const { client, userId, store, now, log } = args;
  const conversations = await userConversations(client, userId, log);
  const all = await store.listSubscriptions({ activeOnly: true });
  const mine = all.filter(
    (s: Subscription) => s.address.platform === 'slack' && (s.address.userId === userId || conversations?.has(s.address.conversationId)),
  );
  const language = mine[0]?.language ?? 'nl';
  const deadlines = upcomingDeadlines(loadMilestones(), amsterdamDate(now), language, filterFromSubscriptions(mine));
  const view = buildHomeView({ language, subscriptions: mine, conversationsKnown: conversations !== undefined, deadlines });
  await client.views.publish({ user_id: userId, view });
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

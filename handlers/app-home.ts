import { amsterdamDate } from '../knowledge/dates/calendar-date.js';
import { calendarLinkBlock } from './calendar-link.js';
import type { HandlerContext } from './context.js';
import type { Handler } from './handler.js';
import { helpReply } from './help.js';
import { languageOf, messages } from './messages/messages.js';
import { makeReply } from './reply.js';
import { describe } from './reminders.js';
import type { Subscription } from './store.js';
import type { Block, IncomingMessage, Language, Reply } from './types.js';
import { filterFromSubscriptions, upcomingDeadlines } from './upcoming-deadlines.js';

/** An adapter's "the bot was installed here / a person opened the bot for the first time"; value: `nl` or `en` when the platform knows the locale. */
export const APP_WELCOME = 'app.welcome';
/** An adapter's "show the home view" (Slack App Home, Teams personal tab); value: the ids of the user's conversations, comma-separated, when known. */
export const APP_HOME = 'app.home';

const MAX_SUBSCRIPTIONS = 20;

/**
 * The same welcome and home content on every platform:
 * - `app.welcome` (Teams install, Slack first direct message or App Home visit): what the bot does,
 *   examples, the calendar URL and how to give feedback;
 * - `app.home` and the chat command "home"/"overzicht": the reminders of the user's conversations,
 *   the next deadlines they follow and the calendar URL.
 */
export const appHomeHandler: Handler = {
  intent: 'help',
  actionPrefix: 'app.',
  handle: async (message, understanding, context) => {
    const { language } = understanding;
    switch (message.action?.id) {
      case APP_WELCOME:
        return welcomeReply(languageOf(message.action.value, language), context);
      case APP_HOME:
      case undefined:
        return homeReply(message, context, language);
      default:
        return makeReply('unknown', language, [{ kind: 'text', markdown: messages(language).home.buttonUnknown }]);
    }
  },
};

/** Welcome: greeting, the help examples, the calendar URL, and how to rate answers. */
export function welcomeReply(language: Language, context: Pick<HandlerContext, 'publicUrl'>): Reply {
  const t = messages(language).home;
  const help = helpReply(language).blocks;
  return makeReply('help', language, [
    { kind: 'text', markdown: t.welcome },
    ...help,
    calendarLinkBlock(context, language),
    { kind: 'text', markdown: t.howToRate },
  ]);
}

/**
 * Home: the active reminders of this platform's conversations the user is in (the action's value),
 * set up by them, or of this conversation; the next deadlines they follow; the calendar URL.
 */
export async function homeReply(message: IncomingMessage, context: HandlerContext, fallback: Language): Promise<Reply> {
  const { address } = message;
  const conversations = new Set((message.action?.value ?? '').split(',').filter((id) => id !== ''));
  const all = await (await context.store()).listSubscriptions({ activeOnly: true });
  const mine = all.filter(
    (s: Subscription) =>
      s.address.platform === address.platform &&
      (conversations.has(s.address.conversationId) || s.address.conversationId === address.conversationId || (address.userId !== undefined && s.address.userId === address.userId)),
  );
  const language = message.action ? (mine[0]?.language ?? fallback) : fallback;
  const t = messages(language).home;
  const blocks: Block[] = [{ kind: 'text', markdown: t.intro }];
  if (mine.length === 0) {
    blocks.push({ kind: 'text', markdown: t.noReminders });
  } else {
    const lines = mine.slice(0, MAX_SUBSCRIPTIONS).map((s) => `- ${describe(s, language)}`);
    if (mine.length > MAX_SUBSCRIPTIONS) lines.push(t.more(mine.length - MAX_SUBSCRIPTIONS));
    blocks.push({ kind: 'text', markdown: `**${t.reminders}:**\n${lines.join('\n')}` });
  }
  const deadlines = upcomingDeadlines(context.knowledge.milestones, amsterdamDate(context.now), language, filterFromSubscriptions(mine));
  blocks.push({ kind: 'text', markdown: `**${t.upcoming}:**${deadlines.length === 0 ? t.noneFound : ''}` });
  if (deadlines.length > 0) blocks.push({ kind: 'deadlines', deadlines });
  blocks.push(calendarLinkBlock(context, language));
  return makeReply('help', language, blocks);
}

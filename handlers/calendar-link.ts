import type { HandlerContext } from './context.js';
import { messages } from './messages/messages.js';
import type { Handler } from './handler.js';
import { makeReply } from './reply.js';
import type { Block, Language } from './types.js';

/** The feed's path on the bot's HTTP server (`contractbot serve`). */
export const CALENDAR_FEED_PATH = '/calendar.ics';

/**
 * The calendar subscription URL as a text block: the feed on PUBLIC_URL with two filtered
 * examples, or where to find it when PUBLIC_URL is not configured.
 */
export function calendarLinkBlock(context: Pick<HandlerContext, 'publicUrl'>, language: Language): Block {
  const t = messages(language).calendarLink;
  if (!context.publicUrl) return { kind: 'text', markdown: t.notConfigured(CALENDAR_FEED_PATH) };
  return { kind: 'text', markdown: t.feed(feedUrl(context.publicUrl)) };
}

/**
 * The calendar feed URL of one filter (a reminder subscription's insurers and sectors), with an
 * alarm `alarmDays` before each event; undefined when PUBLIC_URL is not configured.
 */
export function calendarUrlFor(
  context: Pick<HandlerContext, 'publicUrl'>,
  filter: { readonly insurers: readonly string[] | 'all'; readonly sectors: readonly string[] | 'all' },
  language: Language,
  alarmDays?: number,
): string | undefined {
  if (!context.publicUrl) return undefined;
  const query = new URLSearchParams();
  if (filter.insurers !== 'all') query.set('insurer', filter.insurers.join(','));
  if (filter.sectors !== 'all') query.set('sector', filter.sectors.join(','));
  if (language === 'en') query.set('lang', 'en');
  if (alarmDays !== undefined) query.set('alarm', String(alarmDays));
  const q = query.toString();
  return `${feedUrl(context.publicUrl)}${q ? `?${q}` : ''}`;
}

function feedUrl(publicUrl: string): string {
  let base = publicUrl;
  while (base.endsWith('/')) base = base.slice(0, -1);
  return `${base}${CALENDAR_FEED_PATH}`;
}

/**
 * "calendar", "kalender link", "agenda": replies with the calendar subscription URL. A question
 * about calendars ("Can I subscribe to the deadlines in Outlook?") also explains the feed, and
 * says that no reminder was set up: only an explicit reminder request subscribes.
 */
export const calendarLinkHandler: Handler = {
  intent: 'help',
  handle: async (_message, understanding, context) => {
    const { language } = understanding;
    const link = calendarLinkBlock(context, language);
    if (!understanding.isQuestion) return makeReply('help', language, [link]);
    const m = messages(language).calendar;
    return makeReply('help', language, [{ kind: 'text', markdown: m.explain }, link, { kind: 'text', markdown: m.noSubscription }]);
  },
};

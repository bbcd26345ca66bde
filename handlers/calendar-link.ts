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
  const nl = language === 'nl';
  if (!context.publicUrl) {
    return {
      kind: 'text',
      markdown: nl
        ? `**Deadlinekalender:** de kalenderfeed staat op \`${CALENDAR_FEED_PATH}\` van de server van de bot; de beheerder heeft PUBLIC_URL nog niet ingesteld, dus vraag hem om het volledige adres (of gebruik \`contractbot calendar --out deadlines.ics\`).`
        : `**Deadline calendar:** the calendar feed is at \`${CALENDAR_FEED_PATH}\` on the bot's server; PUBLIC_URL is not configured, so ask your administrator for the full address (or use \`contractbot calendar --out deadlines.ics\`).`,
    };
  }
  const url = `${context.publicUrl.replace(/\/+$/, '')}${CALENDAR_FEED_PATH}`;
  const lang = nl ? '' : '&lang=en';
  return {
    kind: 'text',
    markdown: nl
      ? `**Deadlinekalender:** abonneer je in Outlook of Google Agenda op ${url}\nAlleen VGZ: ${url}?insurer=VGZ — alleen ggz: ${url}?sector=ggz`
      : `**Deadline calendar:** subscribe in Outlook or Google Calendar to ${url}?lang=en\nOnly VGZ: ${url}?insurer=VGZ${lang} — only ggz: ${url}?sector=ggz${lang}`,
  };
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

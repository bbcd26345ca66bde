import { CardFactory, type Activity } from 'botbuilder';
import type { Reply } from '../../handlers/types.js';
import type { AdaptiveCard } from './adaptive-card.js';
import { cardText, isTextOnly, renderAdaptiveCardPage, renderAdaptiveCards, splitMarkdown, TEAMS_MESSAGE_LIMIT_BYTES, utf16Bytes, withCardPageButtons } from './render-adaptive-card.js';

const SUMMARY_MAX = 200;
/** Characters of markdown per plain text message (well under the limit at two bytes each). */
const TEXT_MESSAGE_MAX = 12_000;

/**
 * A reply as Teams message activities, each under {@link TEAMS_MESSAGE_LIMIT_BYTES} counted as
 * UTF-16: plain markdown text when the reply is only text (split at paragraphs when long),
 * otherwise Adaptive Cards (paged by {@link renderAdaptiveCards}) with a plain `summary` for
 * notifications and previews. Nothing is dropped.
 */
export function renderTeamsMessages(reply: Reply): Partial<Activity>[] {
  if (isTextOnly(reply) && !reply.warnings?.length) {
    const markdown = reply.blocks.map((b) => (b.kind === 'text' ? cardText(b.markdown.trim()) : '')).filter((t) => t !== '').join('\n\n') || reply.fallbackText;
    return packText(markdown).map((text) => ({ type: 'message', text, textFormat: 'markdown' }));
  }
  const summary = summaryOf(reply.fallbackText);
  return renderAdaptiveCards(reply).map((card) => ({ type: 'message', summary, attachments: [CardFactory.adaptiveCard(card)] }));
}

/** The single activity for an in-place update of the card an action came from (the page with `itemId`). */
export function renderTeamsUpdate(reply: Reply, itemId: string | undefined): Partial<Activity> {
  if (isTextOnly(reply) && !reply.warnings?.length) return renderTeamsMessages(reply)[0]!;
  return { type: 'message', summary: summaryOf(reply.fallbackText), attachments: [CardFactory.adaptiveCard(renderAdaptiveCardPage(reply, itemId))] };
}

/** A reply's messages and, when there are several, the page-button decoration of one of them. */
export interface TeamsPages {
  readonly messages: Partial<Activity>[];
  /** True when the messages are Adaptive Cards (which can carry page buttons), false for plain text. */
  readonly cards: boolean;
  /** Message `index` with "next" / "show all" buttons for reply `id` (cards only; text is returned as is). */
  withButtons(index: number, id: string): Partial<Activity>;
}

/**
 * {@link renderTeamsMessages} for showing one message at a time: the same messages, and for a
 * card message its copy with page buttons (text messages, which carry no buttons, are shown whole).
 */
export function renderTeamsPages(reply: Reply): TeamsPages {
  const messages = renderTeamsMessages(reply);
  return {
    messages,
    cards: messages.every((m) => m.attachments?.length === 1),
    withButtons(index, id) {
      const message = messages[index]!;
      const card = message.attachments?.[0]?.content as AdaptiveCard | undefined;
      if (!card || message.attachments?.length !== 1) return message;
      return { ...message, attachments: [CardFactory.adaptiveCard(withCardPageButtons(card, id, index, messages.length, reply.language))] };
    },
  };
}

/** The index of the card holding checklist item `itemId` among {@link renderTeamsMessages}' messages, or 0. */
export function teamsPageHolding(messages: readonly Partial<Activity>[], itemId: string | undefined): number {
  if (itemId === undefined) return 0;
  const needle = `|${itemId}|`;
  const index = messages.findIndex((m) => JSON.stringify(m.attachments ?? []).includes(needle));
  return index < 0 ? 0 : index;
}

/** The first message of {@link renderTeamsMessages} (small replies). */
export function renderTeamsMessage(reply: Reply): Partial<Activity> {
  return renderTeamsMessages(reply)[0]!;
}

/** True when an activity is within the Teams size limit. */
export function withinTeamsLimit(activity: Partial<Activity>): boolean {
  return utf16Bytes(activity) < TEAMS_MESSAGE_LIMIT_BYTES;
}

function packText(markdown: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const piece of splitMarkdown(markdown)) {
    if (current && current.length + piece.length + 2 > TEXT_MESSAGE_MAX) {
      out.push(current);
      current = '';
    }
    current = current ? `${current}\n\n${piece}` : piece;
  }
  if (current || out.length === 0) out.push(current);
  return out;
}

function summaryOf(text: string): string {
  const first = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  return first.length > SUMMARY_MAX ? `${first.slice(0, SUMMARY_MAX - 1)}…` : first;
}

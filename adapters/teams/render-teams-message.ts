import { CardFactory, type Activity } from 'botbuilder';
import type { Reply } from '../../handlers/types.js';
import { isTextOnly, renderAdaptiveCard } from './render-adaptive-card.js';

const SUMMARY_MAX = 200;

/**
 * A reply as a Teams message activity: plain markdown text when the reply is only text, otherwise
 * an Adaptive Card attachment with the plain-text fallback as `summary` (notifications, previews).
 */
export function renderTeamsMessage(reply: Reply): Partial<Activity> {
  if (isTextOnly(reply) && !reply.warnings?.length) {
    const markdown = reply.blocks.map((b) => (b.kind === 'text' ? b.markdown.trim() : '')).filter((t) => t !== '');
    return { type: 'message', text: markdown.join('\n\n') || reply.fallbackText, textFormat: 'markdown' };
  }
  return {
    type: 'message',
    summary: summaryOf(reply.fallbackText),
    attachments: [CardFactory.adaptiveCard(renderAdaptiveCard(reply))],
  };
}

function summaryOf(text: string): string {
  const first = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  return first.length > SUMMARY_MAX ? `${first.slice(0, SUMMARY_MAX - 1)}…` : first;
}

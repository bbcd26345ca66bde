import type { types } from '@slack/bolt';
import type { Subscription } from '../../handlers/store.js';
import type { DeadlineItem, Language } from '../../handlers/types.js';
import { escapeMrkdwn, truncate } from './mrkdwn.js';
import { renderDeadlineFields, type SlackBlock } from './render-block-kit.js';

/** What the App Home shows one user. */
export interface HomeContent {
  readonly language: Language;
  /** Active Slack subscriptions of the user's conversations. */
  readonly subscriptions: readonly Subscription[];
  /** False when the user's conversations could not be listed (missing scope, API error). */
  readonly conversationsKnown: boolean;
  readonly deadlines: readonly DeadlineItem[];
}

const MAX_SUBSCRIPTIONS = 20;

const WORDS = {
  nl: {
    intro:
      'Vraag me iets over de zorginkoop met `/contract <vraag>`, door me te noemen in een kanaal, of in een privébericht. Ik antwoord altijd met de bron.',
    reminders: 'Herinneringen in jouw kanalen',
    none: 'Nog geen herinneringen. Typ in een kanaal bijvoorbeeld `/contract herinner dit kanaal aan VGZ 14,7,1`.',
    unknown: 'Je kanalen konden niet worden opgehaald; herinneringen die je zelf instelde staan hieronder.',
    dm: 'je privégesprek met mij',
    all: 'alle verzekeraars',
    allSectors: 'alle sectoren',
    lead: (days: readonly number[]) => `${days.join(', ')} dagen vooraf`,
    more: (n: number) => `… en nog ${n}.`,
    deadlines: 'Komende deadlines',
    noDeadlines: 'Geen komende deadlines gevonden in de documenten.',
    note: 'Data uit de geïndexeerde documenten; controleer de bron voordat je erop vertrouwt.',
  },
  en: {
    intro:
      'Ask me about healthcare contracting with `/contract <question>`, by mentioning me in a channel, or in a direct message. I always cite the source.',
    reminders: 'Reminders in your channels',
    none: 'No reminders yet. In a channel, type for example `/contract remind this channel about VGZ 14,7,1`.',
    unknown: 'Your channels could not be listed; reminders you set up yourself are shown below.',
    dm: 'your direct messages with me',
    all: 'all insurers',
    allSectors: 'all sectors',
    lead: (days: readonly number[]) => `${days.join(', ')} days before`,
    more: (n: number) => `… and ${n} more.`,
    deadlines: 'Upcoming deadlines',
    noDeadlines: 'No upcoming deadlines found in the documents.',
    note: 'Dates from the indexed documents; check the source before relying on them.',
  },
} as const;

/**
 * The App Home view (`views.publish`): how to ask, the reminders of the user's conversations, and
 * the next deadlines as fields. Pure; at most 100 blocks as Slack requires.
 */
export function buildHomeView(content: HomeContent): types.HomeView {
  const w = WORDS[content.language];
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'ContractBot', emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: w.intro } },
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: w.reminders, emoji: true } },
  ];
  if (!content.conversationsKnown) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: w.unknown }] });
  if (content.subscriptions.length === 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: w.none } });
  } else {
    for (const s of content.subscriptions.slice(0, MAX_SUBSCRIPTIONS)) {
      const where = s.address.conversationId.startsWith('D') ? w.dm : `<#${s.address.conversationId}>`;
      const insurers = s.insurers === 'all' ? w.all : s.insurers.map(escapeMrkdwn).join(', ');
      const sectors = s.sectors === 'all' ? w.allSectors : s.sectors.join(', ');
      const text = `*${where}*: ${insurers} · ${sectors} · ${w.lead(s.leadDays)}`;
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } });
    }
    if (content.subscriptions.length > MAX_SUBSCRIPTIONS) {
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: w.more(content.subscriptions.length - MAX_SUBSCRIPTIONS) }] });
    }
  }
  blocks.push({ type: 'divider' }, { type: 'header', text: { type: 'plain_text', text: w.deadlines, emoji: true } });
  if (content.deadlines.length === 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: w.noDeadlines } });
  } else {
    blocks.push(...renderDeadlineFields(content.deadlines, content.language));
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: w.note }] });
  return { type: 'home', blocks: blocks.slice(0, 100) };
}

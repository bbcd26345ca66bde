import { fold } from '../knowledge/fold.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { tokenize } from '../knowledge/vocabulary/term-matcher.js';
import { DEFAULT_LEAD_DAYS, MAX_LEAD_DAYS } from './reminder-filters.js';
import type { Language, Sector } from './types.js';

/** A chat reminder command, parsed from (privacy-guarded) user text. */
export type ReminderCommand =
  | {
      readonly kind: 'subscribe';
      readonly insurers: readonly string[] | 'all';
      readonly sectors: readonly Sector[] | 'all';
      readonly leadDays: readonly number[];
      /** An explicit "in English" / "in het Nederlands"; otherwise the message's language. */
      readonly language?: Language;
      /**
       * Where reminders go: the conversation ("remind this channel", the default); when the user
       * says "this thread" / "deze draad", the thread the command was written in; for "remind me" /
       * "persoonlijk", the writer's direct message with the bot.
       */
      readonly scope: 'conversation' | 'thread' | 'personal';
      /** "HH:MM" Europe/Amsterdam when the request names a time of day ("om 14:00", "at 8am"). */
      readonly timeOfDay?: string;
      /** The request names who is reminded ("remind this channel", "herinner ons"); a question without that only gets explained. */
      readonly explicit: boolean;
    }
  /** "this channel is about ggz" / "dit kanaal gaat over huisartsenzorg": the conversation's sector. */
  | { readonly kind: 'set-sector'; readonly sector: Sector | undefined; readonly named: string }
  /** A time of day that is not one ("om 25:00", "at 13pm"). */
  | { readonly kind: 'invalid-time' }
  | { readonly kind: 'list' }
  | { readonly kind: 'stop'; readonly insurers: readonly string[] | 'all'; readonly id?: string };

const REMINDER_WORD = String.raw`(?:remind\w*|herinner\w*|reminders?|herinnering(?:en)?|notificaties?|notifications?)`;
const LIST = new RegExp(
  String.raw`\b(which|what|list|show|welke|wat voor|toon|laat\s+\w*\s*zien|overzicht)\b.*\b(reminders?|herinnering(?:en)?)\b|\b(reminders?|herinnering(?:en)?)\b.*\b(are set|staan( hier)?|ingesteld|actief|active|set here|hier)\s*\??$`,
);
const STOP = new RegExp(
  String.raw`\b(stop\w*|cancel\w*|remove|delete|unsubscribe|turn off|disable|verwijder\w*|zet\s+\w*\s*uit|uitzetten|schakel\s+\w*\s*uit|annuleer\w*|opzeggen|afmelden|geen)\b.*\b${REMINDER_WORD}\b|\b${REMINDER_WORD}\b.*\b(stop\w*|uit|off|weg)\s*[.!]?$`,
);
/** "What is a reminder (herinnering) under the NZa rules?": a question about the word, not a command. */
const QUESTION_ABOUT = /^(wat|what|hoe|how|waarom|why|wanneer|when|is|zijn|are|moet|must|mag|may)\b(?!.*\b(remind|herinner)\s+(this|the|our|us|me|dit|deze|ons|mij)\b)/;
/** "remind this channel", "herinner ons": the request names who is reminded, so it is explicit even as a question. */
const REMIND_TARGET = /\b(remind|herinner)\s+(this|the|our|us|me|dit|deze|het|ons|mij|me|de|hier|here)\b/;
const SUBSCRIBE = new RegExp(
  String.raw`\b(set up|create|add|zet|stel|maak|wil|want|stuur|send)\b.*\b(reminders?|herinnering(?:en)?)\b|\b(reminders?|herinnering(?:en)?)\b.*\b(about|for|voor|over|aan|bij)\b|\b(abonneer\w*|subscribe)\b`,
);

/**
 * Recognises the reminder commands in Dutch and English. Returns undefined for anything else, so a
 * deadline question ("when must I sign?") is never taken for a reminder command.
 * @example parseReminderCommand('remind this channel about VGZ 14,7,1', 'en') → { kind: 'subscribe', insurers: ['VGZ'], leadDays: [14, 7, 1], … }
 * @example parseReminderCommand('welke herinneringen staan hier?', 'nl') → { kind: 'list' }
 */
export function parseReminderCommand(text: string, kb: KnowledgeBase): ReminderCommand | undefined {
  const f = fold(text).replace(/\s+/g, ' ').trim();
  if (f.length > 300) return undefined;
  const statement = kb.reminderWords.sectorStatement(text);
  if (statement !== undefined) {
    // "this channel is about ggz": a sector name, or a few words that should have been one.
    const words = tokenize(statement);
    const named = words.map((w) => w.text).join(' ');
    const sector = kb.sectors.find(words)[0];
    if (sector !== undefined || (words.length > 0 && words.length <= 3)) return { kind: 'set-sector', sector, named };
  }
  if (STOP.test(f) && !/\b(stop (met )?(te )?(tekenen|onderhandelen))\b/.test(f)) {
    const id = /\b([0-9a-f]{12})\b/.exec(f)?.[1];
    return { kind: 'stop', insurers: insurersIn(kb, text, f), ...(id ? { id } : {}) };
  }
  if (LIST.test(f)) return { kind: 'list' };
  const explicit = REMIND_TARGET.test(f);
  if ((explicit || SUBSCRIBE.test(f)) && !QUESTION_ABOUT.test(f)) {
    const language: Language | undefined = /\bin (het )?(nederlands|dutch)\b/.test(f) ? 'nl' : /\bin (het )?(engels|english)\b/.test(f) ? 'en' : undefined;
    const scope = /\b(this|the|deze|dit|de|het) (thread|draad|draadje)\b/.test(f) ? 'thread' : kb.reminderWords.isPersonal(text) ? 'personal' : 'conversation';
    const time = kb.reminderWords.timeOfDay(text);
    if (time === 'invalid') return { kind: 'invalid-time' };
    // The time's digits and the lead phrases' words are not lead-day numbers.
    const leads = kb.reminderWords.leads(text);
    const rest = blank(text, [...leads.ranges, ...(time ? [time] : [])]);
    const numbers = leadDaysIn(fold(rest));
    const leadDays = leads.days.length > 0 ? distinctDescending([...leads.days, ...(numbers === DEFAULT_LEAD_DAYS ? [] : numbers)]) : numbers;
    return {
      kind: 'subscribe',
      insurers: insurersIn(kb, text, f),
      sectors: sectorsIn(kb, text),
      leadDays,
      scope,
      explicit,
      ...(language ? { language } : {}),
      ...(time ? { timeOfDay: time.time } : {}),
    };
  }
  return undefined;
}

function insurersIn(kb: KnowledgeBase, text: string, folded: string): readonly string[] | 'all' {
  if (/\b(all|alle)\s+(insurers|verzekeraars|zorgverzekeraars)\b/.test(folded)) return 'all';
  const names = kb.insurers.find(text).map((m) => m.name);
  return names.length > 0 ? names : 'all';
}

function sectorsIn(kb: KnowledgeBase, text: string): readonly Sector[] | 'all' {
  const sectors = kb.sectors.find(text);
  return sectors.length > 0 ? sectors : 'all';
}

/** The text with the given character ranges blanked out (so their digits and words are not read again). */
function blank(text: string, ranges: readonly { start: number; end: number }[]): string {
  let out = text;
  for (const r of ranges) out = out.slice(0, r.start) + ' '.repeat(r.end - r.start) + out.slice(r.end);
  return out;
}

function distinctDescending(days: readonly number[]): readonly number[] {
  return [...new Set(days)].sort((a, b) => b - a).slice(0, 10);
}

/** "14,7,1", "30, 14 en 7 dagen", "7 and 1 days before": small whole numbers are lead days. */
function leadDaysIn(folded: string): readonly number[] {
  const numbers = [...folded.matchAll(/(?<![\d.:/-])(\d{1,3})(?![\d.:/-]\d)/g)].map((m) => Number(m[1])).filter((n) => n <= MAX_LEAD_DAYS);
  const distinct = [...new Set(numbers)].sort((a, b) => b - a);
  return distinct.length > 0 ? distinct.slice(0, 10) : DEFAULT_LEAD_DAYS;
}

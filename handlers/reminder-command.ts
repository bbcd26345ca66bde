import type { KnowledgeBase, ReminderCommandWordId } from '../knowledge/knowledge-base.js';
import { tokenize, type Token } from '../knowledge/vocabulary/term-matcher.js';
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

/** The longest request read as a command; longer texts are questions or documents, never commands. */
const MAX_COMMAND_CHARS = 300;
/** A reminder id as the list shows it: twelve hexadecimal characters. */
const ID_LENGTH = 12;
const HEX = '0123456789abcdef';

type Words = KnowledgeBase['phrases']['reminder'];

/** Whether some mention of entry `a` ends before some mention of entry `b` starts ("stop … reminders"). */
function before(words: Words, tokens: readonly Token[], a: ReminderCommandWordId, b: ReminderCommandWordId): boolean {
  const first = words.findEntry(tokens, a)[0];
  return first !== undefined && words.findEntry(tokens, b).some((h) => h.token >= first.token + first.length);
}

/** Whether a mention of entry `b` ends the message and follows a mention of entry `a` ("reminders … uit"). */
function endsWithAfter(words: Words, tokens: readonly Token[], a: ReminderCommandWordId, b: ReminderCommandWordId): boolean {
  const last = words.findEntry(tokens, b).find((h) => h.token + h.length === tokens.length);
  return last !== undefined && words.findEntry(tokens.slice(0, last.token), a).length > 0;
}

/**
 * Recognises the reminder commands in Dutch and English from the words of
 * `knowledge/data/vocabulary/reminder-commands.json`. Returns undefined for anything else, so a
 * deadline question ("when must I sign?") is never taken for a reminder command.
 * @example parseReminderCommand('remind this channel about VGZ 14,7,1', kb) → { kind: 'subscribe', insurers: ['VGZ'], leadDays: [14, 7, 1], … }
 * @example parseReminderCommand('welke herinneringen staan hier?', kb) → { kind: 'list' }
 */
export function parseReminderCommand(text: string, kb: KnowledgeBase): ReminderCommand | undefined {
  if (text.trim().length > MAX_COMMAND_CHARS) return undefined;
  const statement = kb.reminderWords.sectorStatement(text);
  if (statement !== undefined) {
    // "this channel is about ggz": a sector name, or a few words that should have been one.
    const words = tokenize(statement);
    const named = words.map((w) => w.text).join(' ');
    const sector = kb.sectors.find(words)[0];
    if (sector !== undefined || (words.length > 0 && words.length <= 3)) return { kind: 'set-sector', sector, named };
  }
  const words = kb.phrases.reminder;
  const tokens = tokenize(text);
  const stop = before(words, tokens, 'stop-verb', 'reminder-word') || endsWithAfter(words, tokens, 'reminder-word', 'stop-after');
  if (stop && !words.has(tokens, 'not-stop')) {
    const id = tokens.find((t) => t.folded.length === ID_LENGTH && [...t.folded].every((c) => HEX.includes(c)))?.folded;
    return { kind: 'stop', insurers: insurersIn(kb, tokens), ...(id ? { id } : {}) };
  }
  if (before(words, tokens, 'list-verb', 'reminder-noun') || endsWithAfter(words, tokens, 'reminder-noun', 'list-after')) return { kind: 'list' };
  const explicit = words.has(tokens, 'remind-target');
  const asks = before(words, tokens, 'subscribe-verb', 'reminder-noun') || before(words, tokens, 'reminder-noun', 'subscribe-link') || words.has(tokens, 'subscribe-word');
  // "What is a reminder (herinnering) under the NZa rules?": a question about the word, not a command.
  const questionAbout = words.startsWith(tokens, 'question-start') && !explicit;
  if ((explicit || asks) && !questionAbout) {
    const language: Language | undefined = words.has(tokens, 'language-nl') ? 'nl' : words.has(tokens, 'language-en') ? 'en' : undefined;
    const scope = words.has(tokens, 'thread') ? 'thread' : kb.reminderWords.isPersonal(text) ? 'personal' : 'conversation';
    const time = kb.reminderWords.timeOfDay(text);
    if (time === 'invalid') return { kind: 'invalid-time' };
    // The time's digits and the lead phrases' words are not lead-day numbers.
    const leads = kb.reminderWords.leads(text);
    const rest = blank(text, [...leads.ranges, ...(time ? [time] : [])]);
    const numbers = leadDaysIn(rest);
    const leadDays = leads.days.length > 0 ? distinctDescending([...leads.days, ...(numbers === DEFAULT_LEAD_DAYS ? [] : numbers)]) : numbers;
    return {
      kind: 'subscribe',
      insurers: insurersIn(kb, tokens),
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

function insurersIn(kb: KnowledgeBase, tokens: readonly Token[]): readonly string[] | 'all' {
  if (kb.phrases.reminder.has(tokens, 'all-insurers')) return 'all';
  const names = kb.insurers.find(tokens).map((m) => m.name);
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

/** Characters that make a number part of a time ("14:00") rather than a lead day. */
const TIME_MARK = ':';
const MAX_NUMBER_DIGITS = 3;

/** "14,7,1", "30, 14 en 7 dagen", "7 and 1 days before": small whole numbers are lead days (not dates, decimals or times). */
function leadDaysIn(text: string): readonly number[] {
  const numbers = tokenize(text)
    .filter((t) => t.folded.length <= MAX_NUMBER_DIGITS && [...t.folded].every((c) => c >= '0' && c <= '9'))
    .filter((t) => text.charAt(t.start - 1) !== TIME_MARK && text.charAt(t.end) !== TIME_MARK)
    .map((t) => Number(t.folded))
    .filter((n) => n <= MAX_LEAD_DAYS);
  const distinct = [...new Set(numbers)].sort((a, b) => b - a);
  return distinct.length > 0 ? distinct.slice(0, 10) : DEFAULT_LEAD_DAYS;
}

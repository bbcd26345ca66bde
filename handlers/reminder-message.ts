import { isValidYmd } from '../knowledge/dates/calendar-date.js';
import { isSlug } from '../knowledge/slug.js';
import { daysBetween } from '../knowledge/dates/calendar-date.js';
import type { Milestone } from '../knowledge/milestones/milestone.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { actorPhrase } from './deadline-text.js';
import { dateLabel } from './format-date.js';
import { languageOf, messages } from './messages/messages.js';
import { makeReply } from './reply.js';
import type { Language, Reply } from './types.js';

export const REMINDER_DONE = 'reminder.done';
export const REMINDER_SNOOZE = 'reminder.snooze';

/** How long "Snooze" holds a reminder: 1 day, 3 days, 1 week, or until the next planned reminder. */
export type SnoozeChoice = '1d' | '3d' | '1w' | 'lead';
export const SNOOZE_CHOICES: readonly SnoozeChoice[] = ['1d', '3d', '1w', 'lead'];

/** What a reminder button carries back: enough for the action handler without any lookup. */
export interface ReminderActionValue {
  /** The milestones of the reminded deadline (one, or several stating the same deadline). */
  readonly milestoneIds: readonly string[];
  /** The milestone occurrence date YYYY-MM-DD. */
  readonly occurrenceDate: string;
  readonly language: Language;
  /** For Snooze buttons; old buttons without it mean one day. */
  readonly snooze?: SnoozeChoice;
  /** The reminder was a late one (kept when the message is redrawn after Done or Snooze). */
  readonly late?: boolean;
}

/** The longest milestone id a button value may carry. */
const MAX_ID = 120;

export function encodeReminderAction(value: ReminderActionValue): string {
  return JSON.stringify({ m: value.milestoneIds, d: value.occurrenceDate, l: value.language, ...(value.snooze ? { s: value.snooze } : {}), ...(value.late ? { t: 1 } : {}) });
}

/** Parses a button value; undefined when it is not one of ours (old or forged buttons). */
export function decodeReminderAction(raw: string | undefined): ReminderActionValue | undefined {
  if (!raw || raw.length > 500) return undefined;
  try {
    const v = JSON.parse(raw) as { m?: unknown; d?: unknown; l?: unknown; s?: unknown; t?: unknown };
    const ids = Array.isArray(v.m) ? (v.m as unknown[]) : [v.m];
    if (ids.length === 0 || ids.length > 10 || !ids.every((id): id is string => typeof id === 'string' && id.length <= MAX_ID && isSlug(id))) return undefined;
    if (typeof v.d !== 'string' || !isValidYmd(v.d)) return undefined;
    const snooze = SNOOZE_CHOICES.find((c) => c === v.s);
    return { milestoneIds: ids, occurrenceDate: v.d, language: languageOf(v.l, 'nl'), ...(snooze ? { snooze } : {}), ...(v.t === 1 ? { late: true } : {}) };
  } catch {
    return undefined;
  }
}

export interface ReminderMessageInput {
  readonly knowledge: KnowledgeBase;
  /** One deadline: a milestone, or several stating the same date, actor and insurer (first one leads). */
  readonly milestones: readonly [Milestone, ...Milestone[]];
  readonly occurrenceDate: string;
  /** The Europe/Amsterdam date the message is sent. */
  readonly today: string;
  readonly language: Language;
  /** Due on an earlier day (the bot was down or the send was retried). */
  readonly late: boolean;
  /** The reminder comes back after a snooze. */
  readonly snoozed?: boolean;
  /** Set when redrawn after Done or Snooze: the line saying who did it and when; Done removes the buttons. */
  readonly outcome?: { readonly kind: 'done' | 'snoozed'; readonly line: string };
}

/**
 * A channel reminder: what happens, the date with its weekday, days left, who must act, the source
 * sentence with its citation, and the buttons "Done" (no more reminders for this milestone here)
 * and "Snooze" for 1 day, 3 days, 1 week or until the next planned reminder.
 * @example reminderMessage({ milestones: [policyByFirstApril], occurrenceDate: '2027-04-01', today: '2027-03-25', language: 'en', late: false })
 *   → "Reminder: Insurers publish their intended purchasing policy … — Thursday 1 April 2027 (7 days left)"
 */
export function reminderMessage(input: ReminderMessageInput): Reply {
  const { milestones, occurrenceDate, today, language } = input;
  const m = milestones[0];
  const t = messages(language).reminderMessage;
  const left = daysBetween(today, occurrenceDate);
  const leftText = left === 0 ? t.today : t.daysLeft(left);
  const date = dateLabel(occurrenceDate, 'day', language);
  const who = actorPhrase(m.actor, m.insurer, language);
  const scope = m.insurer ?? t.allInsurers(m.sector);
  const heading = input.snoozed ? t.headingSnoozed : t.heading;
  const lateNote = input.late ? t.late : '';
  const base = { milestoneIds: milestones.map((x) => x.id), occurrenceDate, language, ...(input.late ? { late: true } : {}) };
  const value = encodeReminderAction(base);
  const what = milestones.length === 1 ? m.label[language] : milestones.map((x) => x.label[language]).join('; ');
  const snoozeLabels: Readonly<Record<SnoozeChoice, string>> = t.snooze;
  const buttons =
    input.outcome?.kind === 'done'
      ? []
      : [
          { id: REMINDER_DONE, label: t.done, value, style: 'primary' as const },
          ...SNOOZE_CHOICES.map((choice) => ({ id: REMINDER_SNOOZE, label: snoozeLabels[choice], value: encodeReminderAction({ ...base, snooze: choice }) })),
        ];
  return makeReply('reminder', language, [
    { kind: 'text', markdown: `**${heading}:** ${what} (${scope}) — ${date}, ${leftText}.${lateNote}` },
    {
      kind: 'fields',
      fields: [
        { label: t.date, value: date },
        { label: t.daysToGo, value: String(left) },
        { label: t.whoMustAct, value: who },
      ],
    },
    { kind: 'sources', sources: milestones.map((x) => input.knowledge.source(x.documentId, x.section, x.quote, 1)) },
    ...(input.outcome ? [{ kind: 'text' as const, markdown: input.outcome.line }] : []),
    ...(buttons.length > 0 ? [{ kind: 'actions' as const, buttons }] : []),
  ], { replaceOriginal: input.outcome !== undefined });
}

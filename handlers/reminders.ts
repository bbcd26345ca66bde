import { calendarUrlFor } from './calendar-link.js';
import { addressKey, conversationKey, personalConversationId } from './address-key.js';
import type { HandlerContext } from './context.js';
import { dateLabel } from './format-date.js';
import type { Handler } from './handler.js';
import { type Messages, messages } from './messages/messages.js';
import type { ReminderCommand } from './reminder-command.js';
import { decodeReminderAction, REMINDER_DONE, REMINDER_SNOOZE, reminderMessage, type SnoozeChoice } from './reminder-message.js';
import { makeReply } from './reply.js';
import { DEFAULT_TIME_OF_DAY } from './reminder-due-time.js';
import { explainNothingAhead, plannedReminders } from './reminder-preview.js';
import type { Store, Subscription } from './store.js';
import type { Address, IncomingMessage, Language, Reply, Sector } from './types.js';
import { addDays, amsterdamDate, amsterdamInstant } from '../knowledge/dates/calendar-date.js';

/**
 * Channel reminders from chat: subscribe ("remind this channel about VGZ 14,7,1", "herinner dit
 * kanaal aan alle deadlines"), list ("which reminders are set here?"), stop ("stop reminders"),
 * and the reminder buttons "Done" (`reminder.done`) and "Snooze" (`reminder.snooze`: 1 day, 3 days,
 * 1 week, until the next planned reminder), which redraw the reminder with who acted and when.
 * Subscriptions belong to the message's conversation (its thread only for "this thread"; never the user).
 */
export const reminderHandler: Handler = {
  intent: 'reminder',
  actionPrefix: 'reminder.',
  handle: async (message, understanding, context) => {
    const { language } = understanding;
    if (message.action) return handleAction(message, context, language);
    const command = understanding.reminder;
    // Only an explicit request subscribes: a question about reminders ("can I get reminders?") is explained.
    if (!command || (command.kind === 'subscribe' && understanding.isQuestion && !command.explicit)) return text(language, messages(language).reminder.howToSubscribe);
    return handleCommand(command, message, context, language);
  },
};

async function handleCommand(command: ReminderCommand, message: IncomingMessage, context: HandlerContext, language: Language): Promise<Reply> {
  const store = await context.store();
  const m = messages(language).reminder;
  switch (command.kind) {
    case 'set-sector':
      return setSector(command, message, context, language);
    case 'invalid-time':
      return text(language, m.invalidTime);
    case 'subscribe': {
      const target = await subscriptionAddress(message, command.scope, store);
      if (!target.ok) return text(language, m[target.message]);
      const address = target.address;
      const timeOfDay = command.timeOfDay ?? DEFAULT_TIME_OF_DAY;
      const sector = await sectorsFor(command, message, context);
      const existing = await store.listSubscriptions({ conversation: address });
      const same = existing.find((s) => s.active && addressKey(s.address) === addressKey(address) && sameFilters(s, { ...command, sectors: sector.sectors }, timeOfDay));
      if (same) return text(language, `${m.alreadySet(describe(same, language))}\n${preview(same, context, language)}`);
      const subscription = await store.addSubscription(
        { address, insurers: command.insurers, sectors: sector.sectors, leadDays: command.leadDays, language: command.language ?? language, timeOfDay },
        context.now,
      );
      const where = command.scope === 'personal' ? m.personalTarget : m.channelTarget;
      return text(
        language,
        [
          m.subscribed(where, describe(subscription, language), timeOfDay),
          ...(sector.note ? [sector.note(m)] : []),
          preview(subscription, context, language),
          ...calendarLine(subscription, context, language),
          m.afterSubscribe,
        ].join('\n'),
      );
    }
    case 'list': {
      const subscriptions = await store.listSubscriptions({ conversation: message.address });
      if (subscriptions.length === 0) {
        return text(language, m.noneHere);
      }
      const lines = subscriptions.map(
        (s, i) =>
          `${i + 1}. ${describe(s, language)}${s.active ? '' : m.disabled} (id ${s.id})\n${s.active ? preview(s, context, language) : ''}`.trimEnd(),
      );
      return text(language, `${m.listHeading}\n${lines.join('\n')}`);
    }
    case 'stop': {
      const subscriptions = await store.listSubscriptions({ conversation: message.address });
      const targets = subscriptions.filter((s) =>
        command.id ? s.id === command.id : command.insurers === 'all' || (s.insurers !== 'all' && s.insurers.some((i) => command.insurers.includes(i))),
      );
      for (const s of targets) await store.removeSubscription(s.id);
      if (targets.length === 0) return text(language, m.noneToStop);
      return text(language, m.stopped(targets.length));
    }
  }
}

type ReminderMessages = Messages['reminder'];
/** A line in the reply's language, taken from its catalog. */
type Note = (m: ReminderMessages) => string;

/**
 * The sector filter of a new subscription. One that names a sector keeps it. One that names only
 * insurers (or nothing) takes the conversation's sector; when the conversation has none yet, the
 * sector of the named insurers' loaded policies when they agree on one (and it becomes the
 * conversation's), otherwise every sector — and the bot asks, once per conversation, which sector
 * the conversation is about.
 */
async function sectorsFor(
  command: Extract<ReminderCommand, { kind: 'subscribe' }>,
  message: IncomingMessage,
  context: HandlerContext,
): Promise<{ sectors: readonly Sector[] | 'all'; note?: Note }> {
  if (command.sectors !== 'all') return { sectors: command.sectors };
  const store = await context.store();
  const known = await store.conversationSector(message.address);
  if (known) return { sectors: [known] };
  const kb = context.knowledge;
  if (command.insurers !== 'all') {
    const named = command.insurers;
    const policySectors = [...new Set(kb.documents.filter((d) => d.kind === 'insurer-policy' && d.insurer !== null && named.includes(d.insurer)).map((d) => d.sector))];
    const [only] = policySectors;
    if (only !== undefined && policySectors.length === 1) {
      await store.setConversationSector(message.address, only, context.now);
      return { sectors: [only], note: (m) => m.assumedSector(only) };
    }
  }
  const asked = await store.claimOnce(`sector-question:${conversationKey(message.address)}`, context.now, 10 * 365 * 24 * 60 * 60 * 1000);
  if (!asked) return { sectors: 'all' };
  const names = kb.sectors.ids.join(', ');
  return { sectors: 'all', note: (m) => m.whichSector(names) };
}

/** "this channel is about ggz": stores the conversation's sector and gives it to its subscriptions that had none. */
async function setSector(command: Extract<ReminderCommand, { kind: 'set-sector' }>, message: IncomingMessage, context: HandlerContext, language: Language): Promise<Reply> {
  const m = messages(language).reminder;
  const kb = context.knowledge;
  if (!command.sector) return text(language, m.unknownSector(command.named.slice(0, 40), kb.sectors.ids.join(', ')));
  const store = await context.store();
  await store.setConversationSector(message.address, command.sector, context.now);
  const subscriptions = await store.listSubscriptions({ conversation: message.address });
  let changed = 0;
  for (const s of subscriptions) if (s.sectors === 'all' && (await store.setSubscriptionSectors(s.id, [command.sector]))) changed++;
  return text(language, m.sectorSet(command.sector, changed));
}

/** The calendar feed of a subscription's deadlines, with an alarm at its longest lead. */
function calendarLine(s: Subscription, context: HandlerContext, language: Language): string[] {
  const url = calendarUrlFor(context, s, language, s.leadDays[0]);
  if (!url) return [];
  return [messages(language).reminder.calendarLine(url)];
}

/** What a subscription will bring: its next three reminders, or why none lie ahead and how to fix that. */
function preview(s: Pick<Subscription, 'insurers' | 'sectors' | 'leadDays' | 'timeOfDay'>, context: HandlerContext, language: Language): string {
  const m = messages(language).reminder;
  const next = plannedReminders(context.knowledge, s, context.now, context.holidays, 3);
  if (next.length === 0) return m.nothingAhead + explainNothingAhead(context.knowledge, s, language);
  const lines = next.map((r) => {
    const who = r.milestone.insurer ?? r.milestone.sector;
    const on = dateLabel(r.occurrenceDate, 'day', language);
    const before = r.leadDays === 0 ? m.onTheDay : r.leadDays === 1 ? m.dayBefore(on) : m.daysBefore(r.leadDays, on);
    return `• ${dateLabel(r.dueDate, 'day', language)} ${timeOfDay(r.dueAt)}: ${r.milestone.label[language]} (${who}), ${before}`;
  });
  const out = `${m.nextHeading}\n${lines.join('\n')}`;
  // Named insurers whose own dates bring nothing: only sector-wide steps lie ahead, and that must be said.
  if (s.insurers !== 'all' && !plannedReminders(context.knowledge, s, context.now, context.holidays, Number.MAX_SAFE_INTEGER).some((r) => r.milestone.insurer !== null)) {
    const names = s.insurers.join(', ');
    return `${out}\n${m.sectorWide(names)}${explainNothingAhead(context.knowledge, s, language)}`;
  }
  return out;
}

async function handleAction(message: IncomingMessage, context: HandlerContext, fallback: Language): Promise<Reply> {
  const value = decodeReminderAction(message.action?.value);
  const language = value?.language ?? fallback;
  const m = messages(language).reminder;
  if (!value) return text(language, m.buttonInvalid);
  const known = context.knowledge.milestones;
  const milestones = value.milestoneIds.flatMap((id) => known.filter((m) => m.id === id));
  const [first, ...others] = milestones;
  if (!first) return text(language, m.milestoneGone);
  const store = await context.store();
  const who = message.userName ?? m.someone;
  const when = `${dateLabel(amsterdamDate(context.now), 'day', language)} ${timeOfDay(context.now)}`;
  // The reminder is redrawn with its own text, and a line saying who acted and when.
  const redraw = (outcome: { kind: 'done' | 'snoozed'; line: string }): Reply =>
    reminderMessage({ knowledge: context.knowledge, milestones: [first, ...others], occurrenceDate: value.occurrenceDate, today: amsterdamDate(context.now), language, late: value.late ?? false, outcome });
  switch (message.action?.id) {
    case REMINDER_DONE:
      for (const m of milestones) await store.muteMilestone(message.address, m.id, context.now);
      return redraw({ kind: 'done', line: m.doneLine(who, when) });
    case REMINDER_SNOOZE: {
      const until = await snoozeUntil(value.snooze ?? '1d', value.occurrenceDate, message, context);
      for (const m of milestones) await store.snoozeMilestone(message.address, m.id, until);
      const untilText = dateLabel(amsterdamDate(until), 'day', language);
      return redraw({ kind: 'snoozed', line: m.snoozedLine(who, when, untilText) });
    }
    default:
      return text(language, m.buttonUnknown);
  }
}

/**
 * When a snooze ends: 1, 3 or 7 calendar days later at the same time of day (Europe/Amsterdam), or
 * at the start of the day of the next reminder this conversation's subscriptions plan before the
 * deadline (the deadline day itself when none is left).
 */
async function snoozeUntil(choice: SnoozeChoice, occurrenceDate: string, message: IncomingMessage, context: HandlerContext): Promise<Date> {
  const today = amsterdamDate(context.now);
  const later = (days: number): Date => {
    const minutes = Math.round((context.now.getTime() - amsterdamInstant(today).getTime()) / 60_000);
    return amsterdamInstant(addDays(today, days), Math.floor(minutes / 60), minutes % 60);
  };
  switch (choice) {
    case '1d':
      return later(1);
    case '3d':
      return later(3);
    case '1w':
      return later(7);
    case 'lead': {
      const subscriptions = await (await context.store()).listSubscriptions({ conversation: message.address, activeOnly: true });
      const leadDates = subscriptions.flatMap((s) => s.leadDays.map((lead) => addDays(occurrenceDate, -lead))).filter((d) => d > today);
      const next = leadDates.sort()[0] ?? occurrenceDate;
      return amsterdamInstant(next > today ? next : addDays(today, 1));
    }
  }
}

/** "10:05" in Europe/Amsterdam. */
function timeOfDay(instant: Date): string {
  return new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hour12: false }).format(instant);
}

/**
 * Where a subscription's reminders go. "Remind this channel" means the channel itself: a chat
 * adapter answers a top-level mention in a new thread under it, so the message's thread is often
 * just the reply thread of this one command (reminders would vanish into it, and every repeated
 * command would open another subscription). Only "this thread" keeps the thread. "Remind me" goes
 * to the writer's direct message with the bot: the conversation itself when it is one; from a
 * Slack channel the user's id (the adapter opens the DM); from a Teams channel the personal chat
 * whose reference the bot stored when the user last wrote to it there.
 */
async function subscriptionAddress(
  message: IncomingMessage,
  scope: 'conversation' | 'thread' | 'personal',
  store: Store,
): Promise<{ ok: true; address: Address } | { ok: false; message: 'whoIsAsking' | 'openPersonalChat' }> {
  const { platform, conversationId, threadId, userId } = message.address;
  if (scope === 'thread' && threadId) return { ok: true, address: { platform, conversationId, threadId } };
  if (scope !== 'personal' || message.direct || platform === 'local') return { ok: true, address: { platform, conversationId } };
  if (!userId) return { ok: false, message: 'whoIsAsking' };
  switch (platform) {
    case 'slack':
      return { ok: true, address: { platform, conversationId: userId } };
    case 'teams': {
      const address: Address = { platform, conversationId: personalConversationId(userId) };
      if ((await store.getConversationReference(address)) !== undefined) return { ok: true, address };
      return { ok: false, message: 'openPersonalChat' };
    }
  }
}

function sameFilters(s: Subscription, c: Pick<Subscription, 'insurers' | 'sectors' | 'leadDays'>, timeOfDay: string): boolean {
  return JSON.stringify([s.insurers, s.sectors, s.leadDays, s.timeOfDay]) === JSON.stringify([c.insurers, c.sectors, c.leadDays, timeOfDay]);
}

/** "VGZ (ggz), 14, 7 and 1 days before each deadline, in English". */
export function describe(s: Pick<Subscription, 'insurers' | 'sectors' | 'leadDays' | 'language'> & { readonly timeOfDay?: string }, language: Language): string {
  const m = messages(language).reminder;
  const insurers = s.insurers === 'all' ? m.allInsurers : m.insurersOf(list(s.insurers, language));
  const sectors = s.sectors === 'all' ? '' : ` (${s.sectors.join(', ')})`;
  const leads = list(s.leadDays.map(String), language);
  const at = s.timeOfDay && s.timeOfDay !== DEFAULT_TIME_OF_DAY ? m.at(s.timeOfDay) : '';
  return m.description(insurers, sectors, leads, at, m.inLanguage[s.language]);
}

function list(items: readonly string[], language: Language): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${messages(language).reminder.and} ${items[items.length - 1]}`;
}

function text(language: Language, markdown: string, replaceOriginal = false): Reply {
  return makeReply('reminder', language, [{ kind: 'text', markdown }], { replaceOriginal });
}

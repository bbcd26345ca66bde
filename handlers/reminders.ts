import { addressKey } from './address-key.js';
import type { HandlerContext } from './context.js';
import { dateLabel } from './format-date.js';
import type { Handler } from './handler.js';
import { parseReminderCommand, type ReminderCommand } from './reminder-command.js';
import { decodeReminderAction, REMINDER_DONE, REMINDER_SNOOZE, reminderMessage, type SnoozeChoice } from './reminder-message.js';
import { makeReply } from './reply.js';
import type { Subscription } from './store.js';
import type { Address, IncomingMessage, Language, Reply } from './types.js';
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
  match: (text, _language, knowledge) => (parseReminderCommand(text, knowledge) ? 0.95 : 0),
  handle: async (message, context, language) => {
    if (message.action) return handleAction(message, context, language);
    const command = parseReminderCommand(message.text, context.knowledge);
    if (!command) return text(language, language === 'nl' ? 'Zeg bijvoorbeeld "herinner dit kanaal aan VGZ 14,7,1".' : 'Try for example "remind this channel about VGZ 14,7,1".');
    return handleCommand(command, message, context, language);
  },
};

async function handleCommand(command: ReminderCommand, message: IncomingMessage, context: HandlerContext, language: Language): Promise<Reply> {
  const store = await context.store();
  const nl = language === 'nl';
  switch (command.kind) {
    case 'subscribe': {
      const address = subscriptionAddress(message, command.scope);
      const existing = await store.listSubscriptions({ conversation: address });
      const same = existing.find((s) => s.active && addressKey(s.address) === addressKey(address) && sameFilters(s, command));
      if (same) return text(language, (nl ? 'Deze herinneringen staan hier al: ' : 'These reminders are already set here: ') + describe(same, language));
      const subscription = await store.addSubscription(
        { address, insurers: command.insurers, sectors: command.sectors, leadDays: command.leadDays, language: command.language ?? language },
        context.now,
      );
      return text(
        language,
        (nl ? 'Afgesproken. Ik herinner dit kanaal aan ' : 'Done. I will remind this channel about ') +
          describe(subscription, language) +
          (nl
            ? '. Herinneringen komen om 09:00 (Nederlandse tijd) op een werkdag. Zeg "welke herinneringen staan hier?" of "stop herinneringen".'
            : '. Reminders arrive at 09:00 (Amsterdam time) on a working day. Say "which reminders are set here?" or "stop reminders".'),
      );
    }
    case 'list': {
      const subscriptions = await store.listSubscriptions({ conversation: message.address });
      if (subscriptions.length === 0) {
        return text(language, nl ? 'Hier staan geen herinneringen. Zeg bijvoorbeeld "herinner dit kanaal aan VGZ 14,7,1".' : 'No reminders are set here. Say for example "remind this channel about VGZ 14,7,1".');
      }
      const lines = subscriptions.map((s, i) => `${i + 1}. ${describe(s, language)}${s.active ? '' : nl ? ' — uitgeschakeld (kanaal onbereikbaar)' : ' — disabled (conversation unreachable)'} (id ${s.id})`);
      return text(language, `${nl ? 'Herinneringen hier:' : 'Reminders set here:'}\n${lines.join('\n')}`);
    }
    case 'stop': {
      const subscriptions = await store.listSubscriptions({ conversation: message.address });
      const targets = subscriptions.filter((s) =>
        command.id ? s.id === command.id : command.insurers === 'all' || (s.insurers !== 'all' && s.insurers.some((i) => command.insurers.includes(i))),
      );
      for (const s of targets) await store.removeSubscription(s.id);
      if (targets.length === 0) return text(language, nl ? 'Er waren hier geen passende herinneringen om te stoppen.' : 'There were no matching reminders here to stop.');
      return text(language, nl ? `Gestopt: ${targets.length} herinneringsabonnement(en) in dit kanaal.` : `Stopped ${targets.length} reminder subscription(s) in this channel.`);
    }
  }
}

async function handleAction(message: IncomingMessage, context: HandlerContext, fallback: Language): Promise<Reply> {
  const value = decodeReminderAction(message.action?.value);
  const language = value?.language ?? fallback;
  const nl = language === 'nl';
  if (!value) return text(language, nl ? 'Deze herinneringsknop is niet (meer) geldig.' : 'This reminder button is not valid (any more).');
  const known = context.knowledge.milestones;
  const milestones = value.milestoneIds.flatMap((id) => known.filter((m) => m.id === id));
  const [first, ...others] = milestones;
  if (!first) return text(language, nl ? 'Deze mijlpaal bestaat niet meer.' : 'This milestone no longer exists.');
  const store = await context.store();
  const who = message.userName ?? (nl ? 'iemand' : 'someone');
  const when = `${dateLabel(amsterdamDate(context.now), 'day', language)} ${timeOfDay(context.now)}`;
  // The reminder is redrawn with its own text, and a line saying who acted and when.
  const redraw = (outcome: { kind: 'done' | 'snoozed'; line: string }): Reply =>
    reminderMessage({ knowledge: context.knowledge, milestones: [first, ...others], occurrenceDate: value.occurrenceDate, today: amsterdamDate(context.now), language, late: value.late ?? false, outcome });
  switch (message.action?.id) {
    case REMINDER_DONE:
      for (const m of milestones) await store.muteMilestone(message.address, m.id, context.now);
      return redraw({
        kind: 'done',
        line: nl ? `✔ **Klaar** — gemarkeerd door ${who} op ${when}; geen herinneringen meer hierover in dit kanaal.` : `✔ **Done** — marked by ${who} on ${when}; no more reminders about this in this channel.`,
      });
    case REMINDER_SNOOZE: {
      const until = await snoozeUntil(value.snooze ?? '1d', value.occurrenceDate, message, context);
      for (const m of milestones) await store.snoozeMilestone(message.address, m.id, until);
      const untilText = dateLabel(amsterdamDate(until), 'day', language);
      return redraw({
        kind: 'snoozed',
        line: nl ? `⏰ **Gesnoozed** door ${who} op ${when}, tot ${untilText}.` : `⏰ **Snoozed** by ${who} on ${when}, until ${untilText}.`,
      });
    }
    default:
      return text(language, nl ? 'Deze knop wordt niet herkend.' : 'That button is not recognised.');
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
 * command would open another subscription). Only "this thread" keeps the thread. Never the user.
 */
function subscriptionAddress(message: IncomingMessage, scope: 'conversation' | 'thread'): Address {
  const { platform, conversationId, threadId } = message.address;
  return scope === 'thread' && threadId ? { platform, conversationId, threadId } : { platform, conversationId };
}

function sameFilters(s: Subscription, c: Extract<ReminderCommand, { kind: 'subscribe' }>): boolean {
  return JSON.stringify([s.insurers, s.sectors, s.leadDays]) === JSON.stringify([c.insurers, c.sectors, c.leadDays]);
}

/** "VGZ (ggz), 14, 7 and 1 days before each deadline, in English". */
export function describe(s: Pick<Subscription, 'insurers' | 'sectors' | 'leadDays' | 'language'>, language: Language): string {
  const nl = language === 'nl';
  const insurers = s.insurers === 'all' ? (nl ? 'de deadlines van alle zorgverzekeraars' : 'the deadlines of all insurers') : (nl ? 'de deadlines van ' : 'the deadlines of ') + list(s.insurers, language);
  const sectors = s.sectors === 'all' ? '' : ` (${s.sectors.join(', ')})`;
  const leads = list(s.leadDays.map(String), language);
  const lang = s.language === 'nl' ? (nl ? 'in het Nederlands' : 'in Dutch') : nl ? 'in het Engels' : 'in English';
  return nl ? `${insurers}${sectors}, ${leads} dagen vooraf, ${lang}` : `${insurers}${sectors}, ${leads} days before, ${lang}`;
}

function list(items: readonly string[], language: Language): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${language === 'nl' ? 'en' : 'and'} ${items[items.length - 1]}`;
}

function text(language: Language, markdown: string, replaceOriginal = false): Reply {
  return makeReply('reminder', language, [{ kind: 'text', markdown }], { replaceOriginal });
}

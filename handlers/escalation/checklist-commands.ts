import { amsterdamDate } from '../../knowledge/dates/calendar-date.js';
import type { HandlerContext } from '../context.js';
import { makeReply } from '../reply.js';
import type { Store, StoredChecklist } from '../store.js';
import type { IncomingMessage, Language, Reply } from '../types.js';
import { CHECKLIST_EXPORT_ACTION, CHECKLIST_TOGGLE_ACTION, parseChecklistToggleValue } from '../checklist-action.js';
import { checklistReply } from './checklist-reply.js';
import { parseChecklistState, setItemsDone, type ChecklistState } from './checklist-state.js';
import { findChecklist, updateChecklistState } from './checklist-storage.js';
import { exportChecklistMarkdown } from './export-checklist.js';
import type { ChecklistCommand } from './parse-checklist-command.js';

type Loaded =
  | { readonly ok: true; readonly store: Store; readonly stored: StoredChecklist; readonly state: ChecklistState }
  | { readonly ok: false; readonly reply: Reply };

function text(language: Language, markdown: string): Reply {
  return makeReply('escalation', language, [{ kind: 'text', markdown }]);
}

function gone(language: Language): Reply {
  return text(language, language === 'nl' ? 'Deze checklist bestaat niet (meer) in dit gesprek; er is niets gewijzigd.' : 'This checklist does not exist (any more) in this conversation; nothing was changed.');
}

async function load(context: HandlerContext, message: IncomingMessage, language: Language, id?: string): Promise<Loaded> {
  let store: Store;
  let stored: StoredChecklist | undefined;
  try {
    store = await context.store();
    stored = await findChecklist(store, message.address, id);
  } catch (error) {
    context.log.warn('checklist storage unavailable', { error: error instanceof Error ? error.name : 'unknown' });
    return {
      ok: false,
      reply: text(language, language === 'nl' ? 'De opslag van checklists is nu niet bereikbaar; er is niets gewijzigd. Probeer het later opnieuw.' : 'Checklist storage is not reachable right now; nothing was changed. Please try again later.'),
    };
  }
  if (!stored) {
    return {
      ok: false,
      reply: id
        ? gone(language)
        : text(
            language,
            language === 'nl'
              ? 'Er is in dit gesprek nog geen checklist. Maak er een met bijvoorbeeld: "maak een escalatie-checklist voor VGZ over tariefafslagen".'
              : 'There is no checklist in this conversation yet. Draft one first, e.g. "Draft an escalation checklist for VGZ about tariff discounts".',
          ),
    };
  }
  const state = parseChecklistState(stored.state);
  if (!state) {
    return {
      ok: false,
      reply: text(language, language === 'nl' ? 'Deze checklist kan ik niet meer lezen; maak een nieuwe.' : 'I can no longer read this checklist; please draft a new one.'),
    };
  }
  return { ok: true, store, stored, state };
}

/** Ticks, unticks, exports or shows the conversation's latest checklist for a typed command. */
export async function runChecklistCommand(command: ChecklistCommand, message: IncomingMessage, context: HandlerContext): Promise<Reply> {
  const loaded = await load(context, message, command.language);
  if (!loaded.ok) return loaded.reply;
  const { store, stored, state } = loaded;
  const { language } = state;
  switch (command.kind) {
    case 'show':
      return checklistReply(context.knowledge, stored.id, state, { interactive: true });
    case 'export':
      return makeReply('escalation', language, [{ kind: 'text', markdown: exportChecklistMarkdown(context.knowledge, state) }]);
    case 'set': {
      const count = state.items.length;
      const wrong = command.numbers.filter((n) => n < 1 || n > count);
      if (command.numbers.length === 0 || wrong.length > 0) {
        return text(
          language,
          language === 'nl'
            ? `Punt ${wrong.join(', ')} bestaat niet: de checklist heeft punten 1 tot en met ${count}. Er is niets gewijzigd.`
            : `Item ${wrong.join(', ')} does not exist: the checklist has items 1 to ${count}. Nothing was changed.`,
        );
      }
      const positions = command.numbers.map((n) => n - 1);
      const today = amsterdamDate(context.now);
      // Applied to the latest stored state: ticks made meanwhile by others survive.
      const next = await updateChecklistState(store, message.address, stored.id, (latest) => setItemsDone(latest, positions, command.done, today), context.now);
      if (!next) return gone(language);
      const list = command.numbers.join(', ');
      const several = command.numbers.length > 1;
      const lead =
        language === 'nl'
          ? `${several ? 'Punten' : 'Punt'} ${list} ${command.done ? 'afgevinkt' : 'weer open gezet'}.`
          : `${several ? 'Items' : 'Item'} ${list} ${command.done ? 'ticked' : 'unticked'}.`;
      return checklistReply(context.knowledge, stored.id, next, { lead: [lead], interactive: true });
    }
  }
}

/** Handles the checklist's buttons: `checklist.toggle` (replaces the original message) and `checklist.export`. */
export async function runChecklistAction(message: IncomingMessage, context: HandlerContext, routerLanguage: Language): Promise<Reply> {
  const action = message.action;
  // A button press has no text to detect a language from: answer in the conversation's checklist language.
  const language = (await conversationLanguage(context, message)) ?? routerLanguage;
  const unknown = text(language, language === 'nl' ? 'Deze knop wordt niet (meer) herkend; er is niets gewijzigd.' : 'That button is not recognised (any more); nothing was changed.');
  if (!action) return unknown;
  if (action.id === CHECKLIST_EXPORT_ACTION) {
    const loaded = await load(context, message, language, action.value?.trim() || undefined);
    return loaded.ok ? makeReply('escalation', loaded.state.language, [{ kind: 'text', markdown: exportChecklistMarkdown(context.knowledge, loaded.state) }]) : loaded.reply;
  }
  if (action.id !== CHECKLIST_TOGGLE_ACTION) return unknown;
  const target = parseChecklistToggleValue(action.value);
  if (!target) return unknown;
  const loaded = await load(context, message, language, target.checklistId);
  if (!loaded.ok) return loaded.reply;
  const { store, stored, state } = loaded;
  const position = state.items.findIndex((i) => i.id === target.itemId);
  if (position < 0) return unknown;
  // The button carries the wanted state, so a double click changes nothing the second time.
  const today = amsterdamDate(context.now);
  const next = await updateChecklistState(store, message.address, stored.id, (latest) => setItemsDone(latest, [position], target.done, today), context.now);
  if (!next) return gone(language);
  return checklistReply(context.knowledge, stored.id, next, { interactive: true, replaceOriginal: true });
}

async function conversationLanguage(context: HandlerContext, message: IncomingMessage): Promise<Language | undefined> {
  try {
    const latest = await findChecklist(await context.store(), message.address);
    return latest ? parseChecklistState(latest.state)?.language : undefined;
  } catch {
    return undefined;
  }
}

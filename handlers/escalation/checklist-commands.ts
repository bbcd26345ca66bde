import { amsterdamDate } from '../../knowledge/dates/calendar-date.js';
import type { HandlerContext } from '../context.js';
import { makeReply } from '../reply.js';
import type { Store, StoredChecklist } from '../store.js';
import type { IncomingMessage, Language, Reply } from '../types.js';
import { CHECKLIST_EXPORT_ACTION, CHECKLIST_TOGGLE_ACTION, parseChecklistToggleValue } from '../checklist-action.js';
import { messages } from '../messages/messages.js';
import { checklistTitle, newChecklistState } from './build-checklist.js';
import { checklistReply } from './checklist-reply.js';
import { CHECKLIST_KEEP_ACTION, CHECKLIST_REPLACE_ACTION, createChecklist } from './create-checklist.js';
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

async function load(context: HandlerContext, message: IncomingMessage, language: Language, id?: string): Promise<Loaded> {
  const m = messages(language).checklist;
  let store: Store;
  let stored: StoredChecklist | undefined;
  try {
    store = await context.store();
    stored = await findChecklist(store, message.address, id);
  } catch (error) {
    context.log.warn('checklist storage unavailable', { error: error instanceof Error ? error.name : 'unknown' });
    return { ok: false, reply: text(language, m.storageDown) };
  }
  if (!stored) return { ok: false, reply: text(language, id ? m.gone : m.noChecklist) };
  const state = parseChecklistState(stored.state);
  if (!state) return { ok: false, reply: text(language, m.unreadable) };
  return { ok: true, store, stored, state };
}

/**
 * Keeps the open checklist (drops the pending request) or replaces it with the pending one, which
 * becomes the conversation's checklist. Without a pending request nothing changes.
 */
async function keepOrReplace(choice: 'keep' | 'replace', loaded: Extract<Loaded, { ok: true }>, message: IncomingMessage, context: HandlerContext, language: Language): Promise<Reply> {
  const { store, stored, state } = loaded;
  const m = messages(language).checklist;
  const pending = state.pending;
  if (!pending) return text(language, m.nothingPending);
  const { pending: _dropped, ...kept } = state;
  const next = await updateChecklistState(store, message.address, stored.id, (latest) => {
    const { pending: _p, ...rest } = latest;
    return rest;
  }, context.now);
  if (!next) return text(language, m.gone);
  if (choice === 'keep') return checklistReply(context.knowledge, stored.id, next, { lead: [m.kept(checklistTitle(context.knowledge, kept))], interactive: true });
  const replacement = newChecklistState(context.knowledge, pending.insurers, pending.topics, pending.language, amsterdamDate(context.now));
  return createChecklist(message, pending, context, [messages(pending.language).checklist.replaced(checklistTitle(context.knowledge, replacement))]);
}

/** Ticks, unticks, exports or shows the conversation's latest checklist for a typed command. */
export async function runChecklistCommand(command: ChecklistCommand, message: IncomingMessage, context: HandlerContext, fallback: Language): Promise<Reply> {
  const loaded = await load(context, message, command.language ?? fallback);
  if (!loaded.ok) return loaded.reply;
  const { store, stored, state } = loaded;
  const { language } = state;
  switch (command.kind) {
    case 'keep':
    case 'replace':
      return keepOrReplace(command.kind, loaded, message, context, command.language ?? language);
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
          messages(language).escalation.noSuchItem(wrong.join(', '), count),
        );
      }
      const positions = command.numbers.map((n) => n - 1);
      const today = amsterdamDate(context.now);
      // Applied to the latest stored state: ticks made meanwhile by others survive.
      const next = await updateChecklistState(store, message.address, stored.id, (latest) => setItemsDone(latest, positions, command.done, today), context.now);
      if (!next) return text(language, messages(language).checklist.gone);
      const list = command.numbers.join(', ');
      const several = command.numbers.length > 1;
      const lead = messages(language).escalation.itemsSet(several, list, command.done);
      return checklistReply(context.knowledge, stored.id, next, { lead: [lead], interactive: true });
    }
  }
}

/** Handles the checklist's buttons: `checklist.toggle` (replaces the original message) and `checklist.export`. */
export async function runChecklistAction(message: IncomingMessage, context: HandlerContext, routerLanguage: Language): Promise<Reply> {
  const action = message.action;
  // A button press has no text to detect a language from: answer in the conversation's checklist language.
  const language = (await conversationLanguage(context, message)) ?? routerLanguage;
  const unknown = text(language, messages(language).checklist.buttonUnknown);
  if (!action) return unknown;
  if (action.id === CHECKLIST_KEEP_ACTION || action.id === CHECKLIST_REPLACE_ACTION) {
    const loaded = await load(context, message, language, action.value?.trim() || undefined);
    return loaded.ok ? keepOrReplace(action.id === CHECKLIST_KEEP_ACTION ? 'keep' : 'replace', loaded, message, context, language) : loaded.reply;
  }
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
  if (!next) return text(language, messages(language).checklist.gone);
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

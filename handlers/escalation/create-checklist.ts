import { randomUUID } from 'node:crypto';
import { amsterdamDate } from '../../knowledge/dates/calendar-date.js';
import type { EscalationTopic } from '../../knowledge/escalation/escalation-item.js';
import type { HandlerContext } from '../context.js';
import { messages } from '../messages/messages.js';
import { makeReply } from '../reply.js';
import type { IncomingMessage, Language, Reply } from '../types.js';
import type { Understanding } from '../understand/understanding.js';
import { checklistTitle, insurerPlaceholder, newChecklistState, resolveItems } from './build-checklist.js';
import { checklistReply } from './checklist-reply.js';
import { parseChecklistState, type ChecklistState } from './checklist-state.js';
import { findChecklist, saveChecklistState, updateChecklistState } from './checklist-storage.js';
import { detectTopics } from './detect-topics.js';

/** Action ids of the "keep the open checklist / replace it" buttons (value: the open checklist's id). */
export const CHECKLIST_KEEP_ACTION = 'checklist.keep';
export const CHECKLIST_REPLACE_ACTION = 'checklist.replace';

/** What a new checklist is drafted for: canonical insurer names, topics and the language. */
export interface ChecklistRequest {
  readonly insurers: readonly string[];
  readonly topics: readonly EscalationTopic[];
  readonly language: Language;
}

/**
 * A request for a checklist. When the conversation has an open checklist (an item not yet ticked),
 * the request is kept with it as pending and the user is asked to keep the open one or replace it;
 * until they choose, ticks and export apply to the open one. Otherwise the checklist is drafted.
 */
export async function requestChecklist(message: IncomingMessage, understanding: Understanding, context: HandlerContext): Promise<Reply> {
  const { language } = understanding;
  const request: ChecklistRequest = {
    insurers: understanding.insurers.map((m) => m.name),
    // A follow-up ("what about Zorg en Zekerheid?") keeps the topics of the checklist asked before.
    topics: [...new Set([...detectTopics(context.knowledge, understanding.text), ...rememberedTopics(context, understanding)])],
    language,
  };
  let open: { id: string; title: string; done: number; total: number } | undefined;
  try {
    const store = await context.store();
    const latest = await findChecklist(store, message.address);
    const state = latest && parseChecklistState(latest.state);
    if (latest && state && state.items.some((i) => !i.done)) {
      // The open checklist asked for again ("same in English"): show it, in the language asked.
      if (sameChecklist(state, request)) {
        const shown = await updateChecklistState(store, message.address, latest.id, (s) => ({ ...s, language }), context.now);
        if (shown) return checklistReply(context.knowledge, latest.id, shown, { interactive: true });
      }
      const written = await updateChecklistState(store, message.address, latest.id, (s) => ({ ...s, pending: { insurers: [...request.insurers], topics: [...request.topics], language } }), context.now);
      if (written) open = { id: latest.id, title: checklistTitle(context.knowledge, written), done: written.items.filter((i) => i.done).length, total: written.items.length };
    }
  } catch (error) {
    context.log.warn('checklist storage unavailable', { error: error instanceof Error ? error.name : 'unknown' });
  }
  if (!open) return createChecklist(message, request, context);

  const m = messages(language).checklist;
  const wantedState = newChecklistState(context.knowledge, request.insurers, request.topics, language, amsterdamDate(context.now));
  const wanted = checklistTitle(context.knowledge, wantedState);
  // What the new checklist would hold, so the user can choose (it is not stored until they replace).
  const preview = resolveItems(context.knowledge, wantedState).map((r, i) => `${i + 1}. ${r.checklistItem.label}`);
  return makeReply('escalation', language, [
    { kind: 'text', markdown: m.offerKeepOrReplace(open.title, open.done, open.total, `“${wanted}”`) },
    { kind: 'text', markdown: `${m.wantedPreview(wanted)}\n${preview.join('\n')}` },
    {
      kind: 'actions',
      buttons: [
        { id: CHECKLIST_KEEP_ACTION, label: m.keepButton, value: open.id, command: m.keepCommand },
        { id: CHECKLIST_REPLACE_ACTION, label: m.replaceButton, value: open.id, style: 'primary', command: m.replaceCommand },
      ],
    },
  ]);
}

/** Whether a request asks for the checklist that is open (same insurers and topics, any language). */
function sameChecklist(state: ChecklistState, request: ChecklistRequest): boolean {
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
  return same(state.insurers, request.insurers) && same(state.topics, request.topics);
}

/** The escalation topic ids among the understanding's topics (remembered from the request before). */
function rememberedTopics(context: HandlerContext, understanding: Understanding): EscalationTopic[] {
  const known = new Set<string>(context.knowledge.escalation.topics.map((t) => t.id));
  return (understanding.topics ?? []).filter((t): t is EscalationTopic => known.has(t));
}

/**
 * Drafts a new escalation checklist for the insurer(s) and topics asked for, stores it for the
 * conversation (it becomes the one commands apply to) and shows it. Storage trouble still shows
 * the checklist, without ticking.
 */
export async function createChecklist(message: IncomingMessage, request: ChecklistRequest, context: HandlerContext, extraLead: readonly string[] = []): Promise<Reply> {
  const kb = context.knowledge;
  const { insurers, topics, language } = request;
  const state = newChecklistState(kb, insurers, topics, language, amsterdamDate(context.now));
  const id = `esc-${randomUUID().slice(0, 8)}`;

  let saved = true;
  try {
    await saveChecklistState(await context.store(), message.address, id, state, context.now);
    context.log.info('checklist created', { checklistId: id, items: state.items.length, topics: topics.join(',') || 'none' });
  } catch (error) {
    saved = false;
    context.log.warn('checklist not saved', { checklistId: id, error: error instanceof Error ? error.name : 'unknown' });
  }

  const topicLabels = kb.escalation
    .topics.filter((t) => topics.includes(t.id))
    .map((t) => t.label[language].toLowerCase());
  const unloaded = insurers.filter((name) => !kb.insurers.loaded.includes(name));
  const lead: string[] = [...extraLead];
  const t = messages(language).escalation;
  lead.push(t.basedOn(topicLabels.join(` ${messages(language).reminder.and} `)));
  if (insurers.length === 0) lead.push(t.noInsurer(insurerPlaceholder(language)));
  if (unloaded.length > 0) lead.push(t.notLoaded(unloaded.join(` ${messages(language).reminder.and} `)));
  if (topics.length === 0) lead.push(t.nameTopic);
  if (!saved) lead.push(t.notSaved);
  return checklistReply(kb, id, state, { lead, interactive: saved });
}

import { messages } from '../messages/messages.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import { makeReply } from '../reply.js';
import type { Block, Reply } from '../types.js';
import { checklistTitle, resolveItems } from './build-checklist.js';
import { CHECKLIST_EXPORT_ACTION } from '../checklist-action.js';
import type { ChecklistState } from './checklist-state.js';

/**
 * The reply showing a checklist: optional lead text, the checklist block (items with their
 * sources; adapters render toggle buttons), progress with the typed commands, and an export
 * button. Without `interactive` (the checklist could not be saved) commands and buttons are left out.
 */
export function checklistReply(
  kb: KnowledgeBase,
  id: string,
  state: ChecklistState,
  options: { lead?: readonly string[]; interactive: boolean; replaceOriginal?: boolean },
): Reply {
  const { language } = state;
  const items = resolveItems(kb, state).map((r) => r.checklistItem);
  const done = items.filter((i) => i.done).length;
  const blocks: Block[] = [];
  const lead = (options.lead ?? []).filter((l) => l.trim() !== '');
  if (lead.length > 0) blocks.push({ kind: 'text', markdown: lead.join('\n\n') });
  blocks.push({ kind: 'checklist', id, title: checklistTitle(kb, state), items });
  if (options.interactive) {
    blocks.push({
      kind: 'text',
      markdown: messages(language).escalation.progress(done, items.length),
    });
    blocks.push({
      kind: 'actions',
      buttons: [{ id: CHECKLIST_EXPORT_ACTION, label: messages(language).escalation.exportButton, value: id }],
    });
  }
  return makeReply('escalation', language, blocks, { replaceOriginal: options.replaceOriginal });
}

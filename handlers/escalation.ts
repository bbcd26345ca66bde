import { runChecklistAction, runChecklistCommand } from './escalation/checklist-commands.js';
import { requestChecklist } from './escalation/create-checklist.js';
import type { Handler } from './handler.js';

/**
 * Drafts escalation checklists from the escalation handbook and the NZa good practices ("Draft an
 * escalation checklist for VGZ about tariff discounts", "stappenplan escalatie") and keeps them per
 * conversation: typed commands ("vink 3 aan", "tick 3", "untick 3", "exporteer de checklist",
 * "keep"/"replace") and the `checklist.toggle` / `checklist.export` / `checklist.keep` /
 * `checklist.replace` buttons. A new request while a checklist is open asks to keep or replace it
 * and keeps the open one until the user chooses.
 */
export const escalationHandler: Handler = {
  intent: 'escalation',
  actionPrefix: 'checklist.',
  handle: async (message, understanding, context) => {
    if (message.action) return runChecklistAction(message, context, understanding.language);
    if (understanding.checklist) return runChecklistCommand(understanding.checklist, message, context, understanding.language);
    return requestChecklist(message, understanding, context);
  },
};

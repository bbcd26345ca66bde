import { runChecklistAction, runChecklistCommand } from './escalation/checklist-commands.js';
import { checklistRequestScore } from './escalation/checklist-request.js';
import { createChecklist } from './escalation/create-checklist.js';
import { parseChecklistCommand } from './escalation/parse-checklist-command.js';
import type { Handler } from './handler.js';

/**
 * Drafts escalation checklists from the escalation handbook and the NZa good practices ("Draft an
 * escalation checklist for VGZ about tariff discounts", "escalatie checklist Zorg en Zekerheid,
 * cruciale ggz") and keeps them per conversation: typed commands ("vink 3 aan", "tick 3",
 * "untick 3", "exporteer de checklist") and the `checklist.toggle` / `checklist.export` buttons.
 * Typed commands match only as whole messages; without a stored checklist they say so.
 */
export const escalationHandler: Handler = {
  intent: 'escalation',
  actionPrefix: 'checklist.',
  match: (text, _language, knowledge) => (parseChecklistCommand(text) ? 1 : checklistRequestScore(text, knowledge)),
  handle: async (message, context, language) => {
    if (message.action) return runChecklistAction(message, context, language);
    const command = parseChecklistCommand(message.text);
    if (command) return runChecklistCommand(command, message, context);
    return createChecklist(message, context, language);
  },
};

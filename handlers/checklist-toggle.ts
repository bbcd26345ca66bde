import type { IncomingAction } from './types.js';

/** Action id of a checklist item's tick button on every platform (the router sends `checklist.*` to the escalation handler). */
export const CHECKLIST_TOGGLE = 'checklist.toggle';

/**
 * The action a platform's "tick" button for one checklist item sends back: id `checklist.toggle`,
 * value `<checklistId>:<itemId>`. Adapters build buttons with this; the checklist handler parses
 * it with {@link parseChecklistToggle}.
 * @example checklistToggleAction('esc-1', '3') → { id: 'checklist.toggle', value: 'esc-1:3' }
 */
export function checklistToggleAction(checklistId: string, itemId: string): IncomingAction & { value: string } {
  return { id: CHECKLIST_TOGGLE, value: `${checklistId}:${itemId}` };
}

/** The checklist and item a toggle action names; undefined for any other or malformed action. */
export function parseChecklistToggle(action: IncomingAction): { checklistId: string; itemId: string } | undefined {
  if (action.id !== CHECKLIST_TOGGLE || !action.value) return undefined;
  const colon = action.value.lastIndexOf(':');
  if (colon <= 0 || colon === action.value.length - 1) return undefined;
  return { checklistId: action.value.slice(0, colon), itemId: action.value.slice(colon + 1) };
}

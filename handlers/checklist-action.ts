/**
 * The button action behind every checklist item, shared by all adapters that render buttons
 * (Slack, Teams) and the escalation handler that receives it (`actionPrefix: 'checklist.'`).
 */

/** Action id of a checklist item's tick/untick button. */
export const CHECKLIST_TOGGLE_ACTION = 'checklist.toggle';
/** Action id of a checklist's export button (value: the checklist id). */
export const CHECKLIST_EXPORT_ACTION = 'checklist.export';

export interface ChecklistToggle {
  readonly checklistId: string;
  readonly itemId: string;
  /** The state the user asked for: true = tick, false = untick (idempotent under double clicks). */
  readonly done: boolean;
}

/**
 * Encodes a toggle as the button value `checklistId|itemId|1` (tick) or `…|0` (untick).
 * @example checklistToggleValue({ checklistId: 'c1', itemId: 'report', done: true }) → 'c1|report|1'
 */
export function checklistToggleValue(toggle: ChecklistToggle): string {
  return `${toggle.checklistId}|${toggle.itemId}|${toggle.done ? '1' : '0'}`;
}

/** The longest checklist or item id a button value may carry. */
const MAX_PART = 200;

/** Decodes a button value; undefined for anything not made by {@link checklistToggleValue}. */
export function parseChecklistToggleValue(value: string | undefined): ChecklistToggle | undefined {
  const [checklistId, itemId, done, ...rest] = (value ?? '').split('|');
  const fits = (part: string | undefined): part is string => part !== undefined && part.length >= 1 && part.length <= MAX_PART;
  if (rest.length > 0 || !fits(checklistId) || !fits(itemId) || (done !== '0' && done !== '1')) return undefined;
  return { checklistId, itemId, done: done === '1' };
}

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

/** Decodes a button value; undefined for anything not made by {@link checklistToggleValue}. */
export function parseChecklistToggleValue(value: string | undefined): ChecklistToggle | undefined {
  const m = /^([^|]{1,200})\|([^|]{1,200})\|([01])$/.exec(value ?? '');
  if (!m) return undefined;
  return { checklistId: m[1]!, itemId: m[2]!, done: m[3] === '1' };
}

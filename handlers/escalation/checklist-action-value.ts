/** Button action ids of the checklist (routed to the escalation handler by the `checklist.` prefix). */
export const CHECKLIST_TOGGLE_ACTION = 'checklist.toggle';
export const CHECKLIST_EXPORT_ACTION = 'checklist.export';

/** What a toggle button asks for: an item of a checklist, and the state wanted (absent: flip it). */
export interface ChecklistToggleTarget {
  /** Absent: the conversation's latest checklist. */
  readonly checklistId?: string;
  /** An item id (e.g. `step.reflect`) or its 1-based number. */
  readonly item: string;
  readonly done?: boolean;
}

/**
 * Reads a `checklist.toggle` button value in every form the adapters use:
 * `<checklist>|<item>|1` or `…|0` (Slack: the wanted state, so a double click changes nothing),
 * `<checklist>:<item>` (Teams: flip), `<checklist>|<item>`, a JSON object
 * `{ checklistId, itemId, done? }`, or a bare item id or number (latest checklist).
 * Undefined when there is nothing usable.
 */
export function parseChecklistActionValue(value: string | undefined): ChecklistToggleTarget | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (text.startsWith('{')) return fromJson(text);
  const explicit = /^([^|]{1,200})\|([^|]{1,200})\|([01])$/.exec(text);
  if (explicit) return { checklistId: explicit[1], item: explicit[2] ?? '', done: explicit[3] === '1' };
  const pair = /^([^|:]{1,200})[|:]([^|:]{1,200})$/.exec(text);
  if (pair) return { checklistId: pair[1], item: pair[2] ?? '' };
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(text) ? { item: text } : undefined;
}

function fromJson(text: string): ChecklistToggleTarget | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as Record<string, unknown>;
  const checklistId = record.checklistId ?? record.checklist;
  const item = record.itemId ?? record.item;
  if ((typeof item !== 'string' && typeof item !== 'number') || String(item) === '') return undefined;
  return {
    ...(typeof checklistId === 'string' && checklistId ? { checklistId } : {}),
    item: String(item),
    ...(typeof record.done === 'boolean' ? { done: record.done } : {}),
  };
}

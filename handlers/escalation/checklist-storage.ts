import { conversationKey } from '../address-key.js';
import type { Store, StoredChecklist } from '../store.js';
import type { Address } from '../types.js';
import type { ChecklistState } from './checklist-state.js';

/**
 * Saves a checklist under the message's conversation. `updatedAt` never goes backwards within a
 * conversation (frozen clocks in tests and `--now` give equal instants), so the checklist touched
 * last is always the conversation's latest.
 */
export async function saveChecklistState(store: Store, address: Address, id: string, state: ChecklistState, now: Date): Promise<void> {
  const conversation = conversationKey(address);
  const latest = await store.latestChecklist(conversation);
  let at = now.getTime();
  const previous = latest ? Date.parse(latest.updatedAt) : Number.NaN;
  if (Number.isFinite(previous) && previous >= at) at = previous + 1;
  await store.saveChecklist({ id, conversation, state, updatedAt: new Date(at).toISOString() });
}

/** The conversation's checklist with this id, or its latest checklist when no id is given. */
export async function findChecklist(store: Store, address: Address, id?: string): Promise<StoredChecklist | undefined> {
  const conversation = conversationKey(address);
  return id ? store.getChecklist(conversation, id) : store.latestChecklist(conversation);
}

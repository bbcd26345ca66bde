import { conversationKey } from '../address-key.js';
import { compareAndSet } from '../compare-and-set.js';
import type { Store, StoredChecklist } from '../store.js';
import type { Address } from '../types.js';
import { parseChecklistState, type ChecklistState } from './checklist-state.js';

/**
 * Saves a new checklist under the message's conversation. `updatedAt` never goes backwards within
 * a conversation (frozen clocks in tests and `--now` give equal instants), so the checklist touched
 * last is always the conversation's latest.
 */
export async function saveChecklistState(store: Store, address: Address, id: string, state: ChecklistState, now: Date): Promise<void> {
  const conversation = conversationKey(address);
  await store.saveChecklist({ id, conversation, state, updatedAt: await nextUpdatedAt(store, conversation, now) });
}

/**
 * Changes a stored checklist without losing concurrent changes: `change` is applied to the latest
 * stored state and written with compare-and-set on the checklist's version, re-applied to the newer
 * state when another replica or process wrote first. So two people ticking different items at the
 * same instant both keep their tick. Returns the state written, or undefined when the checklist is
 * gone or no longer readable.
 */
export async function updateChecklistState(
  store: Store,
  address: Address,
  id: string,
  change: (state: ChecklistState) => ChecklistState,
  now: Date,
): Promise<ChecklistState | undefined> {
  const conversation = conversationKey(address);
  const updatedAt = await nextUpdatedAt(store, conversation, now);
  const written = await compareAndSet<StoredChecklist>(
    async () => {
      const stored = await store.getChecklist(conversation, id);
      return stored && { value: stored, version: stored.version };
    },
    (next, version) => store.compareAndSetChecklist(next, version),
    (current) => {
      const state = parseChecklistState(current.state);
      return state && { ...current, state: change(state), updatedAt: updatedAt > current.updatedAt ? updatedAt : current.updatedAt };
    },
  );
  return written ? parseChecklistState(written.state) : undefined;
}

/** The conversation's checklist with this id, or its latest checklist when no id is given. */
export async function findChecklist(store: Store, address: Address, id?: string): Promise<StoredChecklist | undefined> {
  const conversation = conversationKey(address);
  return id ? store.getChecklist(conversation, id) : store.latestChecklist(conversation);
}

/** `now`, or just after the conversation's latest checklist write when that is not earlier. */
async function nextUpdatedAt(store: Store, conversation: string, now: Date): Promise<string> {
  const latest = await store.latestChecklist(conversation);
  let at = now.getTime();
  const previous = latest ? Date.parse(latest.updatedAt) : Number.NaN;
  if (Number.isFinite(previous) && previous >= at) at = previous + 1;
  return new Date(at).toISOString();
}

import { addressKey } from '../address-key.js';
import { compareAndSet } from '../compare-and-set.js';
import type { Address } from '../types.js';
import type { MemoryStore } from './memory-store.js';
import { parseRememberedSlots, rememberedSlotsSchema, type RememberedSlots } from './remembered-slots.js';

/** How long a conversation remembers its last understanding. */
export const MEMORY_TTL_MS = 30 * 60 * 1000;

/**
 * The memory key of an address: conversation and thread (`platform:conversation[#thread]`), never
 * the user, so everyone in a thread continues the same conversation.
 */
export function memoryKey(address: Address): string {
  return addressKey(address);
}

/**
 * The slots remembered for this conversation and thread, or undefined when there are none, they
 * are older than {@link MEMORY_TTL_MS} at `now`, or they do not parse.
 * @example const last = await recallSlots(store, message.address, context.now);
 */
export async function recallSlots(store: MemoryStore, address: Address, now: Date): Promise<RememberedSlots | undefined> {
  const stored = await store.getMemory(memoryKey(address));
  if (!stored || now.getTime() - stored.updatedAt.getTime() >= MEMORY_TTL_MS) return undefined;
  return parseRememberedSlots(stored.slots);
}

/**
 * Remembers `update(previous)` as the conversation's slots (previous: the live remembered slots,
 * undefined when none or expired), with compare-and-set so two replicas answering in the same
 * thread never interleave half of each other's slots: the later writer re-applies `update` to the
 * newer value. Only the schema's slots are written (unknown keys are dropped). Expired memories of every conversation are deleted on the way.
 */
export async function rememberSlots(
  store: MemoryStore,
  address: Address,
  update: (previous: RememberedSlots | undefined) => RememberedSlots,
  now: Date,
): Promise<RememberedSlots | undefined> {
  const key = memoryKey(address);
  await store.forgetMemoryBefore(new Date(now.getTime() - MEMORY_TTL_MS));
  return compareAndSet<RememberedSlots | undefined>(
    async () => {
      const stored = await store.getMemory(key);
      if (!stored) return { value: undefined, version: 0 };
      const live = now.getTime() - stored.updatedAt.getTime() < MEMORY_TTL_MS;
      return { value: live ? parseRememberedSlots(stored.slots) : undefined, version: stored.version };
    },
    (next, version) => store.compareAndSetMemory({ key, slots: next, updatedAt: now }, version),
    // Parsing drops anything that is not a slot, so no text ever reaches the store.
    (previous) => rememberedSlotsSchema.parse(update(previous)),
  );
}

import { describe, expect, it } from 'vitest';
import { MEMORY_TTL_MS, recallSlots, rememberSlots } from '../../handlers/conversation/conversation-memory.js';
import type { RememberedSlots } from '../../handlers/conversation/remembered-slots.js';
import type { Address } from '../../handlers/types.js';
import type { Store } from '../../handlers/store.js';

const T0 = new Date('2026-11-23T10:00:00Z');
const THREAD: Address = { platform: 'slack', conversationId: 'C1', threadId: '1700000000.000100', userId: 'U1' };
const CHANNEL: Address = { platform: 'slack', conversationId: 'C1' };
const SLOTS: RememberedSlots = { intent: 'deadline', language: 'nl', insurers: ['Zorg en Zekerheid'], step: 'sign', sector: 'ggz' };

/** Conversation memory on a real store (called from {@link describeStoreContract}). */
export function describeMemoryContract(open: () => Promise<Store>): void {
  describe('conversation memory', () => {
    it('creates, compares-and-sets and reads memory by key', async () => {
      const store = await open();
      expect(await store.getMemory('local:a')).toBeUndefined();
      expect(await store.compareAndSetMemory({ key: 'local:a', slots: { n: 1 }, updatedAt: T0 }, 0)).toBe(true);
      // A second creator lost: the row exists already.
      expect(await store.compareAndSetMemory({ key: 'local:a', slots: { n: 2 }, updatedAt: T0 }, 0)).toBe(false);
      expect(await store.getMemory('local:a')).toEqual({ key: 'local:a', slots: { n: 1 }, updatedAt: T0, version: 1 });
      expect(await store.compareAndSetMemory({ key: 'local:a', slots: { n: 3 }, updatedAt: new Date(T0.getTime() + 1) }, 1)).toBe(true);
      expect(await store.compareAndSetMemory({ key: 'local:a', slots: { n: 4 }, updatedAt: T0 }, 1)).toBe(false);
      expect(await store.getMemory('local:a')).toMatchObject({ slots: { n: 3 }, version: 2 });
    });

    it('keeps threads apart, shares a thread between its users and forgets after 30 minutes', async () => {
      const store = await open();
      await rememberSlots(store, THREAD, () => SLOTS, T0);
      expect(await recallSlots(store, { ...THREAD, userId: 'U2' }, new Date(T0.getTime() + MEMORY_TTL_MS - 1))).toEqual(SLOTS);
      expect(await recallSlots(store, CHANNEL, T0)).toBeUndefined();
      expect(await recallSlots(store, THREAD, new Date(T0.getTime() + MEMORY_TTL_MS))).toBeUndefined();
      // Past the expiry a write starts from nothing, and the expired rows of other conversations go.
      await rememberSlots(store, CHANNEL, () => ({ ...SLOTS, insurers: ['VGZ'] }), T0);
      const later = new Date(T0.getTime() + MEMORY_TTL_MS + 1000);
      const seen: (RememberedSlots | undefined)[] = [];
      await rememberSlots(store, THREAD, (previous) => (seen.push(previous), { ...SLOTS, language: 'en' }), later);
      expect(seen).toEqual([undefined]);
      expect(await store.getMemory('slack:C1')).toBeUndefined();
      expect(await recallSlots(store, THREAD, later)).toEqual({ ...SLOTS, language: 'en' });
    });

    it('ignores stored slots that do not parse, and writes no message text', async () => {
      const store = await open();
      await store.compareAndSetMemory({ key: 'local:bad', slots: { intent: 'deadline', text: 'BSN 123' }, updatedAt: T0 }, 0);
      expect(await recallSlots(store, { platform: 'local', conversationId: 'bad' }, T0)).toBeUndefined();
      await rememberSlots(store, { platform: 'local', conversationId: 'ok' }, () => ({ ...SLOTS, text: 'geheim' }) as RememberedSlots, T0);
      const raw = JSON.stringify((await store.getMemory('local:ok'))?.slots);
      expect(raw).toContain('Zorg en Zekerheid');
      expect(raw).not.toContain('geheim');
      expect(await recallSlots(store, { platform: 'local', conversationId: 'ok' }, T0)).toEqual(SLOTS);
    });

    it('loses no update when two replicas write the same conversation at once, 50 rounds', async () => {
      const [one, two] = [await open(), await open()];
      const address: Address = { platform: 'local', conversationId: 'race' };
      await rememberSlots(one, address, () => ({ ...SLOTS, contractYear: 2000 }), T0);
      const bump = (p: RememberedSlots | undefined) => ({ ...SLOTS, contractYear: (p?.contractYear ?? 0) + 1 });
      for (let round = 0; round < 50; round++) await Promise.all([rememberSlots(one, address, bump, T0), rememberSlots(two, address, bump, T0)]);
      // 100 increments through compare-and-set: none lost.
      expect((await recallSlots(two, address, T0))?.contractYear).toBe(2100);
    }, 60_000);
  });
}

import { afterEach, describe, expect, it } from 'vitest';
import type { OccurrenceKey, Store } from '../../handlers/store.js';
import type { Address } from '../../handlers/types.js';
import { openStore } from './open-store.js';

/** A database the contract runs against: one fresh, empty database (or schema) per test. */
export interface StoreTarget {
  readonly label: string;
  /** Creates a fresh database; `url` is a DATABASE_URL that any process may open. */
  freshDatabase(): Promise<{ url: string; drop(): Promise<void> }>;
}

/** Opens stores on one fresh database per test and closes/drops everything afterwards. */
export function useFreshDatabase(target: StoreTarget): { url(): string; open(): Promise<Store> } {
  let current: { url: string; drop(): Promise<void> } | undefined;
  const opened: Store[] = [];
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await current?.drop();
    current = undefined;
  });
  return {
    url: () => {
      if (!current) throw new Error('open() a store first');
      return current.url;
    },
    open: async () => {
      current ??= await target.freshDatabase();
      const store = await openStore(current.url);
      opened.push(store);
      return store;
    },
  };
}

const CHANNEL: Address = { platform: 'local', conversationId: 'team-a' };
const THREAD: Address = { platform: 'local', conversationId: 'team-a', threadId: 't1', userId: 'u1' };
const OTHER: Address = { platform: 'slack', conversationId: 'C123' };
const T0 = new Date('2026-03-01T08:00:00Z');
const LEASE = 60_000;

function key(subscriptionId: string, leadDays = 7, milestoneId = 'm-1', occurrenceDate = '2026-04-01'): OccurrenceKey {
  return { subscriptionId, milestoneId, occurrenceDate, leadDays };
}

/**
 * The behaviour every {@link Store} implementation must show. Each backend's test file calls this
 * with its own {@link StoreTarget}; scheduler-level behaviour over real stores is in
 * `bot/scheduler/scheduler-contract.ts`.
 */
export function describeStoreContract(target: StoreTarget): void {
  describe(`Store contract: ${target.label}`, () => {
    const db = useFreshDatabase(target);

    it('adds, lists, gets and removes subscriptions per conversation', async () => {
      const store = await db.open();
      const a = await store.addSubscription({ address: CHANNEL, insurers: ['VGZ', 'Zilveren Kruis'], sectors: ['ggz'], leadDays: [7, 30, 7, 1, 14], language: 'en' }, T0);
      const b = await store.addSubscription({ address: THREAD, insurers: 'all', sectors: 'all', leadDays: [30, 14, 7, 1], language: 'nl' }, new Date(T0.getTime() + 1000));
      await store.addSubscription({ address: OTHER, insurers: 'all', sectors: 'all', leadDays: [1], language: 'nl' }, new Date(T0.getTime() + 2000));

      expect(a).toMatchObject({ address: CHANNEL, insurers: ['VGZ', 'Zilveren Kruis'], sectors: ['ggz'], leadDays: [30, 14, 7, 1], language: 'en', active: true, createdAt: T0.toISOString() });
      expect(a.id).toMatch(/^[0-9a-f]{12}$/);
      // The user id is not part of a subscription's address; the thread is.
      expect(b.address).toEqual({ platform: 'local', conversationId: 'team-a', threadId: 't1' });
      expect(await store.getSubscription(a.id)).toEqual(a);
      expect(await store.getSubscription('nope')).toBeUndefined();

      expect((await store.listSubscriptions()).map((s) => s.id)).toHaveLength(3);
      expect((await store.listSubscriptions({ conversation: { platform: 'local', conversationId: 'team-a' } })).map((s) => s.id)).toEqual([a.id, b.id]);

      expect(await store.removeSubscription(a.id)).toBe(true);
      expect(await store.removeSubscription(a.id)).toBe(false);
      expect(await store.removeSubscriptionsFor(CHANNEL)).toBe(1);
      expect((await store.listSubscriptions()).map((s) => s.address.platform)).toEqual(['slack']);
    });

    it('disables the subscriptions of an unreachable conversation', async () => {
      const store = await db.open();
      await store.addSubscription({ address: CHANNEL, insurers: 'all', sectors: 'all', leadDays: [7], language: 'nl' }, T0);
      const other = await store.addSubscription({ address: OTHER, insurers: 'all', sectors: 'all', leadDays: [7], language: 'nl' }, T0);
      expect(await store.disableSubscriptionsFor(CHANNEL)).toBe(1);
      expect(await store.disableSubscriptionsFor(CHANNEL)).toBe(0);
      expect((await store.listSubscriptions({ activeOnly: true })).map((s) => s.id)).toEqual([other.id]);
      expect((await store.listSubscriptions({ conversation: CHANNEL }))[0]?.active).toBe(false);
    });

    it('claims an occurrence once, holds it for the lease, and never again after completion', async () => {
      const store = await db.open();
      const sub = await store.addSubscription({ address: CHANNEL, insurers: 'all', sectors: 'all', leadDays: [7], language: 'nl' }, T0);
      const k = key(sub.id);
      expect(await store.claimOccurrence(k, T0, LEASE)).toEqual({ claimed: true, attempt: 1 });
      expect(await store.claimOccurrence(k, new Date(T0.getTime() + LEASE - 1), LEASE)).toEqual({ claimed: false, reason: 'leased' });
      // A crashed sender: the lease runs out and the next claim is attempt 2.
      expect(await store.claimOccurrence(k, new Date(T0.getTime() + LEASE), LEASE)).toEqual({ claimed: true, attempt: 2 });
      await store.completeOccurrence(k, new Date(T0.getTime() + LEASE + 10), true);
      expect(await store.claimOccurrence(k, new Date(T0.getTime() + 10 * LEASE), LEASE)).toEqual({ claimed: false, reason: 'delivered' });
      // Other leads and occurrence dates are separate occurrences.
      expect(await store.claimOccurrence(key(sub.id, 1), T0, LEASE)).toEqual({ claimed: true, attempt: 1 });
      expect(await store.claimOccurrence(key(sub.id, 7, 'm-1', '2027-04-01'), T0, LEASE)).toEqual({ claimed: true, attempt: 1 });

      const states = await store.listOccurrenceStates({ fromDate: '2026-04-01', toDate: '2026-04-01' });
      expect(states.map((s) => [s.leadDays, s.status, s.attempt, s.late]).sort()).toEqual([
        [1, 'leased', 1, false],
        [7, 'delivered', 2, true],
      ]);
      expect(states.find((s) => s.leadDays === 1)?.leaseUntil.getTime()).toBe(T0.getTime() + LEASE);
    });

    it('holds a failed occurrence until its retry time, and never claims a finally failed one', async () => {
      const store = await db.open();
      const sub = await store.addSubscription({ address: CHANNEL, insurers: 'all', sectors: 'all', leadDays: [7], language: 'nl' }, T0);
      const k = key(sub.id);
      await store.claimOccurrence(k, T0, LEASE);
      const retryAt = new Date(T0.getTime() + 5 * LEASE);
      await store.failOccurrence(k, T0, 'HTTP 500', retryAt);
      expect(await store.claimOccurrence(k, new Date(retryAt.getTime() - 1), LEASE)).toEqual({ claimed: false, reason: 'leased' });
      expect(await store.claimOccurrence(k, retryAt, LEASE)).toEqual({ claimed: true, attempt: 2 });
      await store.failOccurrence(k, retryAt, 'HTTP 500', null);
      expect(await store.claimOccurrence(k, new Date(retryAt.getTime() + 100 * LEASE), LEASE)).toEqual({ claimed: false, reason: 'failed' });
      const [state] = await store.listOccurrenceStates({ fromDate: '2026-01-01', toDate: '2026-12-31' });
      expect(state).toMatchObject({ status: 'failed', attempt: 2 });
    });

    it('forgets the occurrences of a removed subscription', async () => {
      const store = await db.open();
      const sub = await store.addSubscription({ address: CHANNEL, insurers: 'all', sectors: 'all', leadDays: [7], language: 'nl' }, T0);
      await store.claimOccurrence(key(sub.id), T0, LEASE);
      await store.removeSubscription(sub.id);
      expect(await store.listOccurrenceStates({ fromDate: '2000-01-01', toDate: '2100-01-01' })).toEqual([]);
    });

    it('lets exactly one of two independent connections win each racing claim', async () => {
      const first = await db.open();
      const second = await db.open();
      const sub = await first.addSubscription({ address: CHANNEL, insurers: 'all', sectors: 'all', leadDays: [30, 14, 7, 1], language: 'nl' }, T0);
      const keys = Array.from({ length: 40 }, (_, i) => key(sub.id, i % 4, `m-${Math.floor(i / 4)}`));
      const results = await Promise.all(keys.flatMap((k) => [first.claimOccurrence(k, T0, LEASE), second.claimOccurrence(k, T0, LEASE)]));
      expect(results.filter((r) => r.claimed)).toHaveLength(keys.length);
      expect(results.filter((r) => !r.claimed && r.reason === 'leased')).toHaveLength(keys.length);
    });

    it('keeps everything across a restart (close and reopen)', async () => {
      const store = await db.open();
      const sub = await store.addSubscription({ address: OTHER, insurers: ['CZ'], sectors: ['huisartsenzorg'], leadDays: [14], language: 'en' }, T0);
      await store.claimOccurrence(key(sub.id), T0, LEASE);
      await store.completeOccurrence(key(sub.id), T0, false);
      await store.muteMilestone(OTHER, 'm-2', T0);
      await store.saveConversationReference(OTHER, { serviceUrl: 'http://127.0.0.1/x' }, T0);
      await store.close();
      const reopened = await db.open();
      expect(await reopened.getSubscription(sub.id)).toEqual(sub);
      expect(await reopened.claimOccurrence(key(sub.id), new Date(T0.getTime() + 10 * LEASE), LEASE)).toEqual({ claimed: false, reason: 'delivered' });
      expect(await reopened.isMilestoneMuted(OTHER, 'm-2')).toBe(true);
      expect(await reopened.getConversationReference(OTHER)).toEqual({ serviceUrl: 'http://127.0.0.1/x' });
    });

    it('mutes and snoozes a milestone per conversation', async () => {
      const store = await db.open();
      expect(await store.isMilestoneMuted(CHANNEL, 'm-1')).toBe(false);
      expect(await store.snoozedUntil(CHANNEL, 'm-1')).toBeUndefined();
      const until = new Date(T0.getTime() + 86_400_000);
      await store.snoozeMilestone(THREAD, 'm-1', until);
      expect(await store.snoozedUntil(CHANNEL, 'm-1')).toEqual(until);
      expect(await store.isMilestoneMuted(CHANNEL, 'm-1')).toBe(false);
      await store.muteMilestone(CHANNEL, 'm-1', T0);
      expect(await store.isMilestoneMuted(THREAD, 'm-1')).toBe(true);
      expect(await store.isMilestoneMuted(OTHER, 'm-1')).toBe(false);
      expect(await store.listMilestoneHolds()).toEqual([{ conversation: 'local:team-a', milestoneId: 'm-1', muted: true, snoozedUntil: until }]);
    });

    it('stores, replaces and deletes conversation references', async () => {
      const store = await db.open();
      expect(await store.getConversationReference(OTHER)).toBeUndefined();
      await store.saveConversationReference(OTHER, { a: 1 }, T0);
      await store.saveConversationReference(OTHER, { a: 2, nested: { s: 'x' } }, T0);
      expect(await store.getConversationReference(OTHER)).toEqual({ a: 2, nested: { s: 'x' } });
      expect(await store.deleteConversationReference(OTHER)).toBe(true);
      expect(await store.deleteConversationReference(OTHER)).toBe(false);
      expect(await store.getConversationReference(OTHER)).toBeUndefined();
    });

    it('stores checklists and finds the latest one of a conversation', async () => {
      const store = await db.open();
      await store.saveChecklist({ id: 'c1', conversation: 'local:a', state: { done: [1] }, updatedAt: '2026-03-01T10:00:00.000Z' });
      await store.saveChecklist({ id: 'c2', conversation: 'local:a', state: { done: [] }, updatedAt: '2026-03-01T11:00:00.000Z' });
      await store.saveChecklist({ id: 'c3', conversation: 'local:b', state: null, updatedAt: '2026-03-02T11:00:00.000Z' });
      expect((await store.latestChecklist('local:a'))?.id).toBe('c2');
      await store.saveChecklist({ id: 'c1', conversation: 'local:a', state: { done: [1, 2] }, updatedAt: '2026-03-01T12:00:00.000Z' });
      expect(await store.latestChecklist('local:a')).toEqual({ id: 'c1', conversation: 'local:a', state: { done: [1, 2] }, updatedAt: '2026-03-01T12:00:00.000Z' });
      expect(await store.getChecklist('local:a', 'c2')).toMatchObject({ state: { done: [] } });
      expect(await store.getChecklist('local:b', 'c1')).toBeUndefined();
      expect(await store.latestChecklist('local:none')).toBeUndefined();
    });

    it('reports an event id as new only the first time', async () => {
      const store = await db.open();
      expect(await store.markEventSeen('Ev1', T0)).toBe(true);
      expect(await store.markEventSeen('Ev1', T0)).toBe(false);
      expect(await store.markEventSeen('Ev2', T0)).toBe(true);
    });

    it('claims a key once until it expires, then again', async () => {
      const store = await db.open();
      const tenMinutes = 10 * 60 * 1000;
      expect(await store.claimOnce('slack:trigger:1', T0, tenMinutes)).toBe(true);
      expect(await store.claimOnce('slack:trigger:1', new Date(T0.getTime() + tenMinutes - 1), tenMinutes)).toBe(false);
      expect(await store.claimOnce('slack:trigger:2', T0, tenMinutes)).toBe(true);
      expect(await store.claimOnce('slack:trigger:1', new Date(T0.getTime() + tenMinutes), tenMinutes)).toBe(true);
      const claims = await Promise.all(Array.from({ length: 8 }, () => store.claimOnce('race', T0, tenMinutes)));
      expect(claims.filter(Boolean)).toHaveLength(1);
    });

    it('keeps a feedback comment', async () => {
      const store = await db.open();
      await store.saveFeedback({ address: OTHER, helpful: false, subject: 'question:abc', at: T0.toISOString(), comment: 'Mist de bron' });
      expect(await store.listFeedback()).toEqual([{ address: OTHER, helpful: false, subject: 'question:abc', at: T0.toISOString(), comment: 'Mist de bron' }]);
    });

    it('keeps feedback in order', async () => {
      const store = await db.open();
      await store.saveFeedback({ address: THREAD, helpful: true, subject: 'deadline', at: T0.toISOString() });
      await store.saveFeedback({ address: OTHER, helpful: false, subject: 'question:abc', at: T0.toISOString() });
      expect(await store.listFeedback()).toEqual([
        { address: { platform: 'local', conversationId: 'team-a', threadId: 't1' }, helpful: true, subject: 'deadline', at: T0.toISOString() },
        { address: OTHER, helpful: false, subject: 'question:abc', at: T0.toISOString() },
      ]);
    });
  });
}

import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryKey, Store } from '../../handlers/store.js';
import type { Address } from '../../handlers/types.js';
import { saveChecklistState, updateChecklistState } from '../../handlers/escalation/checklist-storage.js';
import { parseChecklistState, setItemsDone, type ChecklistState } from '../../handlers/escalation/checklist-state.js';
import { describeMemoryContract } from './memory-contract.js';
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

function key(conversation: string, leadDays = 7, milestoneId = 'm-1', occurrenceDate = '2026-04-01'): DeliveryKey {
  return { conversation, milestoneId, occurrenceDate, leadDays };
}

/**
 * The behaviour every {@link Store} implementation must show. Each backend's test file calls this
 * with its own {@link StoreTarget}; scheduler-level behaviour over real stores is in
 * `bot/scheduler/scheduler-contract.ts`.
 */
export function describeStoreContract(target: StoreTarget): void {
  describe(`Store contract: ${target.label}`, () => {
    const db = useFreshDatabase(target);
    describeMemoryContract(() => db.open());

    it('keeps a time of day per subscription, a sector per conversation, and replaces a subscription\'s sectors (making it due)', async () => {
      const store = await db.open();
      const a = await store.addSubscription({ address: CHANNEL, insurers: ['VGZ'], sectors: 'all', leadDays: [7], language: 'en', timeOfDay: '14:30' }, T0);
      const b = await store.addSubscription({ address: OTHER, insurers: 'all', sectors: 'all', leadDays: [7], language: 'nl' }, T0);
      expect((await store.getSubscription(a.id))?.timeOfDay).toBe('14:30');
      expect(b.timeOfDay).toBe('09:00');
      expect(await store.conversationSector(CHANNEL)).toBeUndefined();
      await store.setConversationSector(THREAD, 'ggz', T0); // the thread's conversation
      expect(await store.conversationSector(CHANNEL)).toBe('ggz');
      await store.setConversationSector(CHANNEL, 'huisartsenzorg', T0);
      expect(await store.conversationSector(THREAD)).toBe('huisartsenzorg');
      expect(await store.conversationSector(OTHER)).toBeUndefined();
      await store.setNextDue([{ subscriptionId: a.id, at: new Date(T0.getTime() + 86_400_000) }, { subscriptionId: b.id, at: new Date(T0.getTime() + 86_400_000) }]);
      expect(await store.listDueSubscriptions(T0)).toEqual([]);
      expect(await store.setSubscriptionSectors(a.id, ['huisartsenzorg'])).toBe(true);
      expect(await store.setSubscriptionSectors('000000000000', ['ggz'])).toBe(false);
      expect((await store.listDueSubscriptions(T0)).map((s) => [s.id, s.sectors])).toEqual([[a.id, ['huisartsenzorg']]]);
    });

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

    it('claims a delivery once, holds it for the lease on the database clock, and never again after completion', async () => {
      const store = await db.open();
      const k = key('local:team-a');
      const [first] = (await store.claimDeliveries([k], LEASE)).won;
      expect(first).toMatchObject({ key: k, attempt: 1, mayHaveArrived: false });
      expect(first?.claimId).toMatch(/^[0-9a-f]{16}$/);
      // Held: another sender gets nothing, and learns how long the lease still runs.
      const again = await store.claimDeliveries([k], LEASE);
      expect(again.won).toEqual([]);
      expect(again.held.map((h) => h.key)).toEqual([k]);
      expect(again.held[0]?.inMs).toBeGreaterThan(LEASE - 10_000);
      expect(again.held[0]?.inMs).toBeLessThanOrEqual(LEASE);
      await store.finishDeliveries([{ kind: 'delivered', key: k, attempt: 1, late: true }]);
      expect(await store.claimDeliveries([k], 0)).toEqual({ won: [], held: [] });
      // Other leads, occurrence dates and conversations are separate deliveries.
      const others = [key('local:team-a', 1), key('local:team-a', 7, 'm-1', '2027-04-01'), key('local:team-b')];
      expect((await store.claimDeliveries(others, LEASE)).won.map((c) => c.attempt)).toEqual([1, 1, 1]);
      const states = await store.listDeliveries({ fromDate: '2026-04-01', toDate: '2026-04-01' });
      expect(states.map((s) => [s.conversation, s.leadDays, s.status, s.attempt, s.late])).toEqual([
        ['local:team-a', 1, 'leased', 1, false],
        ['local:team-a', 7, 'delivered', 1, true],
        ['local:team-b', 7, 'leased', 1, false],
      ]);
      expect(states[1]?.claimId).toBe(first?.claimId);
    });

    it('lets a crashed sender\'s claim be taken over after its lease, marked as possibly arrived, with the same claim id', async () => {
      const store = await db.open();
      const k = key('local:team-a');
      // A lease of 0 ms has run out at once: the sender "crashed" while holding it.
      const [first] = (await store.claimDeliveries([k], 0)).won;
      const [second] = (await store.claimDeliveries([k], LEASE)).won;
      expect(second).toMatchObject({ attempt: 2, mayHaveArrived: true, claimId: first?.claimId, firstClaimedAt: first?.firstClaimedAt });
      // The crashed sender's late outcome is fenced off; the new holder's counts.
      await store.finishDeliveries([{ kind: 'retry', key: k, attempt: 1, error: 'late', retryAfterMs: 0 }]);
      expect((await store.listDeliveries({ fromDate: '2026-01-01', toDate: '2026-12-31' }))[0]).toMatchObject({ status: 'leased', attempt: 2 });
      await store.finishDeliveries([{ kind: 'delivered', key: k, attempt: 2, late: false }]);
      expect((await store.claimDeliveries([k], 0)).won).toEqual([]);
    });

    it('waits out a retry, checks again after an unknown outcome, releases untried claims, and never claims a failed one', async () => {
      const store = await db.open();
      const [a, b, c, d] = [key('local:a'), key('local:b'), key('local:c'), key('local:d')];
      await store.claimDeliveries([a, b, c, d], LEASE);
      await store.finishDeliveries([
        { kind: 'retry', key: a, attempt: 1, error: 'HTTP 400', retryAfterMs: LEASE },
        { kind: 'unknown', key: b, attempt: 1, error: 'timeout', retryAfterMs: 0 },
        { kind: 'released', key: c, attempt: 1 },
        { kind: 'failed', key: d, attempt: 1, error: 'gone' },
      ]);
      const next = await store.claimDeliveries([a, b, c, d], LEASE);
      expect(next.held.map((h) => h.key)).toEqual([a]);
      expect(next.won.map((w) => [w.key.conversation, w.attempt, w.mayHaveArrived])).toEqual([
        ['local:b', 2, true],
        ['local:c', 1, false],
      ]);
      const states = await store.listDeliveries({ fromDate: '2026-01-01', toDate: '2026-12-31' });
      expect(states.map((s) => [s.conversation, s.status, s.lastError ?? null])).toEqual([
        ['local:a', 'retry', 'HTTP 400'],
        ['local:b', 'leased', 'timeout'],
        ['local:c', 'leased', null],
        ['local:d', 'failed', 'gone'],
      ]);
    });

    it('compares leases with the database clock, so skewed process clocks never both hold a claim', async () => {
      // The store API takes no process time for leases at all; two replicas whose clocks are 30
      // minutes apart therefore see one lease. Here: a 60 s lease claimed "30 minutes ahead" still
      // holds for a replica "30 minutes behind", and the other way round.
      const [ahead, behind] = [await db.open(), await db.open()];
      const k = key('local:team-a');
      expect((await ahead.claimDeliveries([k], LEASE)).won).toHaveLength(1);
      expect((await behind.claimDeliveries([k], LEASE)).won).toEqual([]);
      expect((await ahead.claimDeliveries([k], LEASE)).won).toEqual([]);
    });

    it('lets exactly one of two independent connections win each racing claim, in batches', async () => {
      const first = await db.open();
      const second = await db.open();
      const keys = Array.from({ length: 200 }, (_, i) => key(`local:c${i % 50}`, i % 4, `m-${Math.floor(i / 50)}`));
      const results = await Promise.all([0, 1, 2, 3].flatMap((round) => [first.claimDeliveries(round % 2 ? [...keys].reverse() : keys, LEASE), second.claimDeliveries(round % 2 ? keys : [...keys].reverse(), LEASE)]));
      const won = results.flatMap((r) => r.won.map((c) => `${c.key.conversation} ${c.key.milestoneId} ${c.key.leadDays}`));
      expect(won).toHaveLength(keys.length);
      expect(new Set(won).size).toBe(keys.length);
    });

    it('keeps the due index: lists only subscriptions due by now, and resets it when the schedule changes', async () => {
      const store = await db.open();
      const a = await store.addSubscription({ address: CHANNEL, insurers: 'all', sectors: 'all', leadDays: [7], language: 'nl' }, T0);
      const b = await store.addSubscription({ address: OTHER, insurers: 'all', sectors: 'all', leadDays: [7], language: 'nl' }, T0);
      // New subscriptions are due at once (their next instant is not computed yet).
      expect((await store.listDueSubscriptions(T0)).map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
      expect(await store.listDueConversations(T0)).toEqual(['local:team-a', 'slack:C123']);
      expect((await store.listDueSubscriptions(T0, ['slack:C123'])).map((s) => s.id)).toEqual([b.id]);
      await store.setNextDue([
        { subscriptionId: a.id, at: new Date(T0.getTime() + 1000) },
        { subscriptionId: b.id, at: new Date(T0.getTime() + 2000) },
      ]);
      expect(await store.listDueSubscriptions(T0)).toEqual([]);
      expect(await store.listDueConversations(T0)).toEqual([]);
      expect((await store.listDueSubscriptions(new Date(T0.getTime() + 1000))).map((s) => s.id)).toEqual([a.id]);
      // A snooze wakes the conversation's subscriptions when it ends.
      await store.snoozeMilestone(OTHER, 'm-1', new Date(T0.getTime() + 500));
      expect((await store.listDueSubscriptions(new Date(T0.getTime() + 500))).map((s) => s.id)).toEqual([b.id]);
      await store.disableSubscriptionsFor(OTHER);
      expect((await store.listDueSubscriptions(new Date(T0.getTime() + 5000))).map((s) => s.id)).toEqual([a.id]);
      expect(await store.syncScheduleFingerprint('v1')).toBe(true);
      expect(await store.syncScheduleFingerprint('v1')).toBe(false);
      expect((await store.listDueSubscriptions(T0)).map((s) => s.id)).toEqual([a.id]);
      await store.setNextDue([{ subscriptionId: a.id, at: new Date(T0.getTime() + 1000) }]);
      expect(await store.syncScheduleFingerprint('v2')).toBe(true);
      expect((await store.listDueSubscriptions(T0)).map((s) => s.id)).toEqual([a.id]);
    });

    it('keeps everything across a restart (close and reopen)', async () => {
      const store = await db.open();
      const sub = await store.addSubscription({ address: OTHER, insurers: ['CZ'], sectors: ['huisartsenzorg'], leadDays: [14], language: 'en' }, T0);
      await store.claimDeliveries([key('slack:C123')], LEASE);
      await store.finishDeliveries([{ kind: 'delivered', key: key('slack:C123'), attempt: 1, late: false }]);
      await store.muteMilestone(OTHER, 'm-2', T0);
      await store.saveConversationReference(OTHER, { serviceUrl: 'http://127.0.0.1/x' }, T0);
      await store.close();
      const reopened = await db.open();
      expect(await reopened.getSubscription(sub.id)).toEqual(sub);
      expect(await reopened.claimDeliveries([key('slack:C123')], 0)).toEqual({ won: [], held: [] });
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
      expect(await store.latestChecklist('local:a')).toEqual({ id: 'c1', conversation: 'local:a', state: { done: [1, 2] }, updatedAt: '2026-03-01T12:00:00.000Z', version: 2 });
      expect(await store.getChecklist('local:a', 'c2')).toMatchObject({ state: { done: [] } });
      expect(await store.getChecklist('local:b', 'c1')).toBeUndefined();
      expect(await store.latestChecklist('local:none')).toBeUndefined();
    });

    it('writes a checklist over the version it read only (compare-and-set)', async () => {
      const store = await db.open();
      await store.saveChecklist({ id: 'c1', conversation: 'local:a', state: { n: 0 }, updatedAt: '2026-03-01T10:00:00.000Z' });
      const read = await store.getChecklist('local:a', 'c1');
      expect(read?.version).toBe(1);
      expect(await store.compareAndSetChecklist({ id: 'c1', conversation: 'local:a', state: { n: 1 }, updatedAt: '2026-03-01T10:00:01.000Z' }, 1)).toBe(true);
      // A writer that read version 1 too has lost: nothing is overwritten.
      expect(await store.compareAndSetChecklist({ id: 'c1', conversation: 'local:a', state: { n: 99 }, updatedAt: '2026-03-01T10:00:02.000Z' }, 1)).toBe(false);
      expect(await store.getChecklist('local:a', 'c1')).toMatchObject({ state: { n: 1 }, version: 2 });
      expect(await store.compareAndSetChecklist({ id: 'nope', conversation: 'local:a', state: {}, updatedAt: '2026-03-01T10:00:02.000Z' }, 1)).toBe(false);
    });

    it('loses no checklist tick when two replicas tick different items at once, 100 rounds', async () => {
      const [one, two] = [await db.open(), await db.open()];
      const address: Address = { platform: 'local', conversationId: 'race' };
      const state: ChecklistState = { version: 1, language: 'en', insurers: ['VGZ'], topics: [], createdOn: '2026-03-01', items: Array.from({ length: 200 }, (_, i) => ({ id: `i${i}`, done: false })) };
      await saveChecklistState(one, address, 'c1', state, T0);
      for (let round = 0; round < 100; round++) {
        await Promise.all([
          updateChecklistState(one, address, 'c1', (s) => setItemsDone(s, [2 * round], true, '2026-03-01'), T0),
          updateChecklistState(two, address, 'c1', (s) => setItemsDone(s, [2 * round + 1], true, '2026-03-01'), T0),
        ]);
      }
      const final = parseChecklistState((await two.getChecklist('local:race', 'c1'))?.state);
      expect(final?.items.filter((i) => i.done)).toHaveLength(200);
    }, 60_000);

    it('keeps concurrent Done, Snooze and feedback of two replicas', async () => {
      const [one, two] = [await db.open(), await db.open()];
      const until = new Date(T0.getTime() + 86_400_000);
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => [
          one.muteMilestone(CHANNEL, `m-${i}`, T0),
          two.snoozeMilestone(CHANNEL, `m-${i}`, until),
          one.saveFeedback({ address: CHANNEL, helpful: true, subject: `a${i}`, at: T0.toISOString() }),
          two.saveFeedback({ address: CHANNEL, helpful: false, subject: `b${i}`, at: T0.toISOString() }),
        ]).flat(),
      );
      const holds = await one.listMilestoneHolds();
      expect(holds).toHaveLength(20);
      expect(holds.every((h) => h.muted && h.snoozedUntil?.getTime() === until.getTime())).toBe(true);
      expect(await two.listFeedback()).toHaveLength(40);
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

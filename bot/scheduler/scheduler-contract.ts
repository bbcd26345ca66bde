import { describe, expect, it } from 'vitest';
import type { ChatAdapter } from '../../adapters/adapter.js';
import type { Store } from '../../handlers/store.js';
import type { Address, Platform } from '../../handlers/types.js';
import { knowledgeWithMilestones, testKnowledge } from '../../knowledge/test-support/test-knowledge.js';
import { createLogger, silentLogger } from '../logger.js';
import { useFreshDatabase, type StoreTarget } from '../storage/store-contract.js';
import { runSchedulerPass, type SchedulerPassOptions } from './run-scheduler-pass.js';
import { recordingAdapter, taggingAdapter } from './test-support/recording-adapter.js';
import { spawnPass } from './test-support/spawn-pass.js';
import { datedMilestone, POLICY_BY_APRIL_1 } from './test-support/test-milestones.js';

const HOLIDAYS = { goodFriday: false, liberationDay: false };
const X: Address = { platform: 'local', conversationId: 'x' };
const Y: Address = { platform: 'local', conversationId: 'y' };
const LEASE = 60_000;

/** 25 March 2027 12:00 CET: the 7-day reminder of the yearly 1 April deadline is due (09:00 that Thursday). */
const MARCH_25 = new Date('2027-03-25T12:00:00+01:00');

function passOptions(store: Store, now: Date): SchedulerPassOptions {
  return { store, knowledge: testKnowledge(), adapters: new Map(), holidays: HOLIDAYS, log: silentLogger, now, clock: () => now, minIntervalMs: 0, leaseMs: LEASE };
}

function pass(store: Store, now: Date, extra: Partial<SchedulerPassOptions> = {}) {
  const adapter = recordingAdapter();
  const run = runSchedulerPass({ ...passOptions(store, now), adapters: new Map<Platform, ChatAdapter>([['local', adapter]]), ...extra });
  return run.then((result) => ({ result, adapter }));
}

/** Repeats `run(i)` (bounded; `i` counts the tries, so the pass's time can advance) until it delivers: waits out a lease on the database clock. */
async function untilDelivered<T extends { result: { delivered: unknown[] } }>(run: (i: number) => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let i = 1; ; i++) {
    const outcome = await run(i);
    if (outcome.result.delivered.length > 0 || Date.now() > deadline) return outcome;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function subscribe(store: Store, address: Address, leadDays: number[], createdAt = new Date('2027-01-01T10:00:00Z'), extra: { insurers?: string[] | 'all' } = {}) {
  return store.addSubscription({ address, insurers: extra.insurers ?? 'all', sectors: 'all', leadDays, language: 'en' }, createdAt);
}

/**
 * Exactly-once delivery over a real store, run against every backend (called from each store's
 * test file through `describeStoreContract`'s targets).
 */
export function describeSchedulerContract(target: StoreTarget): void {
  describe(`Scheduler contract: ${target.label}`, () => {
    const db = useFreshDatabase(target);

    it('delivers the 7-day reminder of 1 April 2027 once across repeated passes', async () => {
      const store = await db.open();
      const sub = await subscribe(store, X, [7]);
      const first = await pass(store, MARCH_25);
      expect(first.result.delivered.map((d) => [d.milestoneId, d.date, d.leadDays, d.late])).toEqual([[POLICY_BY_APRIL_1, '2027-04-01', 7, false]]);
      expect(first.result.delivered[0]).toMatchObject({ subscriptionId: sub.id, channel: 'local:x' });
      expect(first.adapter.sent[0]?.reply.fallbackText).toMatch(/Thursday 1 April 2027, 7 days left/);
      for (const later of [MARCH_25, new Date(MARCH_25.getTime() + 60_000), new Date('2027-03-26T09:00:00+01:00')]) {
        expect((await pass(store, later)).result.delivered).toEqual([]);
      }
    });

    it('does not repeat a delivery after a restart (close and reopen the store)', async () => {
      const store = await db.open();
      await subscribe(store, X, [7]);
      expect((await pass(store, MARCH_25)).result.delivered).toHaveLength(1);
      await store.close();
      const reopened = await db.open();
      expect((await pass(reopened, new Date(MARCH_25.getTime() + 3_600_000))).result.delivered).toEqual([]);
    });

    it('delivers each occurrence once when two independent connections run passes at the same time', async () => {
      const setup = await db.open();
      for (const c of ['a', 'b', 'c', 'd']) await subscribe(setup, { platform: 'local', conversationId: c }, [7]);
      const slow = () => recordingAdapter('local', async () => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        return { ok: true };
      });
      const [one, two] = [await db.open(), await db.open()];
      const [a, b] = [slow(), slow()];
      const options = { knowledge: testKnowledge(), holidays: HOLIDAYS, log: silentLogger, now: MARCH_25, clock: () => MARCH_25, minIntervalMs: 0, leaseMs: LEASE };
      const [ra, rb] = await Promise.all([
        runSchedulerPass({ ...options, store: one, adapters: new Map([['local', a]]) }),
        runSchedulerPass({ ...options, store: two, adapters: new Map([['local', b]]) }),
      ]);
      const all = [...ra.delivered, ...rb.delivered].map((d) => `${d.channel} ${d.milestoneId} ${d.leadDays}`).sort();
      expect(all).toEqual(['local:a', 'local:b', 'local:c', 'local:d'].map((c) => `${c} ${POLICY_BY_APRIL_1} 7`));
      expect(a.sent.length + b.sent.length).toBe(4);
    });

    it('delivers each occurrence once when two scheduler processes race on one database', async () => {
      const setup = await db.open();
      const conversations = Array.from({ length: 40 }, (_, i) => `p${i}`);
      for (const c of conversations) await subscribe(setup, { platform: 'local', conversationId: c }, [7]);
      const children = [0, 1].map(() => spawnPass({ databaseUrl: db.url(), now: MARCH_25, leaseMs: LEASE, mode: 'deliver' }));
      await Promise.all(children.map((c) => c.ready));
      for (const c of children) c.go();
      const [first, second] = await Promise.all(children.map((c) => c.done));
      expect([first?.code, second?.code], `${first?.stderr}\n${second?.stderr}`).toEqual([0, 0]);
      const channels = [...(first?.deliveries ?? []), ...(second?.deliveries ?? [])].map((d) => d.channel).sort();
      expect(channels).toEqual(conversations.map((c) => `local:${c}`).sort());
      expect((await pass(setup, MARCH_25)).result.delivered).toEqual([]);
    }, 60_000);

    it('after a kill between claim and send, delivers exactly once when the lease has run out', async () => {
      const setup = await db.open();
      await subscribe(setup, X, [7]);
      const lease = 1500;
      const killed = spawnPass({ databaseUrl: db.url(), now: MARCH_25, leaseMs: lease, mode: 'kill-after-claim' });
      await killed.ready;
      killed.go();
      const outcome = await killed.done;
      expect(outcome.signal, outcome.stderr).toBe('SIGKILL');
      expect(outcome.deliveries).toEqual([]);
      // Within the lease the claim still holds, whatever the process clock says: nobody sends.
      expect((await pass(setup, new Date(MARCH_25.getTime() + 3_600_000))).result.delivered).toEqual([]);
      // After it (database clock), exactly one delivery, then none.
      const later = new Date(MARCH_25.getTime() + 2 * 3_600_000);
      const retried = await untilDelivered((i) => pass(setup, new Date(later.getTime() + i * 60_000)), 10_000);
      expect(retried.result.delivered.map((d) => [d.milestoneId, d.leadDays])).toEqual([[POLICY_BY_APRIL_1, 7]]);
      expect(retried.adapter.sent[0]?.tag).toMatchObject({ mayHaveArrived: true });
      expect((await pass(setup, new Date(later.getTime() + 3_600_000))).result.delivered).toEqual([]);
    }, 60_000);

    it('sends one message per deadline to a conversation with several matching subscriptions, in the newest one\'s language', async () => {
      const store = await db.open();
      await store.addSubscription({ address: X, insurers: ['VGZ'], sectors: 'all', leadDays: [7], language: 'en' }, new Date('2027-01-01T10:00:00Z'));
      await store.addSubscription({ address: X, insurers: 'all', sectors: 'all', leadDays: [14, 7], language: 'nl' }, new Date('2027-01-02T10:00:00Z'));
      await subscribe(store, Y, [7]);
      const first = await pass(store, MARCH_25);
      const april1 = first.adapter.sent.filter((s) => s.to.conversationId === 'x');
      expect(april1).toHaveLength(1);
      expect(april1[0]?.reply.language).toBe('nl');
      expect(first.result.delivered.map((d) => d.channel).sort()).toEqual(['local:x', 'local:y']);
      expect((await store.listDeliveries({ fromDate: '2027-04-01', toDate: '2027-04-01' })).map((d) => [d.conversation, d.leadDays, d.status])).toEqual([
        ['local:x', 7, 'delivered'],
        ['local:y', 7, 'delivered'],
      ]);
      expect((await pass(store, new Date(MARCH_25.getTime() + 60_000))).adapter.sent).toEqual([]);
    });

    it('reads due conversations in pages, each conversation whole: one message per deadline and conversation', async () => {
      const store = await db.open();
      for (const c of ['a', 'b', 'c', 'd', 'e']) {
        await subscribe(store, { platform: 'local', conversationId: c }, [7]);
        await store.addSubscription({ address: { platform: 'local', conversationId: c }, insurers: 'all', sectors: 'all', leadDays: [7], language: 'nl' }, new Date('2027-01-02T10:00:00Z'));
      }
      const paged = await pass(store, MARCH_25, { conversationPage: 2 });
      expect(paged.result.subscriptionsRead).toBe(10);
      expect(paged.adapter.sent.map((s) => `${s.to.conversationId} ${s.reply.language}`).sort()).toEqual(['a nl', 'b nl', 'c nl', 'd nl', 'e nl']);
    });

    it('reads only due subscriptions: after a busy pass the next one reads none until the next lead is due', async () => {
      const store = await db.open();
      for (const c of ['a', 'b', 'c']) await subscribe(store, { platform: 'local', conversationId: c }, [7, 1]);
      const busy = await pass(store, MARCH_25);
      expect(busy.result.subscriptionsRead).toBe(3);
      expect(busy.result.delivered).toHaveLength(3);
      const quiet = await pass(store, new Date(MARCH_25.getTime() + 60_000));
      expect(quiet.result.subscriptionsRead).toBe(0);
      // The 1-day reminder: Wednesday 31 March 09:00 CEST.
      expect((await pass(store, new Date('2027-03-31T06:59:00Z'))).result.subscriptionsRead).toBe(0);
      const next = await pass(store, new Date('2027-03-31T07:00:00Z'));
      expect(next.result.subscriptionsRead).toBe(3);
      expect(next.result.delivered.map((d) => d.leadDays)).toEqual([1, 1, 1]);
    });

    it('completes a delivery whose earlier attempt arrived instead of posting it again', async () => {
      const store = await db.open();
      await subscribe(store, X, [7]);
      const tagging = taggingAdapter();
      // The first attempt arrives, but its sender dies before the commit (a 0 ms lease has run out).
      await runSchedulerPass({ ...passOptions(store, MARCH_25), adapters: new Map([['local', recordingAdapter('local', (_to, _n, tag) => (tag && tagging.arrived.add(tag.id), { ok: false, reason: 'unknown', message: 'timeout' }))]]), retryDelay: () => 0 });
      const second = await runSchedulerPass({ ...passOptions(store, MARCH_25), adapters: new Map([['local', tagging]]) });
      expect(second.recovered.map((d) => d.channel)).toEqual(['local:x']);
      expect(second.delivered).toEqual([]);
      expect(tagging.sent).toEqual([]);
      expect((await store.listDeliveries({ fromDate: '2027-04-01', toDate: '2027-04-01' }))[0]).toMatchObject({ status: 'delivered', attempt: 2 });
    });

    it('catches up after downtime with one late reminder per occurrence while the milestone is ahead', async () => {
      const store = await db.open();
      await subscribe(store, X, [30, 14, 7, 1], new Date('2027-02-01T10:00:00Z'));
      // Down from before the 30-day reminder (2 March) until Monday 29 March: 30, 14 and 7 were missed.
      const late = await pass(store, new Date('2027-03-29T10:00:00+02:00'));
      const april1 = late.result.delivered.filter((d) => d.date === '2027-04-01');
      expect(april1.map((d) => [d.milestoneId, d.leadDays, d.late])).toEqual([[POLICY_BY_APRIL_1, 7, true]]);
      expect(late.adapter.sent[0]?.reply.fallbackText).toMatch(/sent later than planned/);
      expect((await pass(store, new Date('2027-03-30T10:00:00+02:00'))).result.delivered.filter((d) => d.date === '2027-04-01')).toEqual([]);
      // The 1-day reminder (Wednesday 31 March 09:00) is on time again.
      const onTime = await pass(store, new Date('2027-03-31T09:00:00+02:00'));
      expect(onTime.result.delivered.filter((d) => d.date === '2027-04-01').map((d) => [d.leadDays, d.late])).toEqual([[1, false]]);
    });

    it('drops reminders whose milestone has passed during downtime', async () => {
      const store = await db.open();
      await subscribe(store, X, [7, 1], new Date('2027-02-01T10:00:00Z'));
      const after = await pass(store, new Date('2027-04-02T10:00:00+02:00'));
      expect(after.result.delivered.filter((d) => d.date <= '2027-04-02')).toEqual([]);
      expect(after.adapter.sent.filter((s) => /1 April 2027/.test(s.reply.fallbackText))).toEqual([]);
    });

    it('sends at 09:00 Amsterdam on the previous working day, across 29 March and 25 October 2026', async () => {
      const store = await db.open();
      await subscribe(store, X, [3, 2], new Date('2026-01-05T10:00:00Z'));
      await subscribe(store, Y, [2, 1], new Date('2026-01-05T10:00:00Z'));
      const milestones = [datedMilestone('test-dst-spring', '2026-04-01'), datedMilestone('test-dst-autumn', '2026-10-27')];
      const at = async (iso: string) => (await pass(store, new Date(iso), { knowledge: knowledgeWithMilestones(milestones) })).result.delivered.map((d) => `${d.channel} ${d.milestoneId} ${d.leadDays}`).sort();
      // Lead 3 of Wednesday 1 April: Sunday 29 March → Friday 27 March 09:00 CET (08:00Z).
      expect(await at('2026-03-27T07:59:00Z')).toEqual([]);
      expect(await at('2026-03-27T08:00:00Z')).toEqual(['local:x test-dst-spring 3']);
      // Lead 2: Monday 30 March 09:00 CEST (07:00Z), the first morning after the clock change.
      expect(await at('2026-03-30T06:59:00Z')).toEqual([]);
      expect(await at('2026-03-30T07:00:00Z')).toEqual(['local:x test-dst-spring 2', 'local:y test-dst-spring 2']);
      // Lead 2 of Tuesday 27 October: Sunday 25 October → Friday 23 October 09:00 CEST (07:00Z).
      expect(await at('2026-10-23T07:00:00Z')).toEqual(['local:x test-dst-autumn 2', 'local:y test-dst-autumn 2']);
      // Lead 1: Monday 26 October 09:00 CET (08:00Z), the first morning after the clock change.
      expect(await at('2026-10-26T07:59:00Z')).toEqual([]);
      expect(await at('2026-10-26T08:00:00Z')).toEqual(['local:y test-dst-autumn 1']);
    });

    it('moves a due date off Easter Monday and Christmas', async () => {
      const store = await db.open();
      await subscribe(store, X, [7], new Date('2026-01-05T10:00:00Z'));
      const milestones = [datedMilestone('test-easter', '2026-04-13'), datedMilestone('test-christmas', '2027-01-01')];
      const at = async (iso: string) => (await pass(store, new Date(iso), { knowledge: knowledgeWithMilestones(milestones) })).result.delivered.map((d) => d.milestoneId);
      // 13 April − 7 = Easter Monday 6 April → Friday 3 April (Good Friday is a working day by default).
      expect(await at('2026-04-03T06:59:00Z')).toEqual([]);
      expect(await at('2026-04-03T07:00:00Z')).toEqual(['test-easter']);
      // 1 January 2027 − 7 = Christmas Day (Friday 25 December) → Thursday 24 December 09:00 CET.
      expect(await at('2026-12-24T07:59:00Z')).toEqual([]);
      expect(await at('2026-12-24T08:00:00Z')).toEqual(['test-christmas']);
    });

    it('disables the subscriptions of an unreachable conversation with a log line', async () => {
      const store = await db.open();
      await subscribe(store, X, [7]);
      await subscribe(store, X, [7], undefined, { insurers: ['VGZ'] });
      const lines: string[] = [];
      const gone = recordingAdapter('local', () => ({ ok: false, reason: 'unreachable', message: 'channel_not_found' }));
      const result = await runSchedulerPass({
        store,
        knowledge: testKnowledge(),
        adapters: new Map([['local', gone]]),
        holidays: HOLIDAYS,
        log: createLogger('info', (l) => lines.push(l)),
        now: MARCH_25,
        clock: () => MARCH_25,
        minIntervalMs: 0,
      });
      expect(result.unreachable).toEqual(['local:x']);
      expect(result.delivered).toEqual([]);
      expect(await store.listSubscriptions({ activeOnly: true })).toEqual([]);
      expect(lines.some((l) => /unreachable/.test(l) && /local:x/.test(l))).toBe(true);
      expect((await pass(store, new Date(MARCH_25.getTime() + 3_600_000))).result.delivered).toEqual([]);
    });

    it('retries a failing send with backoff, then reports it as failed for good', async () => {
      const store = await db.open();
      await subscribe(store, X, [7]);
      const failing = recordingAdapter('local', () => ({ ok: false, reason: 'failed', message: 'HTTP 400' }));
      let delay = 60_000;
      const run = async (now: Date) =>
        (await runSchedulerPass({ ...passOptions(store, now), adapters: new Map([['local', failing]]), maxAttempts: 3, retryDelay: () => delay })).failed.map((f) => [f.channel, f.attempt, f.retryAt?.getTime() ?? null, f.outcome]);
      expect(await run(MARCH_25)).toEqual([['local:x', 1, MARCH_25.getTime() + 60_000, 'failed']]);
      // Before the backoff has passed (database clock) nothing is tried, whatever the process clock says.
      expect(await run(new Date(MARCH_25.getTime() + 3_600_000))).toEqual([]);
      // With no backoff: attempts 2 and 3 right away, then given up.
      delay = 0;
      await subscribe(store, Y, [7]);
      expect(await run(MARCH_25)).toEqual([['local:y', 1, MARCH_25.getTime(), 'failed']]);
      expect(await run(MARCH_25)).toEqual([['local:y', 2, MARCH_25.getTime(), 'failed']]);
      expect(await run(MARCH_25)).toEqual([['local:y', 3, null, 'failed']]);
      // Given up: a working adapter later does not send it.
      expect((await pass(store, MARCH_25)).result.delivered).toEqual([]);
      expect((await store.listDeliveries({ fromDate: '2027-04-01', toDate: '2027-04-01' })).map((d) => [d.conversation, d.status, d.attempt])).toEqual([
        ['local:x', 'retry', 1],
        ['local:y', 'failed', 3],
      ]);
    });

    it('treats an unknown outcome as possibly arrived: the retry carries the same claim id and asks to check', async () => {
      const store = await db.open();
      await subscribe(store, X, [7]);
      const slow = recordingAdapter('local', (_to, attempt) => (attempt === 1 ? { ok: false, reason: 'unknown', message: 'timeout' } : { ok: true }));
      const tags: (string | boolean | undefined)[][] = [];
      const spy = { ...slow, send: async (...args: Parameters<typeof slow.send>) => (tags.push([args[2]?.id, args[2]?.mayHaveArrived]), slow.send(...args)) };
      const first = await runSchedulerPass({ ...passOptions(store, MARCH_25), adapters: new Map([['local', spy]]), retryDelay: () => 0 });
      expect(first.failed.map((f) => f.outcome)).toEqual(['unknown']);
      const second = await runSchedulerPass({ ...passOptions(store, MARCH_25), adapters: new Map([['local', spy]]) });
      expect(second.delivered).toHaveLength(1);
      expect(tags[0]?.[0]).toBe(tags[1]?.[0]);
      expect(tags.map((t) => t[1])).toEqual([false, true]);
    });
  });
}

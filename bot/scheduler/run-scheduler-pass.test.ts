import { afterEach, describe, expect, it } from 'vitest';
import { knowledgeWithMilestones, testKnowledge } from '../../knowledge/test-support/test-knowledge.js';
import type { Store } from '../../handlers/store.js';
import { createLogger, silentLogger } from '../logger.js';
import { openStore } from '../storage/open-store.js';
import { runSchedulerPass } from './run-scheduler-pass.js';
import { recordingAdapter } from './test-support/recording-adapter.js';
import { datedMilestone } from './test-support/test-milestones.js';

const HOLIDAYS = { goodFriday: false, liberationDay: false };
const NOW = new Date('2027-03-25T12:00:00+01:00');
let store: Store;
afterEach(async () => store?.close());

describe('runSchedulerPass', () => {
  it('sends at most one message per second to a conversation (other conversations in parallel)', async () => {
    store = await openStore('file::memory:');
    const created = new Date('2027-01-01T10:00:00Z');
    await store.addSubscription({ address: { platform: 'local', conversationId: 'busy' }, insurers: 'all', sectors: 'all', leadDays: [7], language: 'en' }, created);
    await store.addSubscription({ address: { platform: 'local', conversationId: 'quiet' }, insurers: 'all', sectors: 'all', leadDays: [7], language: 'en' }, created);
    const milestones = ['a', 'b', 'c'].map((s) => datedMilestone(`m-${s}`, '2027-04-01', { actor: s === 'a' ? 'zorgaanbieder' : s === 'b' ? 'NZa' : 'zorgverzekeraar' }));
    // A virtual clock: sleeping advances it, so the test checks the spacing without waiting.
    let t = NOW.getTime();
    const sleeps: number[] = [];
    const sendTimes = new Map<string, number[]>();
    const adapter = recordingAdapter('local', (to) => {
      sendTimes.set(to.conversationId, [...(sendTimes.get(to.conversationId) ?? []), t]);
      return { ok: true };
    });
    const result = await runSchedulerPass({ 
      store, knowledge: knowledgeWithMilestones(milestones), adapters: new Map([['local', adapter]]), holidays: HOLIDAYS, log: silentLogger, now: NOW,
      clock: () => new Date(t),
      sleep: async (ms) => { sleeps.push(ms); t += ms; },
      concurrency: 1,
    });
    expect(result.delivered).toHaveLength(6);
    for (const times of sendTimes.values()) {
      expect(times).toHaveLength(3);
      for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(1000);
    }
    expect(sleeps).toEqual([1000, 1000, 1000, 1000]);
  });

  it('leaves reminders for platforms without a running adapter unclaimed, and treats a throwing adapter as a failed send', async () => {
    store = await openStore('file::memory:');
    const created = new Date('2027-01-01T10:00:00Z');
    await store.addSubscription({ address: { platform: 'slack', conversationId: 'C1' }, insurers: 'all', sectors: 'all', leadDays: [7], language: 'nl' }, created);
    await store.addSubscription({ address: { platform: 'local', conversationId: 'x' }, insurers: 'all', sectors: 'all', leadDays: [7], language: 'nl' }, created);
    const lines: string[] = [];
    const throwing = recordingAdapter('local', () => {
      throw new Error('socket hang up');
    });
    const result = await runSchedulerPass({ store, knowledge: testKnowledge(), adapters: new Map([['local', throwing]]), holidays: HOLIDAYS, log: createLogger('warn', (l) => lines.push(l)), now: NOW, minIntervalMs: 0 });
    expect(result.withoutAdapter).toBe(1);
    expect(result.failed.map((f) => [f.channel, f.error, f.attempt])).toEqual([['local:x', 'socket hang up', 1]]);
    expect(lines.some((l) => l.includes('"platform":"slack"'))).toBe(true);
    const states = await store.listDeliveries({ fromDate: '2027-04-01', toDate: '2027-04-01' });
    expect(states.map((s) => s.conversation)).toEqual(['local:x']); // the Slack one was never claimed
  });

  it('writes the reminder in the subscription language with Done and Snooze buttons', async () => {
    store = await openStore('file::memory:');
    await store.addSubscription({ address: { platform: 'local', conversationId: 'x' }, insurers: 'all', sectors: 'all', leadDays: [7], language: 'nl' }, new Date('2027-01-01T10:00:00Z'));
    const adapter = recordingAdapter();
    await runSchedulerPass({ store, knowledge: testKnowledge(), adapters: new Map([['local', adapter]]), holidays: HOLIDAYS, log: silentLogger, now: NOW, minIntervalMs: 0 });
    const reply = adapter.sent[0]?.reply;
    expect(reply?.language).toBe('nl');
    expect(reply?.fallbackText).toMatch(/donderdag 1 april 2027, nog 7 dagen/);
    const actions = reply?.blocks.find((b) => b.kind === 'actions');
    expect(actions?.kind === 'actions' && actions.buttons.map((b) => [b.id, b.label])).toEqual([['reminder.done', 'Klaar'], ['reminder.snooze', '1 dag snoozen'], ['reminder.snooze', '3 dagen'], ['reminder.snooze', '1 week'], ['reminder.snooze', 'Tot volgende herinnering']]);
  });
});

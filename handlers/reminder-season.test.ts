import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../bot/logger.js';
import { runSchedulerPass } from '../bot/scheduler/run-scheduler-pass.js';
import { recordingAdapter, type RecordingAdapter } from '../bot/scheduler/test-support/recording-adapter.js';
import { openStore } from '../bot/storage/open-store.js';
import { addDays, amsterdamInstant } from '../knowledge/dates/calendar-date.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { testKnowledge } from '../knowledge/test-support/test-knowledge.js';
import type { HandlerContext } from './context.js';
import { decodeReminderAction } from './reminder-message.js';
import { handlers } from './registry.js';
import { createRouter } from './router.js';
import type { Store } from './store.js';
import type { Address, Reply } from './types.js';
import { knowledgeWithFuturePolicy } from './test-support/future-policy.js';

const HOLIDAYS = { goodFriday: false, liberationDay: false };
const GGZ: Address = { platform: 'slack', conversationId: 'CGGZ', userId: 'U1' };
const GP: Address = { platform: 'slack', conversationId: 'CGP', userId: 'U2' };
const MIXED: Address = { platform: 'slack', conversationId: 'CMIX', userId: 'U3' };
let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

function chat(s: Store, kb: KnowledgeBase) {
  const route = createRouter(handlers);
  const context = (now: Date): HandlerContext => ({ knowledge: kb, now, holidays: HOLIDAYS, store: async () => s, log: silentLogger });
  return (text: string, address: Address, now: Date): Promise<Reply> => route({ address, text, receivedAt: now }, context(now));
}

/** What the reminder of a sent message is about: its milestones, from the Done button's value. */
function milestonesOf(kb: KnowledgeBase, reply: Reply) {
  const actions = reply.blocks.find((b) => b.kind === 'actions');
  const done = actions?.kind === 'actions' ? actions.buttons.find((b) => b.id === 'reminder.done') : undefined;
  const value = decodeReminderAction(done?.value);
  if (!value) throw new Error(`reminder without a Done button: ${reply.fallbackText.slice(0, 80)}`);
  return { ids: value.milestoneIds, date: value.occurrenceDate, milestones: value.milestoneIds.map((id) => kb.milestones.find((m) => m.id === id)!) };
}

describe('reminders over a whole season', () => {
  it('a ggz channel never receives a huisartsenzorg step, a GP channel never a ggz step, and two subscriptions in one channel bring one message per deadline', async () => {
    const kb = knowledgeWithFuturePolicy();
    store = await openStore('file::memory:');
    const say = chat(store, kb);
    const start = new Date('2026-08-31T10:00:00+02:00');
    expect((await say('this channel is about ggz', GGZ, start)).fallbackText).toMatch(/this channel is about ggz/);
    const ggz = await say('remind this channel about VGZ 14,7,1', GGZ, start);
    // The subscription named only an insurer: it took the channel's sector, and says what it brings.
    expect(ggz.fallbackText).toMatch(/deadlines of VGZ \(ggz\)/);
    expect(ggz.fallbackText).toMatch(/Next reminders:\n• Thursday 17 September 2026 09:00: Apply for a contract \(VGZ\), 14 days before Thursday 1 October 2026/);
    expect((await say('dit kanaal gaat over huisartsenzorg', GP, start)).fallbackText).toMatch(/dit kanaal gaat over huisartsenzorg/);
    expect((await say('herinner dit kanaal aan alle deadlines 7,1', GP, start)).fallbackText).toMatch(/alle zorgverzekeraars \(huisartsenzorg\)/);
    await say('remind this channel about VGZ in English', MIXED, start);
    await say('herinner dit kanaal aan alle deadlines', MIXED, new Date(start.getTime() + 60_000));

    const adapter: RecordingAdapter = recordingAdapter('slack');
    for (let day = '2026-09-01'; day <= '2027-11-30'; day = addDays(day, 1)) {
      await runSchedulerPass({ store, knowledge: kb, adapters: new Map([['slack', adapter]]), holidays: HOLIDAYS, log: silentLogger, now: amsterdamInstant(day, 9, 0), minIntervalMs: 0 });
    }
    const to = (a: Address) => adapter.sent.filter((s) => s.to.conversationId === a.conversationId).map((s) => ({ ...milestonesOf(kb, s.reply), text: s.reply.fallbackText, language: s.reply.language }));

    const ggzSent = to(GGZ);
    expect(ggzSent.length).toBe(12); // 4 VGZ 2027 steps × 3 leads
    for (const s of ggzSent) for (const m of s.milestones) expect(m.sector, s.text.slice(0, 80)).toBe('ggz');
    const gpSent = to(GP);
    expect(gpSent.length).toBeGreaterThan(20);
    for (const s of gpSent) for (const m of s.milestones) expect(m.sector, s.text.slice(0, 80)).toBe('huisartsenzorg');

    // Two subscriptions (English VGZ, Dutch everything) in one channel: one message per deadline and lead.
    const mixed = to(MIXED);
    expect(mixed.length).toBe(16); // the VGZ subscription set the channel's sector (ggz), the second one took it: 4 steps × 4 leads
    const keys = mixed.map((s) => `${s.ids[0]}@${s.date}|${s.text.match(/(\d+) (?:days|dagen)/)?.[1] ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
    const deliveries = await store.listDeliveries({ fromDate: '2026-09-01', toDate: '2027-12-31' });
    const mixedDeliveries = deliveries.filter((d) => d.conversation === 'slack:CMIX');
    expect(mixedDeliveries.length).toBe(mixed.length);
    // The conversation's newest subscription decides the language of every message.
    expect(new Set(mixed.map((s) => s.language))).toEqual(new Set(['nl']));
  }, 120_000);

  it('subscribing to an insurer with no future milestone says so, names the loaded policy and how to add the new one', async () => {
    store = await openStore('file::memory:');
    const say = chat(store, testKnowledge());
    const now = new Date('2026-09-01T10:00:00+02:00');
    const reply = await say('remind this channel about Zorg en Zekerheid', GGZ, now);
    expect(reply.fallbackText).toMatch(/No reminders lie ahead for this filter\. Loaded for this filter \(ggz\): the 2024 policy of Zorg en Zekerheid \(ggz, last date March 2025\)\./);
    expect(reply.fallbackText).toContain('`contractbot documents add <file>`');
    const nl = await say('welke herinneringen staan hier?', GGZ, now);
    expect(nl.fallbackText).toMatch(/Er liggen voor dit filter geen herinneringen in het verschiet\. Geladen voor dit filter \(ggz\): het inkoopbeleid 2024 van Zorg en Zekerheid/);
    // An insurer without any loaded policy: said plainly.
    const cz = await say('remind this channel about CZ', { platform: 'slack', conversationId: 'CCZ' }, now);
    expect(cz.fallbackText).toMatch(/No policy of CZ is loaded for this filter/);
  });

  it('asks once which sector a channel is about, and applies the answer to its subscriptions', async () => {
    store = await openStore('file::memory:');
    const say = chat(store, testKnowledge());
    const now = new Date('2026-09-01T10:00:00+02:00');
    const first = await say('remind this channel about all deadlines', GGZ, now);
    expect(first.fallbackText).toMatch(/Which care sector is this channel about\?/);
    const second = await say('remind this channel about all deadlines 7', GGZ, now);
    expect(second.fallbackText).not.toMatch(/Which care sector/);
    expect((await say('this channel is about ggz', GGZ, now)).fallbackText).toMatch(/2 reminder subscription\(s\) here now follow ggz only/);
    expect((await store.listSubscriptions({ conversation: GGZ })).map((s) => s.sectors)).toEqual([['ggz'], ['ggz']]);
    expect((await say('dit kanaal gaat over tandartsen', GGZ, now)).fallbackText).toMatch(/Sector "tandartsen" ken ik niet/);
    expect(await store.conversationSector(GGZ)).toBe('ggz');
  });
});

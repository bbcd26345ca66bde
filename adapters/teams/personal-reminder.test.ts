import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { route } from '../../bot/core.js';
import { silentLogger } from '../../bot/logger.js';
import { runSchedulerPass } from '../../bot/scheduler/run-scheduler-pass.js';
import { testKnowledge } from '../../knowledge/test-support/test-knowledge.js';
import { startConnectorStandIn, type ConnectorCall, type ConnectorStandIn } from './test-support/connector-stand-in.js';
import { startTeamsHarness, teamsMessage, type TeamsHarness } from './test-support/teams-harness.js';

const HOLIDAYS = { goodFriday: false, liberationDay: false };
const CHANNEL = '19:contracting-team@thread.tacv2';
const ANNA = { id: '29:anna', name: 'Anna', aadObjectId: 'aad-anna' };
const BOB = { id: '29:bob', name: 'Bob', aadObjectId: 'aad-bob' };
const ANNA_CHAT = 'a:1aad-anna-personal';

/** The visible text of a connector call: its text and the TextBlocks of its cards. */
function visible(call: ConnectorCall | undefined): string {
  const parts: string[] = [String(call?.body.text ?? '')];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') parts.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(call?.body.attachments ?? []);
  return parts.join('\n');
}

describe('personal reminders over Teams (CloudAdapter over HTTP, real core, stand-in Bot Connector)', () => {
  let connector: ConnectorStandIn;
  let harness: TeamsHarness;
  beforeAll(async () => {
    connector = await startConnectorStandIn();
    harness = await startTeamsHarness({ core: (message, context) => route(message, context) });
  });
  afterAll(async () => {
    await harness.close();
    await connector.close();
  });

  const mention = (from: typeof ANNA, id: string, text: string) =>
    harness.post(teamsMessage({ serviceUrl: connector.serviceUrl, conversationId: CHANNEL, conversationType: 'channel', id, text: `<at>ContractBot</at> ${text}`, mention: true, from }));

  it('"remind me" in a channel reminds that user in their personal chat with the bot, at their time of day, once', async () => {
    // Anna has a personal chat with the bot: the reference stored from it is how the bot reaches her there.
    expect((await harness.post(teamsMessage({ serviceUrl: connector.serviceUrl, conversationId: ANNA_CHAT, conversationType: 'personal', id: 'p-1', text: 'hello', from: ANNA }))).status).toBe(200);
    expect(await harness.store.getConversationReference({ platform: 'teams', conversationId: 'user:aad-anna' })).toMatchObject({ conversation: { id: ANNA_CHAT } });

    const before = connector.calls.length;
    expect((await mention(ANNA, 'c-1', 'remind me personally at 14:00 about all deadlines, a week before')).status).toBe(200);
    const answer = connector.calls.at(-1);
    expect(connector.calls.length).toBeGreaterThan(before);
    expect(answer?.conversationId.startsWith(CHANNEL)).toBe(true);
    expect(visible(answer)).toContain('remind you personally (in a direct message)');
    const subscriptions = await harness.store.listSubscriptions();
    expect(subscriptions).toMatchObject([{ address: { platform: 'teams', conversationId: 'user:aad-anna' }, timeOfDay: '14:00', leadDays: [7] }]);

    const adapter = harness.part.adapter;
    if (!adapter) throw new Error('no Teams adapter');
    const pass = (iso: string) => runSchedulerPass({ store: harness.store, knowledge: testKnowledge(), adapters: new Map([['teams', adapter]]), holidays: HOLIDAYS, log: silentLogger, now: new Date(iso), minIntervalMs: 0 });
    const reminders = () => connector.calls.filter((c) => c.method === 'POST' && !c.conversationId.startsWith(CHANNEL));
    // 1 April 2026 (a yearly step) minus 7 days: Wednesday 25 March, 14:00 CET = 13:00 UTC.
    await pass('2026-03-24T12:00:00Z');
    const sentBefore = reminders().length;
    expect((await pass('2026-03-25T12:59:00Z')).delivered.filter((d) => d.date === '2026-04-01')).toEqual([]);
    const due = await pass('2026-03-25T13:00:00Z');
    expect(due.delivered.map((d) => [d.channel, d.date, d.leadDays])).toContainEqual(['teams:user:aad-anna', '2026-04-01', 7]);
    const sent = reminders().slice(sentBefore);
    expect(sent.length).toBe(due.delivered.length);
    // Posted as new messages into Anna's personal chat, never into the channel.
    expect(new Set(sent.map((c) => c.conversationId))).toEqual(new Set([ANNA_CHAT]));
    expect(sent.every((c) => c.activityId === undefined)).toBe(true);
    expect(visible(sent[0])).toContain('1 April 2026');
    // Exactly once: the same instant again sends nothing.
    expect((await pass('2026-03-25T13:00:00Z')).delivered).toEqual([]);
    expect(reminders().length).toBe(sentBefore + sent.length);
  });

  it('asks a user without a personal chat to open one first, and subscribes nothing', async () => {
    const count = (await harness.store.listSubscriptions()).length;
    await mention(BOB, 'c-2', 'remind me about all deadlines, a week before');
    expect(visible(connector.calls.at(-1))).toContain('open a chat with ContractBot first');
    expect(await harness.store.listSubscriptions()).toHaveLength(count);
  });
});

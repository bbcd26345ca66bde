import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testKnowledge } from '../../knowledge/test-support/test-knowledge.js';
import { loadConfig } from '../../bot/config.js';
import { ConfigError } from '../../bot/config-error.js';
import { silentLogger } from '../../bot/logger.js';
import { makeReply } from '../../handlers/reply.js';
import type { IncomingMessage, Reply } from '../../handlers/types.js';
import { createTeamsPart } from './teams-part.js';
import { startConnectorStandIn, type ConnectorStandIn } from './test-support/connector-stand-in.js';
import { BOT, startTeamsHarness, teamsMessage, type TeamsHarness } from './test-support/teams-harness.js';

const CHANNEL = '19:3a8c7f2e1b@thread.tacv2';
const PERSONAL = 'a:1Xk9-personal;chat';

/** A core that answers with a recognisable card or text, and replaces the card on checklist ticks. */
function core(message: IncomingMessage): Reply {
  if (message.action) {
    return makeReply(
      'escalation',
      'en',
      [{ kind: 'checklist', id: 'esc-1', title: 'Escalation VGZ', items: [{ id: '1', label: 'Reflect together', done: message.action.value === 'esc-1|1|1' }] }],
      { replaceOriginal: true },
    );
  }
  if (message.text.includes('deadline')) {
    return makeReply('deadline', 'en', [
      { kind: 'text', markdown: `You asked: ${message.text}` },
      {
        kind: 'deadlines',
        deadlines: [{ date: '2023-11-09', precision: 'day', label: 'Sign the contract', insurer: 'Zorg en Zekerheid', documentId: 'zz-ggz-2024', status: 'past', daysFromNow: -844 }],
      },
    ]);
  }
  return makeReply('question', 'en', [{ kind: 'text', markdown: `You asked: ${message.text}` }]);
}

describe('Teams part over HTTP (CloudAdapter, emulator mode)', () => {
  let connector: ConnectorStandIn;
  let harness: TeamsHarness;
  let fakeNow = 1_000_000;

  beforeAll(async () => {
    connector = await startConnectorStandIn();
    harness = await startTeamsHarness({
      core,
      part: {
        retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20 },
        random: () => 0.5,
        now: () => fakeNow,
        sleep: async (ms) => {
          fakeNow += ms;
        },
      },
    });
  });
  afterAll(async () => {
    await harness.close();
    await connector.close();
  });
  afterEach(() => {
    connector.calls.length = 0;
    connector.attempts.length = 0;
    connector.respond = undefined;
    harness.handled.length = 0;
  });

  it('answers a channel mention in the thread of the message, without the mention', async () => {
    const res = await harness.post(
      teamsMessage({
        serviceUrl: connector.serviceUrl,
        conversationId: `${CHANNEL};messageid=1700000000001`,
        conversationType: 'channel',
        id: '1700000000001',
        text: `<at>${BOT.name}</at> which deadline applies to Zorg en Zekerheid?`,
        mention: true,
      }),
    );
    expect(res.status).toBe(200);
    expect(harness.handled[0]?.text).toBe('which deadline applies to Zorg en Zekerheid?');
    expect(harness.handled[0]?.address).toEqual({ platform: 'teams', conversationId: CHANNEL, threadId: '1700000000001', userId: 'aad-user-1' });

    expect(connector.calls).toHaveLength(1);
    const call = connector.calls[0]!;
    expect(call.method).toBe('POST');
    expect(call.conversationId).toBe(`${CHANNEL};messageid=1700000000001`);
    expect(call.activityId).toBe('1700000000001');
    expect(call.body.replyToId).toBe('1700000000001');
    const card = call.body.attachments[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content.version).toBe('1.5');
    expect(JSON.stringify(card.content)).toContain('Thursday 9 November 2023');
    expect(JSON.stringify(call.body)).not.toContain('<at>');

    // First contact stored the channel's reference for proactive reminders.
    const stored = (await harness.store.getConversationReference({ platform: 'teams', conversationId: CHANNEL })) as { conversation: { id: string }; serviceUrl: string };
    expect(stored.conversation.id).toBe(CHANNEL);
    expect(stored.serviceUrl).toBe(connector.serviceUrl);
  });

  it('answers a personal message as plain markdown text in the same chat', async () => {
    const res = await harness.post(
      teamsMessage({ serviceUrl: connector.serviceUrl, conversationId: PERSONAL, conversationType: 'personal', id: 'msg-p1', text: 'hello there' }),
    );
    expect(res.status).toBe(200);
    expect(harness.handled[0]?.address).toEqual({ platform: 'teams', conversationId: 'a:1Xk9-personal', userId: 'aad-user-1' });
    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]!.conversationId).toBe(PERSONAL);
    expect(connector.calls[0]!.body.text).toBe('You asked: hello there');
    expect(connector.calls[0]!.body.attachments ?? []).toHaveLength(0);
  });

  it('ignores a re-delivered activity (same id): one answer only', async () => {
    const activity = teamsMessage({ serviceUrl: connector.serviceUrl, conversationId: PERSONAL, conversationType: 'personal', id: 'msg-dup', text: 'once' });
    expect((await harness.post(activity)).status).toBe(200);
    expect((await harness.post(activity)).status).toBe(200);
    expect(connector.calls).toHaveLength(1);
  });

  it('turns an Action.Submit into an action and updates the card in place', async () => {
    const res = await harness.post(
      teamsMessage({
        serviceUrl: connector.serviceUrl,
        conversationId: `${CHANNEL};messageid=1700000000001`,
        conversationType: 'channel',
        id: 'submit-1',
        replyToId: 'card-activity-7',
        value: { action: { id: 'checklist.toggle', value: 'esc-1|1|1' } },
      }),
    );
    expect(res.status).toBe(200);
    expect(harness.handled[0]?.action).toEqual({ id: 'checklist.toggle', value: 'esc-1|1|1' });
    expect(connector.calls).toHaveLength(1);
    const call = connector.calls[0]!;
    expect(call.method).toBe('PUT');
    expect(call.activityId).toBe('card-activity-7');
    const content = call.body.attachments[0].content;
    expect(JSON.stringify(content)).toContain('Escalation VGZ (1/1)');
    expect(JSON.stringify(content)).toContain('✅');
  });

  it('answers a submit without an action shape with a clear message and no core call', async () => {
    const res = await harness.post(
      teamsMessage({ serviceUrl: connector.serviceUrl, conversationId: PERSONAL, conversationType: 'personal', id: 'submit-bad', value: { foo: 1 } }),
    );
    expect(res.status).toBe(200);
    expect(harness.handled).toHaveLength(0);
    expect(connector.calls[0]!.body.text).toContain('not recognised');
  });

  it('stores the reference on conversationUpdate (bot added to a team) and sends a proactive reminder there', async () => {
    const team = '19:general-team-channel@thread.tacv2';
    const res = await harness.post({
      type: 'conversationUpdate',
      id: 'cu-1',
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      from: { id: '29:admin' },
      recipient: BOT,
      conversation: { id: team, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
      membersAdded: [{ id: BOT.id }],
      channelData: { eventType: 'teamMemberAdded', team: { id: team }, tenant: { id: 'tenant-1' } },
    });
    expect(res.status).toBe(200);
    // The install gets the core's welcome, once.
    expect(harness.handled.at(-1)?.action?.id).toBe('app.welcome');
    expect(connector.calls).toHaveLength(1);
    connector.calls.length = 0;
    const stored = (await harness.store.getConversationReference({ platform: 'teams', conversationId: team })) as { bot: { id: string } };
    expect(stored.bot.id).toBe(BOT.id);

    const reminder = makeReply('reminder', 'en', [
      { kind: 'text', markdown: 'In 7 days: sign the contract' },
      { kind: 'actions', buttons: [{ id: 'reminder.done', label: 'Done', value: 's1|m1' }, { id: 'reminder.snooze', label: 'Snooze 1 day', value: 's1|m1' }] },
    ]);
    const result = await harness.part.adapter!.send({ platform: 'teams', conversationId: team }, reminder);
    expect(result).toEqual({ ok: true });
    expect(connector.calls).toHaveLength(1);
    const call = connector.calls[0]!;
    expect(call.method).toBe('POST');
    expect(call.conversationId).toBe(team);
    expect(call.activityId).toBeUndefined(); // a new post, not a reply to the continuation event
    const actions = call.body.attachments[0].content.body.find((e: { type: string }) => e.type === 'ActionSet').actions;
    expect(actions.map((a: { data: unknown }) => a.data)).toEqual([{ action: { id: 'reminder.done', value: 's1|m1' } }, { action: { id: 'reminder.snooze', value: 's1|m1' } }]);
  });

  it('sends a proactive message into a channel thread when the address names one', async () => {
    const result = await harness.part.adapter!.send(
      { platform: 'teams', conversationId: CHANNEL, threadId: '1700000000001' },
      makeReply('reminder', 'en', [{ kind: 'text', markdown: 'Thread reminder' }]),
    );
    expect(result).toEqual({ ok: true });
    expect(connector.calls[0]!.conversationId).toBe(`${CHANNEL};messageid=1700000000001`);
  });

  it('reports unreachable without a stored reference and when the connector answers 403', async () => {
    const reply = makeReply('reminder', 'en', [{ kind: 'text', markdown: 'x' }]);
    const missing = await harness.part.adapter!.send({ platform: 'teams', conversationId: '19:never-seen@thread.tacv2' }, reply);
    expect(missing).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(connector.attempts).toHaveLength(0);

    connector.respond = () => ({ status: 403, body: { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } } });
    const removed = await harness.part.adapter!.send({ platform: 'teams', conversationId: CHANNEL }, reply);
    expect(removed).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(connector.attempts).toHaveLength(1); // 403 is not retried
  });

  it('backs off on 429/412/502/504 and reports rate_limited, or unknown for a gateway that may have posted, after a few retries', async () => {
    const reply = makeReply('reminder', 'en', [{ kind: 'text', markdown: 'retry me' }]);
    let n = 0;
    connector.respond = () => (++n === 1 ? { status: 502 } : n === 2 ? { status: 412 } : undefined);
    expect(await harness.part.adapter!.send({ platform: 'teams', conversationId: CHANNEL }, reply)).toEqual({ ok: true });
    expect(connector.attempts).toHaveLength(3);
    expect(connector.calls).toHaveLength(1);

    connector.attempts.length = 0;
    connector.respond = () => ({ status: 429, headers: { 'retry-after': '2' } });
    const throttled = await harness.part.adapter!.send({ platform: 'teams', conversationId: CHANNEL }, reply);
    expect(throttled).toMatchObject({ ok: false, reason: 'rate_limited', retryAfterMs: 2000 });
    expect(connector.attempts).toHaveLength(3); // first try + maxRetries (2)

    connector.attempts.length = 0;
    connector.respond = () => ({ status: 504 });
    expect(await harness.part.adapter!.send({ platform: 'teams', conversationId: CHANNEL }, reply)).toMatchObject({ ok: false, reason: 'unknown' });
    expect(connector.attempts).toHaveLength(3);

    connector.attempts.length = 0;
    connector.respond = () => ({ status: 400, body: { error: { code: 'BadArgument', message: 'bad card' } } });
    expect(await harness.part.adapter!.send({ platform: 'teams', conversationId: CHANNEL }, reply)).toMatchObject({ ok: false, reason: 'failed' });
  });

  it('sends at most 7 messages per second to one conversation (limiter waits), other conversations unaffected', async () => {
    const reply = makeReply('reminder', 'en', [{ kind: 'text', markdown: 'burst' }]);
    const other = '19:other-channel@thread.tacv2';
    await harness.store.saveConversationReference(
      { platform: 'teams', conversationId: other },
      { channelId: 'msteams', serviceUrl: connector.serviceUrl, bot: BOT, conversation: { id: other } },
      new Date(),
    );
    fakeNow += 10_000; // a fresh window
    const before = fakeNow;
    const seven = await Promise.all(Array.from({ length: 7 }, () => harness.part.adapter!.send({ platform: 'teams', conversationId: other }, reply)));
    expect(seven.every((r) => r.ok)).toBe(true);
    expect(fakeNow).toBe(before); // 7 in a second: no waiting

    const results = await Promise.all(Array.from({ length: 16 }, () => harness.part.adapter!.send({ platform: 'teams', conversationId: CHANNEL }, reply)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(connector.calls.filter((c) => c.conversationId === CHANNEL)).toHaveLength(16);
    // 16 messages need three one-second windows: the limiter waited at least two seconds.
    expect(fakeNow - before).toBeGreaterThanOrEqual(2000);
    expect(fakeNow - before).toBeLessThan(3000);
  });

  it('on uninstall deletes the reference and disables the conversation subscriptions', async () => {
    const conversation = '19:group-chat-1@thread.v2';
    const activity = (action: string): Record<string, unknown> => ({
      type: 'installationUpdate',
      id: `iu-${action}`,
      action,
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      from: { id: '29:admin' },
      recipient: BOT,
      conversation: { id: conversation, conversationType: 'groupChat', isGroup: true, tenantId: 'tenant-1' },
    });
    expect((await harness.post(activity('add'))).status).toBe(200);
    const address = { platform: 'teams' as const, conversationId: conversation };
    expect(await harness.store.getConversationReference(address)).toBeDefined();
    await harness.store.addSubscription({ address, insurers: 'all', sectors: 'all', leadDays: [7], language: 'en' }, new Date());

    expect((await harness.post(activity('remove'))).status).toBe(200);
    expect(await harness.store.getConversationReference(address)).toBeUndefined();
    const subs = await harness.store.listSubscriptions({ conversation: address });
    expect(subs).toHaveLength(1);
    expect(subs[0]!.active).toBe(false);
    expect(await harness.part.adapter!.send(address, makeReply('reminder', 'en', [{ kind: 'text', markdown: 'x' }]))).toMatchObject({ reason: 'unreachable' });
  });

  it('deletes the reference when the bot is removed from a team (conversationUpdate membersRemoved)', async () => {
    const team = '19:leaving-team@thread.tacv2';
    const base = { channelId: 'msteams', serviceUrl: connector.serviceUrl, from: { id: '29:admin' }, recipient: BOT, conversation: { id: team, conversationType: 'channel' } };
    await harness.post({ ...base, type: 'conversationUpdate', id: 'cu-a', membersAdded: [{ id: BOT.id }] });
    expect(await harness.store.getConversationReference({ platform: 'teams', conversationId: team })).toBeDefined();
    await harness.post({ ...base, type: 'conversationUpdate', id: 'cu-r', membersRemoved: [{ id: BOT.id }] });
    expect(await harness.store.getConversationReference({ platform: 'teams', conversationId: team })).toBeUndefined();
  });

  it('refuses bodies that are not activities', async () => {
    const bad = await fetch(harness.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).not.toMatch(/at .*\.js/); // no stack trace
    expect((await harness.post({ text: 'no type' })).status).toBe(400);
    expect(harness.handled).toHaveLength(0);
  });
});

describe('Teams part configuration', () => {
  const deps = (env: NodeJS.ProcessEnv) => {
    const config = loadConfig({ DATABASE_URL: 'file::memory:', ...env });
    return {
      config,
      log: silentLogger,
      clock: () => new Date(),
      store: async () => {
        throw new Error('not used');
      },
      handle: async () => makeReply('unknown', 'en', []),
      knowledge: () => testKnowledge(),
      refreshKnowledge: async () => testKnowledge(),
      context: () => {
        throw new Error('not used');
      },
    };
  };

  it('is off without credentials and without TEAMS_EMULATOR', async () => {
    expect(await createTeamsPart(deps({ HOST: '127.0.0.1' }))).toBeUndefined();
  });

  it('refuses emulator mode on a non-loopback HOST with a message naming the variables', async () => {
    const attempt = createTeamsPart(deps({ TEAMS_EMULATOR: '1', HOST: '0.0.0.0' }));
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.toThrow(/TEAMS_EMULATOR.*HOST=0\.0\.0\.0.*MICROSOFT_APP_ID/s);
  });

  it('accepts emulator mode on loopback hosts', async () => {
    for (const host of ['127.0.0.1', 'localhost', '::1']) {
      expect((await createTeamsPart(deps({ TEAMS_EMULATOR: '1', HOST: host })))?.name).toBe('teams (emulator)');
    }
  });
});

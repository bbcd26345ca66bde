import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReply } from '../../handlers/reply.js';
import type { Reply } from '../../handlers/types.js';
import { eventEnvelope, postSigned } from './test-support/signed-request.js';
import { BOT_TOKEN, SIGNING_SECRET, startSlackHarness, type SlackHarness } from './test-support/slack-harness.js';
import { STAND_IN_BOT } from './test-support/slack-stand-in.js';

/** The text of every mrkdwn/plain text object in a list of blocks, joined. */
function blockText(blocks: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(blocks);
  return out.join('\n');
}

function slashCommand(text: string, responseUrl: string): Record<string, string> {
  return {
    token: 'legacy',
    team_id: 'T0001',
    team_domain: 'zorg',
    channel_id: 'C0PLANNING',
    channel_name: 'planning',
    user_id: 'U0ANNA',
    user_name: 'anna',
    command: '/contract',
    text,
    api_app_id: 'A0001',
    response_url: responseUrl,
    trigger_id: '1.2.3',
  };
}

describe('Slack app over HTTP (real Bolt, shared express server, stand-in Web API)', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('checks the token with auth.test at start-up and learns the bot ids', () => {
    const authTest = h.standIn.callsTo('auth.test');
    expect(authTest).toHaveLength(1);
    expect(authTest[0]?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(h.part.identity).toEqual({ botId: STAND_IN_BOT.botId, botUserId: STAND_IN_BOT.userId, teamId: STAND_IN_BOT.teamId });
  });

  it('answers url_verification with the challenge', async () => {
    const res = await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'json', value: { token: 'x', challenge: 'ch4ll3nge', type: 'url_verification' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'ch4ll3nge' });
  });

  it('acknowledges /contract help at once and answers through the response URL, only to the asker', async () => {
    const res = await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'form', value: slashCommand('help', h.standIn.responseUrl('cmd-help')) });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const answer = await h.standIn.waitFor((c) => c.path === '/response/cmd-help');
    expect(answer.args.response_type).toBe('ephemeral');
    expect(answer.args.replace_original).toBe(false);
    expect(String(answer.args.text)).toContain('ContractBot');
    expect(blockText(answer.args.blocks)).toContain('Zorg en Zekerheid');
    expect(h.received[0]).toMatchObject({ address: { platform: 'slack', conversationId: 'C0PLANNING', userId: 'U0ANNA' }, text: 'help' });
  });

  it('sends the ack before the answer is ready (a slow core does not delay it)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await h.close();
    h = await startSlackHarness({
      handle: async (message, core) => {
        await gate;
        return core(message);
      },
    });
    const res = await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'form', value: slashCommand('help', h.standIn.responseUrl('cmd-slow')) });
    expect(res.status).toBe(200);
    expect(h.standIn.callsTo('response')).toHaveLength(0);
    release();
    await h.standIn.waitFor((c) => c.path === '/response/cmd-slow');
  });

  it('acknowledges a slash command and a mention before Bolt\'s middleware records them (a slow store delays no ack)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await h.close();
    h = await startSlackHarness({
      wrapStore: (store) =>
        new Proxy(store, {
          get(target, name, receiver) {
            const value = Reflect.get(target, name, receiver) as unknown;
            if ((name === 'claimOnce' || name === 'markEventSeen') && typeof value === 'function') {
              return async (...args: unknown[]) => {
                await gate;
                return (value as (...a: unknown[]) => unknown).apply(target, args);
              };
            }
            return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
          },
        }),
    });
    const command = await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'form', value: slashCommand('help', h.standIn.responseUrl('cmd-gated')) });
    const mention = await postSigned(h.baseUrl, SIGNING_SECRET, {
      kind: 'json',
      value: eventEnvelope('EvGated', { type: 'app_mention', user: 'U0ANNA', text: `<@${STAND_IN_BOT.userId}> help`, ts: '1715420000.000900', channel: 'C0PLANNING' }),
    });
    expect([command.status, mention.status]).toEqual([200, 200]);
    expect(h.received).toHaveLength(0);
    release();
    await h.standIn.waitFor((c) => c.path === '/response/cmd-gated');
    await h.standIn.waitFor((c) => c.method === 'chat.postMessage');
  });

  it('accepts a form body whose content type carries a charset', async () => {
    const res = await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'form', value: slashCommand('help', h.standIn.responseUrl('cmd-charset')) }, { contentType: 'application/x-www-form-urlencoded; charset=utf-8' });
    expect(res.status).toBe(200);
    await h.standIn.waitFor((c) => c.path === '/response/cmd-charset');
  });

  it('answers an @mention in the thread of the mention, without the mention markup reaching the core', async () => {
    const event = { type: 'app_mention', user: 'U0ANNA', text: `<@${STAND_IN_BOT.userId}> help`, ts: '1715420000.000100', channel: 'C0PLANNING', event_ts: '1715420000.000100' };
    const res = await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'json', value: eventEnvelope('Ev001', event) });
    expect(res.status).toBe(200);
    const post = await h.standIn.waitFor((c) => c.method === 'chat.postMessage');
    expect(post.args).toMatchObject({ channel: 'C0PLANNING', thread_ts: '1715420000.000100' });
    expect(String(post.args.text)).toContain('ContractBot');
    expect(post.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(h.received[0]).toMatchObject({ text: 'help', address: { conversationId: 'C0PLANNING', threadId: '1715420000.000100', userId: 'U0ANNA' } });
  });

  it('answers a mention inside an existing thread in that thread', async () => {
    const event = { type: 'app_mention', user: 'U0ANNA', text: `<@${STAND_IN_BOT.userId}> help`, ts: '1715420100.000200', thread_ts: '1715420000.000100', channel: 'C0PLANNING' };
    await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'json', value: eventEnvelope('Ev002', event) });
    const post = await h.standIn.waitFor((c) => c.method === 'chat.postMessage');
    expect(post.args.thread_ts).toBe('1715420000.000100');
  });

  it('subscribes the channel, not the reply thread, for "remind this channel" from top-level mentions, and a thread only when asked', async () => {
    const mention = (id: string, text: string, ts: string, threadTs?: string) =>
      postSigned(h.baseUrl, SIGNING_SECRET, {
        kind: 'json',
        value: eventEnvelope(id, { type: 'app_mention', user: 'U0ANNA', text: `<@${STAND_IN_BOT.userId}> ${text}`, ts, channel: 'C0PLANNING', ...(threadTs ? { thread_ts: threadTs } : {}) }),
      });
    // Each top-level mention is answered in its own new thread; the subscription must not follow it.
    await mention('EvSub1', 'remind this channel about VGZ 14,7,1', '1715430000.000100');
    await h.standIn.waitFor((c) => c.method === 'chat.postMessage' && c.args.thread_ts === '1715430000.000100');
    await mention('EvSub2', 'remind this channel about VGZ 14,7,1', '1715430100.000100');
    const again = await h.standIn.waitFor((c) => c.method === 'chat.postMessage' && c.args.thread_ts === '1715430100.000100');
    expect(String(again.args.text)).toContain('already set here');
    await mention('EvSub3', 'remind this thread about CZ 7', '1715430200.000100', '1715420000.000100');
    await h.standIn.waitFor((c) => c.method === 'chat.postMessage' && c.args.thread_ts === '1715420000.000100');
    await h.part.idle();

    // The harness clock is frozen, so order by insurer rather than creation time.
    const subscriptions = (await h.store.listSubscriptions()).sort((a, b) => String(a.insurers).localeCompare(String(b.insurers))).reverse();
    expect(subscriptions.map((s) => ({ address: s.address, insurers: s.insurers, leadDays: s.leadDays }))).toEqual([
      { address: { platform: 'slack', conversationId: 'C0PLANNING' }, insurers: ['VGZ'], leadDays: [14, 7, 1] },
      { address: { platform: 'slack', conversationId: 'C0PLANNING', threadId: '1715420000.000100' }, insurers: ['CZ'], leadDays: [7] },
    ]);

    // Delivery of the channel subscription is a top-level post in the channel.
    const [channelSub] = subscriptions;
    const sent = await h.part.adapter.send(channelSub!.address, makeReply('reminder', 'en', [{ kind: 'text', markdown: 'Reminder' }]));
    expect(sent).toEqual({ ok: true });
    const delivered = h.standIn.callsTo('chat.postMessage').at(-1);
    expect(delivered?.args).toMatchObject({ channel: 'C0PLANNING' });
    expect(delivered?.args.thread_ts).toBeUndefined();
  });

  it('answers a direct message in the DM (top level), and ignores its own and system messages', async () => {
    const ignored = [
      { type: 'message', channel_type: 'im', channel: 'D0ANNA', user: STAND_IN_BOT.userId, text: 'help', ts: '1.1' },
      { type: 'message', channel_type: 'im', channel: 'D0ANNA', bot_id: 'B0OTHER', user: 'U0OTHERBOT', text: 'help', ts: '1.2' },
      { type: 'message', channel_type: 'im', channel: 'D0ANNA', subtype: 'message_changed', ts: '1.3', message: { text: 'help' } },
      { type: 'message', channel_type: 'channel', channel: 'C0PLANNING', user: 'U0ANNA', text: 'help', ts: '1.4' },
    ];
    for (const [i, event] of ignored.entries()) {
      const res = await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'json', value: eventEnvelope(`EvIgn${i}`, event) });
      expect(res.status).toBe(200);
    }
    await h.part.idle();
    expect(h.standIn.callsTo('chat.postMessage')).toHaveLength(0);
    expect(h.received).toHaveLength(0);

    const dm = { type: 'message', channel_type: 'im', channel: 'D0ANNA', user: 'U0ANNA', text: 'help', ts: '1715420200.000300' };
    await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'json', value: eventEnvelope('Ev003', dm) });
    const post = await h.standIn.waitFor((c) => c.method === 'chat.postMessage');
    expect(post.args.channel).toBe('D0ANNA');
    expect(post.args.thread_ts).toBeUndefined();
    expect(h.received).toHaveLength(1);
  });

  it('answers a re-delivered event (x-slack-retry-num) once', async () => {
    const event = { type: 'app_mention', user: 'U0ANNA', text: `<@${STAND_IN_BOT.userId}> help`, ts: '1715420300.000400', channel: 'C0PLANNING' };
    const first = await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'json', value: eventEnvelope('EvRETRY', event) });
    expect(first.status).toBe(200);
    await h.standIn.waitFor((c) => c.method === 'chat.postMessage');
    for (const n of [1, 2]) {
      const retry = await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'json', value: eventEnvelope('EvRETRY', event) }, {
        headers: { 'x-slack-retry-num': String(n), 'x-slack-retry-reason': 'http_timeout' },
      });
      expect(retry.status).toBe(200);
    }
    await h.part.idle();
    expect(h.standIn.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.received).toHaveLength(1);
  });

  it('refuses a forged signature and a 6-minute-old timestamp with 401 and posts nothing', async () => {
    const event = { type: 'app_mention', user: 'U0ANNA', text: `<@${STAND_IN_BOT.userId}> help`, ts: '1715420400.000500', channel: 'C0PLANNING' };
    const forged = await postSigned(h.baseUrl, 'not-the-secret', { kind: 'json', value: eventEnvelope('EvFORGED', event) });
    expect(forged.status).toBe(401);
    const old = await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'json', value: eventEnvelope('EvOLD', event) }, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(old.status).toBe(401);
    const forgedCommand = await postSigned(h.baseUrl, 'not-the-secret', { kind: 'form', value: slashCommand('help', h.standIn.responseUrl('cmd-forged')) });
    expect(forgedCommand.status).toBe(401);
    const unsigned = await fetch(`${h.baseUrl}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(eventEnvelope('EvNOSIG', event)) });
    expect(unsigned.status).toBe(401);
    await h.part.idle();
    expect(h.standIn.calls.filter((c) => c.method !== 'auth.test')).toHaveLength(0);
    expect(h.received).toHaveLength(0);
  });

  it('refuses an oversized body even when it is streamed without Content-Length (413), before any signature work', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 2_000_000) controller.close();
        else {
          sent += chunk.length;
          controller.enqueue(chunk);
        }
      },
    });
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit;
    const res = await fetch(`${h.baseUrl}/slack/events`, init).catch(() => undefined);
    // The server answers 413 as soon as the limit is crossed (the client may still be sending).
    expect(res?.status).toBe(413);
    expect(h.received).toHaveLength(0);
  });

  it('answers a correctly signed body that is JSON but not an object with 400 (Bolt would crash on it)', async () => {
    for (const body of [{ kind: 'json' as const, value: null }, { kind: 'json' as const, value: [1] }, { kind: 'form' as const, value: { payload: 'null' } }]) {
      const res = await postSigned(h.baseUrl, SIGNING_SECRET, body);
      expect(res.status).toBe(400);
    }
    // A correctly signed real command still works after the refused ones.
    const ok = await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'form', value: slashCommand('help', h.standIn.responseUrl('cmd-after-null')) });
    expect(ok.status).toBe(200);
    await h.part.idle();
    expect(h.received).toHaveLength(1);
  });

  it('stores "Was this helpful?" clicks through the feedback handler and thanks only the clicker', async () => {
    const value = 'en|deadline:0123456789ab';
    const payload = {
      type: 'block_actions',
      user: { id: 'U0ANNA' },
      team: { id: 'T0001' },
      api_app_id: 'A0001',
      channel: { id: 'C0PLANNING' },
      container: { type: 'message', message_ts: '1715420500.000600', channel_id: 'C0PLANNING' },
      message: { ts: '1715420500.000600', thread_ts: '1715420000.000100' },
      response_url: h.standIn.responseUrl('act-feedback'),
      trigger_id: '1.2.3',
      actions: [{ type: 'button', action_id: 'feedback.helpful', block_id: 'b1', value, action_ts: '1715420501.0' }],
    };
    const res = await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'form', value: { payload: JSON.stringify(payload) } });
    expect(res.status).toBe(200);
    const thanks = await h.standIn.waitFor((c) => c.path === '/response/act-feedback');
    expect(thanks.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(thanks.args.text)).toMatch(/feedback has been saved/);
    const feedback = await h.store.listFeedback();
    expect(feedback).toHaveLength(1);
    expect(feedback[0]).toMatchObject({ helpful: true, subject: 'deadline:0123456789ab', address: { platform: 'slack', conversationId: 'C0PLANNING', threadId: '1715420000.000100' } });
    expect(feedback[0]?.address.userId).toBeUndefined();
    expect(h.received[0]?.action).toEqual({ id: 'feedback.helpful', value });
  });

  it('updates the message in place for a replaceOriginal reply (response URL, or chat.update without one)', async () => {
    const checklistReply: Reply = makeReply(
      'escalation',
      'en',
      [{ kind: 'checklist', id: 'c1', title: 'Escalation VGZ', items: [{ id: 'reflect', label: 'Reflect together', done: true }] }],
      { replaceOriginal: true },
    );
    await h.close();
    h = await startSlackHarness({ handle: async (message, core) => (message.action?.id === 'checklist.toggle' ? checklistReply : core(message)) });
    const base = {
      type: 'block_actions',
      user: { id: 'U0ANNA' },
      team: { id: 'T0001' },
      channel: { id: 'C0PLANNING' },
      container: { type: 'message', message_ts: '1715420600.000700', channel_id: 'C0PLANNING' },
      message: { ts: '1715420600.000700' },
      actions: [{ type: 'button', action_id: 'checklist.toggle', block_id: 'b2', value: 'c1|reflect|1', action_ts: '1.0' }],
    };
    await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'form', value: { payload: JSON.stringify({ ...base, response_url: h.standIn.responseUrl('act-tick') }) } });
    const replaced = await h.standIn.waitFor((c) => c.path === '/response/act-tick');
    expect(replaced.args.replace_original).toBe(true);
    expect(blockText(replaced.args.blocks)).toContain('1/1 done');
    expect(h.received[0]?.action).toEqual({ id: 'checklist.toggle', value: 'c1|reflect|1' });

    await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'form', value: { payload: JSON.stringify(base) } });
    const updated = await h.standIn.waitFor((c) => c.method === 'chat.update');
    expect(updated.args).toMatchObject({ channel: 'C0PLANNING', ts: '1715420600.000700' });
  });

  it('publishes the App Home with the reminders of the user’s channels and the next deadlines', async () => {
    await h.store.addSubscription(
      { address: { platform: 'slack', conversationId: 'C0PLANNING' }, insurers: ['VGZ'], sectors: 'all', leadDays: [14, 7, 1], language: 'nl' },
      new Date('2026-05-01T09:00:00Z'),
    );
    await h.store.addSubscription(
      { address: { platform: 'slack', conversationId: 'C0ELSEWHERE' }, insurers: 'all', sectors: 'all', leadDays: [7], language: 'en' },
      new Date('2026-05-01T09:00:00Z'),
    );
    h.standIn.userConversations.set('U0ANNA', ['C0PLANNING', 'C0RANDOM']);
    const event = { type: 'app_home_opened', user: 'U0ANNA', channel: 'D0ANNA', tab: 'home', event_ts: '1715420700.000800' };
    const res = await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'json', value: eventEnvelope('EvHOME', event) });
    expect(res.status).toBe(200);
    const publish = await h.standIn.waitFor((c) => c.method === 'views.publish');
    expect(publish.args.user_id).toBe('U0ANNA');
    const view = publish.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    const text = blockText(view.blocks);
    expect(text).toContain('de deadlines van VGZ, 14, 7 en 1 dagen vooraf');
    expect(text).not.toContain('all insurers'); // C0ELSEWHERE: not one of Anna's channels
    expect(text).toContain('Komende deadlines');
    expect(text).toContain('/calendar.ics');
    // The first visit also gets the core's welcome in the DM, once.
    const welcome = await h.standIn.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'D0ANNA');
    expect(String(welcome.args.text)).toContain('Welkom bij ContractBot');
    await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'json', value: eventEnvelope('EvHOME2', event) });
    await h.standIn.waitFor((c) => c.method === 'views.publish' && c !== publish);
    expect(h.standIn.callsTo('chat.postMessage').filter((c) => c.args.channel === 'D0ANNA')).toHaveLength(1);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });

  it('delivers a reminder with chat.postMessage into the thread, and maps failures for the scheduler', async () => {
    const reminder = makeReply('reminder', 'nl', [
      { kind: 'text', markdown: '**Herinnering:** over 7 dagen moet het contract getekend zijn.' },
      { kind: 'actions', buttons: [{ id: 'reminder.done', label: 'Klaar', value: 's1|m1' }, { id: 'reminder.snooze', label: '1 dag later', value: 's1|m1' }] },
    ]);
    const ok = await h.part.adapter.send({ platform: 'slack', conversationId: 'C0PLANNING', threadId: '1715420000.000100' }, reminder);
    expect(ok).toEqual({ ok: true });
    const post = h.standIn.callsTo('chat.postMessage')[0];
    expect(post?.args).toMatchObject({ channel: 'C0PLANNING', thread_ts: '1715420000.000100' });
    expect(String(post?.args.text)).toContain('Herinnering: over 7 dagen');
    expect(blockText(post?.args.blocks)).toContain('*Herinnering:*');

    h.standIn.channelBehaviour.set('C0GONE', { error: 'channel_not_found' });
    h.standIn.channelBehaviour.set('C0KICKED', { error: 'not_in_channel' });
    h.standIn.channelBehaviour.set('C0BUSY', { status: 429, retryAfter: 7 });
    expect(await h.part.adapter.send({ platform: 'slack', conversationId: 'C0GONE' }, reminder)).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(await h.part.adapter.send({ platform: 'slack', conversationId: 'C0KICKED' }, reminder)).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(await h.part.adapter.send({ platform: 'slack', conversationId: 'C0BUSY' }, reminder)).toMatchObject({ ok: false, reason: 'rate_limited', retryAfterMs: 7000 });
    // The client did not retry behind the scheduler's back: one call per failed send.
    expect(h.standIn.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0BUSY')).toHaveLength(1);
  });

  it('never logs the bot token or the signing secret', async () => {
    await postSigned(h.baseUrl, 'not-the-secret', { kind: 'json', value: eventEnvelope('EvLOG', { type: 'app_mention', user: 'U1', text: 'x', ts: '1.0', channel: 'C1' }) });
    await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'form', value: slashCommand('help', h.standIn.responseUrl('cmd-log')) });
    await h.standIn.waitFor((c) => c.path === '/response/cmd-log');
    const all = h.logLines.join('\n');
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SIGNING_SECRET);
  });
});

describe('Slack app with the real escalation checklist', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('drafts a checklist in the mention thread and ticks an item in place from its button', async () => {
    const event = { type: 'app_mention', user: 'U0ANNA', text: `<@${STAND_IN_BOT.userId}> draft an escalation checklist for VGZ about tariff discounts`, ts: '1715421000.000100', channel: 'C0PLANNING' };
    await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'json', value: eventEnvelope('EvCHECK', event) });
    const posted = await h.standIn.waitFor((c) => c.method === 'chat.postMessage');
    expect(posted.args.thread_ts).toBe('1715421000.000100');
    const toggles = (posted.args.blocks as { accessory?: { action_id?: string; value?: string } }[])
      .map((b) => b.accessory)
      .filter((a) => a?.action_id === 'checklist.toggle');
    expect(toggles.length).toBeGreaterThan(1);
    const value = toggles[0]!.value!;
    expect(blockText(posted.args.blocks)).toMatch(/0\/\d+ done/);

    const payload = {
      type: 'block_actions',
      user: { id: 'U0ANNA' },
      team: { id: 'T0001' },
      channel: { id: 'C0PLANNING' },
      container: { type: 'message', message_ts: '1700000000.000001', channel_id: 'C0PLANNING', thread_ts: '1715421000.000100' },
      message: { ts: '1700000000.000001', thread_ts: '1715421000.000100' },
      response_url: h.standIn.responseUrl('act-real-tick'),
      actions: [{ type: 'button', action_id: 'checklist.toggle', block_id: 'x', value, action_ts: '1.0' }],
    };
    await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'form', value: { payload: JSON.stringify(payload) } });
    const replaced = await h.standIn.waitFor((c) => c.path === '/response/act-real-tick');
    expect(replaced.args.replace_original).toBe(true);
    expect(blockText(replaced.args.blocks)).toMatch(/1\/\d+ done/);
  });
});

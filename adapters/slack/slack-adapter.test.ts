import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../bot/logger.js';
import { makeReply } from '../../handlers/reply.js';
import { REMINDER_EVENT_TYPE } from './post-messages.js';
import { createSlackAdapter } from './slack-adapter.js';
import { createSlackWebClient } from './slack-web-client.js';
import { startSlackStandIn, type SlackStandIn } from './test-support/slack-stand-in.js';

const reply = makeReply('reminder', 'en', [{ kind: 'text', markdown: 'Reminder: sign with VGZ — Thursday 1 April 2027, 7 days left.' }]);
const C = { platform: 'slack', conversationId: 'C0PLANNING' } as const;
let standIn: SlackStandIn;
beforeEach(async () => {
  standIn = await startSlackStandIn();
});
afterEach(async () => standIn.close());

/** The real delivery client (no retries) against the stand-in over HTTP, with a short timeout. */
const adapter = (timeoutMs = 400) => createSlackAdapter(createSlackWebClient('xoxb-test', standIn.apiUrl, silentLogger, 'delivery', timeoutMs), silentLogger);
const since = () => new Date(Date.now() - 60_000);

describe('Slack reminder delivery (chat.postMessage with metadata, history check)', () => {
  it('tags every reminder post with the bot\'s event type and the claim id', async () => {
    expect(await adapter().send(C, reply, { id: 'claim-1', mayHaveArrived: false, since: since() })).toEqual({ ok: true });
    const [post] = standIn.callsTo('chat.postMessage');
    expect(post?.args.metadata).toEqual({ event_type: REMINDER_EVENT_TYPE, event_payload: { claim_id: 'claim-1', part: 1, parts: 1 } });
    // A first attempt does not read the history.
    expect(standIn.callsTo('conversations.history')).toEqual([]);
  });

  it('answers "unknown" when Slack accepts the post but answers after the client timeout, and the retry finds it instead of posting again', async () => {
    standIn.answerLate(1_000);
    const first = await adapter(300).send(C, reply, { id: 'claim-2', mayHaveArrived: false, since: since() });
    expect(first).toMatchObject({ ok: false, reason: 'unknown' });
    expect(standIn.messages.get('C0PLANNING')).toHaveLength(1);
    const retry = await adapter(300).send(C, reply, { id: 'claim-2', mayHaveArrived: true, since: since() });
    expect(retry).toEqual({ ok: true, alreadyThere: true });
    expect(standIn.messages.get('C0PLANNING')).toHaveLength(1);
    const [history] = standIn.callsTo('conversations.history');
    expect(history?.args).toMatchObject({ channel: 'C0PLANNING', include_all_metadata: 'true' });
  });

  it('posts a claim that may have arrived when the history does not have it (other messages and claims do not count)', async () => {
    await adapter().send(C, reply, { id: 'other-claim', mayHaveArrived: false, since: since() });
    await adapter().send(C, reply);
    expect(await adapter().send(C, reply, { id: 'claim-3', mayHaveArrived: true, since: since() })).toEqual({ ok: true });
    expect(standIn.messages.get('C0PLANNING')?.map((m) => m.metadata?.event_payload.claim_id ?? null)).toEqual(['other-claim', null, 'claim-3']);
  });

  it('looks in the thread (conversations.replies) for a thread address', async () => {
    const thread = { ...C, threadId: '1715421000.000100' };
    await adapter().send(thread, reply, { id: 'claim-4', mayHaveArrived: false, since: since() });
    expect(await adapter().send(thread, reply, { id: 'claim-4', mayHaveArrived: true, since: since() })).toEqual({ ok: true, alreadyThere: true });
    expect(standIn.callsTo('conversations.replies')[0]?.args).toMatchObject({ channel: 'C0PLANNING', ts: '1715421000.000100', include_all_metadata: 'true' });
    expect(standIn.messages.get('C0PLANNING')).toHaveLength(1);
  });

  it('reports a failed history check as unknown, so the next attempt checks again', async () => {
    await standIn.close();
    const result = await adapter().send(C, reply, { id: 'claim-5', mayHaveArrived: true, since: since() });
    expect(result).toMatchObject({ ok: false, reason: 'unknown' });
    standIn = await startSlackStandIn();
  });
});

import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { startSlackHarness, type SlackHarness } from './test-support/slack-harness.js';
import { startSlackStandIn } from './test-support/slack-stand-in.js';

const APP_TOKEN = 'xapp-1-test-app-token-not-real';

/** A stand-in for Slack's Socket Mode WebSocket: says hello, forwards envelopes, collects acks. */
async function startSocketStandIn(): Promise<{ url: string; connected: Promise<WebSocket>; acks: Map<string, unknown>; close(): Promise<void> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const acks = new Map<string, unknown>();
  const connected = new Promise<WebSocket>((resolve) => {
    wss.on('connection', (socket) => {
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString()) as { envelope_id?: string };
        if (message.envelope_id) acks.set(message.envelope_id, message);
      });
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'stand-in' }, connection_info: { app_id: 'A0001' } }));
      resolve(socket);
    });
  });
  return {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`,
    connected,
    acks,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

describe('Slack app in Socket Mode (SLACK_APP_TOKEN)', () => {
  let h: SlackHarness | undefined;
  let socket: Awaited<ReturnType<typeof startSocketStandIn>> | undefined;
  afterEach(async () => {
    await h?.close();
    await socket?.close();
  });

  it('connects with the app token, acks a slash command envelope and answers through the response URL', async () => {
    socket = await startSocketStandIn();
    const standIn = await startSlackStandIn();
    standIn.socketUrl = socket.url;
    h = await startSlackHarness({ standIn, env: { SLACK_APP_TOKEN: APP_TOKEN } });
    expect(h.part.mode).toBe('socket');

    const open = standIn.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.authorization).toBe(`Bearer ${APP_TOKEN}`);

    // No HTTP route in Socket Mode: Slack talks over the WebSocket only.
    const http = await fetch(`${h.baseUrl}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(http.status).toBe(404);

    const ws = await socket.connected;
    ws.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          token: 'legacy',
          team_id: 'T0001',
          channel_id: 'C0PLANNING',
          user_id: 'U0ANNA',
          command: '/contract',
          text: 'help',
          api_app_id: 'A0001',
          response_url: standIn.responseUrl('socket-help'),
          trigger_id: '1.2.3',
        },
      }),
    );
    const answer = await standIn.waitFor((c) => c.path === '/response/socket-help');
    expect(String(answer.args.text)).toContain('ContractBot');
    expect(socket.acks.has('env-1')).toBe(true);
    expect(h.received[0]).toMatchObject({ text: 'help', address: { conversationId: 'C0PLANNING' } });
  });
});

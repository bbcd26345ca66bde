import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../bot/logger.js';
import { DEFAULT_RETRY_POLICY } from './backoff.js';
import { createConnectorHttpClient } from './connector-http-client.js';
import { createRateLimiter } from './rate-limiter.js';

/** The few header methods the client uses, over a plain map. */
function headers(init: Record<string, string> = {}) {
  const map = new Map(Object.entries(init));
  const self = {
    toJson: () => Object.fromEntries(map),
    clone: () => headers(Object.fromEntries(map)),
    headerNames: () => [...map.keys()],
    remove: (name: string) => map.delete(name),
    set: (name: string, value: string) => void map.set(name, value),
    get: (name: string) => map.get(name),
  };
  return self;
}

/**
 * A raw HTTP/1.1 server that keeps connections alive and, on a connection's second request,
 * closes it without answering: what a Bot Connector does when it drops an idle kept-alive
 * connection just as the bot reuses it.
 */
async function startDroppingServer(): Promise<{ server: Server; url: string; received: string[] }> {
  const received: string[] = [];
  const server = createServer((socket: Socket) => {
    let requests = 0;
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/content-length: (\d+)/i.exec(buffer.slice(0, end))?.[1] ?? 0);
      if (buffer.length < end + 4 + length) return;
      const body = buffer.slice(end + 4, end + 4 + length);
      buffer = buffer.slice(end + 4 + length);
      requests++;
      if (requests === 2) {
        socket.destroy();
        return;
      }
      received.push(body);
      const answer = JSON.stringify({ id: `activity-${received.length}` });
      socket.write(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${answer.length}\r\nconnection: keep-alive\r\n\r\n${answer}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

describe('connector HTTP client', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('sends a request again on a new connection when a kept-alive one was closed before answering, and posts it once', async () => {
    const s = await startDroppingServer();
    server = s.server;
    const client = createConnectorHttpClient({ limiter: createRateLimiter({ limit: 100, windowMs: 1000 }), retry: DEFAULT_RETRY_POLICY, log: silentLogger });
    const send = (text: string) =>
      client.sendRequest({ url: `${s.url}/v3/conversations/a%3A1/activities`, method: 'POST', headers: headers({ 'content-type': 'application/json' }), body: JSON.stringify({ text }), timeout: 5000 } as never);
    const first = await send('one');
    expect(first.status).toBe(200);
    const second = await send('two');
    expect(second.status).toBe(200);
    expect(second.bodyAsText).toContain('activity-2');
    expect(s.received.map((b) => JSON.parse(b).text)).toEqual(['one', 'two']);
  });
});

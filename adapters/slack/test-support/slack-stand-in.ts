import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the stand-in received: a Web API method call or a response-URL post. */
export interface RecordedCall {
  /** Web API method (`chat.postMessage`) or `response` for response-URL posts. */
  readonly method: string;
  readonly path: string;
  readonly args: Record<string, unknown>;
  readonly authorization?: string;
}

/** How the stand-in answers chat.postMessage for one channel. */
export type ChannelBehaviour = { readonly error: string } | { readonly status: 429; readonly retryAfter: number };

/**
 * A local stand-in for the Slack Web API (`<url>/api/<method>`) and for response URLs
 * (`<url>/response/<id>`). It records every call, answers like Slack does, and can be told to fail
 * chat.postMessage per channel (platform errors, 429 with Retry-After).
 */
export interface SlackStandIn {
  readonly url: string;
  /** The SLACK_API_URL to configure. */
  readonly apiUrl: string;
  readonly calls: RecordedCall[];
  readonly channelBehaviour: Map<string, ChannelBehaviour>;
  /** Conversation ids `users.conversations` returns for a user. */
  readonly userConversations: Map<string, string[]>;
  /** The WebSocket URL `apps.connections.open` hands out (Socket Mode tests). */
  socketUrl: string | undefined;
  /** When set, `auth.test` fails with this Slack error (e.g. `invalid_auth`). */
  authError: string | undefined;
  responseUrl(id: string): string;
  callsTo(method: string): RecordedCall[];
  /** Resolves with the first recorded call (past or future) matching the predicate. */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  close(): Promise<void>;
}

export const STAND_IN_BOT = { userId: 'UBOT', botId: 'BBOT', teamId: 'T0001' } as const;

export async function startSlackStandIn(): Promise<SlackStandIn> {
  const calls: RecordedCall[] = [];
  const waiters: { predicate: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }[] = [];
  const channelBehaviour = new Map<string, ChannelBehaviour>();
  const userConversations = new Map<string, string[]>();
  let ts = 0;

  const record = (call: RecordedCall): void => {
    calls.push(call);
    for (const w of [...waiters]) {
      if (w.predicate(call)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(call);
      }
    }
  };

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const args = parseArgs(raw, req.headers['content-type']);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (url.pathname.startsWith('/response/')) {
      record({ method: 'response', path: url.pathname, args });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    record({ method, path: url.pathname, args, authorization: req.headers.authorization });
    switch (method) {
      case 'auth.test':
        if (standIn.authError) return json(200, { ok: false, error: standIn.authError });
        return json(200, { ok: true, url: 'https://stand-in.slack.test/', team: 'Stand-in', user: 'contractbot', team_id: STAND_IN_BOT.teamId, user_id: STAND_IN_BOT.userId, bot_id: STAND_IN_BOT.botId });
      case 'chat.postMessage': {
        const behaviour = channelBehaviour.get(String(args.channel));
        if (behaviour && 'status' in behaviour) return json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(behaviour.retryAfter) });
        if (behaviour) return json(200, { ok: false, error: behaviour.error });
        ts += 1;
        return json(200, { ok: true, channel: args.channel, ts: `1700000000.${String(ts).padStart(6, '0')}` });
      }
      case 'chat.update':
        return json(200, { ok: true, channel: args.channel, ts: args.ts });
      case 'chat.postEphemeral':
        return json(200, { ok: true, message_ts: '1700000000.999999' });
      case 'views.publish':
        return json(200, { ok: true, view: { id: 'V1', type: 'home' } });
      case 'apps.connections.open':
        return json(200, standIn.socketUrl ? { ok: true, url: standIn.socketUrl } : { ok: false, error: 'socket_mode_not_enabled' });
      case 'conversations.open':
        return json(200, /^[UW][A-Z0-9]+$/.test(String(args.users)) ? { ok: true, channel: { id: `D${String(args.users).slice(1)}` } } : { ok: false, error: 'user_not_found' });
      case 'users.conversations':
        return json(200, { ok: true, channels: (userConversations.get(String(args.user)) ?? []).map((id) => ({ id })), response_metadata: { next_cursor: '' } });
      default:
        return json(200, { ok: false, error: 'unknown_method' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const standIn: SlackStandIn = {
    url,
    apiUrl: `${url}/api/`,
    socketUrl: undefined,
    authError: undefined,
    calls,
    channelBehaviour,
    userConversations,
    responseUrl: (id) => `${url}/response/${id}`,
    callsTo: (method) => calls.filter((c) => c.method === method),
    waitFor: (predicate, timeoutMs = 5000) => {
      const found = calls.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve: (c: RecordedCall) => (clearTimeout(timer), resolve(c)) };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`stand-in: no matching call within ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(', ') || 'none'}`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return standIn;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Web API calls come form-encoded with JSON-encoded objects (blocks); response URLs get JSON. */
function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return out;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

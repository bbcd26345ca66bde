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

/** A message the stand-in accepted with chat.postMessage, as conversations.history returns it. */
export interface StoredMessage {
  readonly type: 'message';
  readonly ts: string;
  readonly thread_ts?: string;
  readonly text: string;
  readonly bot_id: string;
  readonly metadata?: { readonly event_type: string; readonly event_payload: Record<string, unknown> };
}

/** How the stand-in answers chat.postMessage for one channel. */
export type ChannelBehaviour = { readonly error: string } | { readonly status: 429; readonly retryAfter: number };

/**
 * A local stand-in for the Slack Web API (`<url>/api/<method>`) and for response URLs
 * (`<url>/response/<id>`). It records every call, answers like Slack does, and can be told to fail
 * chat.postMessage per channel (platform errors, 429 with Retry-After). Accepted posts are stored
 * per channel, with their message metadata, and served by conversations.history and
 * conversations.replies (metadata only with `include_all_metadata`, as Slack does). On demand it
 * answers chat.postMessage late — after storing the message, like a Slack that accepted the post but
 * whose answer arrives after the client's timeout.
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
  /** Accepted chat.postMessage messages per channel, oldest first. */
  readonly messages: Map<string, StoredMessage[]>;
  /** Every accepted message of every channel. */
  allMessages(): StoredMessage[];
  /**
   * How long to hold the answer to an accepted chat.postMessage (ms; 0 or undefined: at once).
   * The message is stored before the wait, so it is in the history while the client waits.
   */
  postLatency: ((channel: string) => number) | undefined;
  /** Answers the next `count` accepted chat.postMessage calls `delayMs` late. */
  answerLate(delayMs: number, count?: number): void;
  /** The bearer token file downloads require (Slack's bot token); other requests get Slack's sign-in page. */
  fileToken: string | undefined;
  /**
   * Stores a file the way Slack does for a `file_share`, and returns its file object as events and
   * `files.info` carry it (`url_private`, `url_private_download` on this stand-in, `size`, …).
   */
  addFile(file: { readonly id: string; readonly name: string; readonly mimetype: string; readonly bytes: Uint8Array; readonly size?: number }): SlackFileObject;
  responseUrl(id: string): string;
  callsTo(method: string): RecordedCall[];
  /** Resolves with the first recorded call (past or future) matching the predicate. */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  close(): Promise<void>;
}

/** A Slack file object (the fields the bot reads; Slack sends many more). */
export interface SlackFileObject {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly mimetype: string;
  readonly filetype: string;
  readonly size: number;
  readonly mode: 'hosted';
  readonly url_private: string;
  readonly url_private_download: string;
}

export const STAND_IN_BOT = { userId: 'UBOT', botId: 'BBOT', teamId: 'T0001' } as const;

export async function startSlackStandIn(): Promise<SlackStandIn> {
  const calls: RecordedCall[] = [];
  const waiters: { predicate: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }[] = [];
  const channelBehaviour = new Map<string, ChannelBehaviour>();
  const userConversations = new Map<string, string[]>();
  const messages = new Map<string, StoredMessage[]>();
  let late: { delayMs: number; remaining: number } | undefined;
  let seq = 0;
  // Realistic timestamps (seconds.sequence) so `oldest` filters work; the sequence keeps them unique and ordered.
  const nextTs = (): string => `${Math.floor(Date.now() / 1000)}.${String(++seq % 1_000_000).padStart(6, '0')}`;
  const files = new Map<string, { object: SlackFileObject; bytes: Uint8Array }>();

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
    if (req.method === 'GET' && url.pathname.startsWith('/files-pri/')) {
      // Like files.slack.com: the bytes only with the bot token, otherwise the sign-in page (HTTP 200, HTML).
      record({ method: 'file.download', path: url.pathname, args: {}, authorization: req.headers.authorization });
      const id = /^\/files-pri\/[^-/]+-([^/]+)\//.exec(url.pathname)?.[1] ?? '';
      const file = files.get(id);
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('file_not_found');
        return;
      }
      if (!standIn.fileToken || req.headers.authorization !== `Bearer ${standIn.fileToken}`) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!DOCTYPE html><html><head><title>Slack</title></head><body>Sign in to your workspace</body></html>');
        return;
      }
      res.writeHead(200, { 'content-type': file.object.mimetype, 'content-length': String(file.bytes.byteLength) });
      res.end(Buffer.from(file.bytes));
      return;
    }
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
        const channel = String(args.channel);
        const metadata = args.metadata as StoredMessage['metadata'] | undefined;
        const message: StoredMessage = {
          type: 'message',
          ts: nextTs(),
          ...(typeof args.thread_ts === 'string' ? { thread_ts: args.thread_ts } : {}),
          text: String(args.text ?? ''),
          bot_id: STAND_IN_BOT.botId,
          ...(metadata && typeof metadata === 'object' ? { metadata } : {}),
        };
        messages.set(channel, [...(messages.get(channel) ?? []), message]);
        let delay = standIn.postLatency?.(channel) ?? 0;
        if (late && late.remaining > 0) {
          late.remaining--;
          delay = Math.max(delay, late.delayMs);
        }
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        if (res.destroyed) return;
        return json(200, { ok: true, channel, ts: message.ts, message });
      }
      case 'conversations.history':
      case 'conversations.replies': {
        const channel = String(args.channel);
        const all = messages.get(channel) ?? [];
        const oldest = Number(args.oldest ?? 0);
        const thread = method === 'conversations.replies' ? String(args.ts) : undefined;
        const selected = all
          .filter((m) => Number(m.ts) > oldest)
          .filter((m) => (thread === undefined ? m.thread_ts === undefined || m.thread_ts === m.ts : m.ts === thread || m.thread_ts === thread));
        // History is newest first, replies oldest first (as Slack orders them).
        const ordered = thread === undefined ? [...selected].reverse() : selected;
        const limit = Math.min(Math.max(Number(args.limit ?? 100) || 100, 1), 999);
        const offset = Number(args.cursor ?? 0) || 0;
        const page = ordered.slice(offset, offset + limit);
        const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
        const more = offset + limit < ordered.length;
        return json(200, {
          ok: true,
          messages: page.map((m) => (withMetadata ? m : { ...m, metadata: undefined })),
          has_more: more,
          response_metadata: { next_cursor: more ? String(offset + limit) : '' },
        });
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
      case 'files.info': {
        const file = files.get(String(args.file));
        return json(200, file ? { ok: true, file: file.object } : { ok: false, error: 'file_not_found' });
      }
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
    fileToken: undefined,
    addFile: (file) => {
      const path = `${url}/files-pri/${STAND_IN_BOT.teamId}-${file.id}`;
      const object: SlackFileObject = {
        id: file.id,
        name: file.name,
        title: file.name,
        mimetype: file.mimetype,
        filetype: file.name.split('.').pop() ?? 'binary',
        size: file.size ?? file.bytes.byteLength,
        mode: 'hosted',
        url_private: `${path}/${encodeURIComponent(file.name)}`,
        url_private_download: `${path}/download/${encodeURIComponent(file.name)}`,
      };
      files.set(file.id, { object, bytes: file.bytes });
      return object;
    },
    calls,
    channelBehaviour,
    userConversations,
    messages,
    allMessages: () => [...messages.values()].flat(),
    postLatency: undefined,
    answerLate: (delayMs, count = 1) => {
      late = { delayMs, remaining: count };
    },
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

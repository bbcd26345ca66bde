import { createServer, type IncomingMessage as HttpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the stand-in Bot Connector. */
export interface ConnectorCall {
  readonly method: string;
  /** Decoded conversation id from the path (Teams ids contain `:` and `;`). */
  readonly conversationId: string;
  /** The activity id in the path: the replied-to activity (POST) or the updated one (PUT). */
  readonly activityId?: string;
  readonly authorization?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
  /** Order of arrival, from 1. */
  readonly seq: number;
}

export type Respond = (call: ConnectorCall) => { status: number; headers?: Record<string, string>; body?: unknown } | undefined;

export interface ConnectorStandIn {
  /** Base URL with a trailing slash, as Teams sends `serviceUrl`. */
  readonly serviceUrl: string;
  readonly origin: string;
  readonly calls: ConnectorCall[];
  /** Every call, answered or refused, including retries. */
  readonly attempts: ConnectorCall[];
  respond: Respond | undefined;
  /** Serves `/openid` and `/keys` (OpenID metadata and JWKS) for token validation tests. */
  jwks: unknown[] | undefined;
  /** The `Authorization` header attachment downloads on the connector require; unset: none (emulator mode). */
  attachmentAuthorization: string | undefined;
  /** Every file download request (connector attachments and pre-authenticated links), in order. */
  readonly downloads: { readonly path: string; readonly authorization?: string }[];
  /**
   * Stores a file and returns how Teams points at it: `contentUrl` on this connector
   * (`/v3/attachments/{id}/views/original`, needs {@link attachmentAuthorization}) and a
   * pre-authenticated `downloadUrl` (`/download/{id}?tempauth=…`, like OneDrive's short-lived link).
   */
  addFile(id: string, bytes: Uint8Array, contentType?: string): { contentUrl: string; downloadUrl: string };
  waitForCalls(count: number, timeoutMs?: number): Promise<ConnectorCall[]>;
  close(): Promise<void>;
}

/**
 * A local stand-in for the Bot Connector service at an activity's `serviceUrl`: records posted and
 * updated activities and answers like the real service (`{ id }`), or as `respond` says.
 */
export async function startConnectorStandIn(): Promise<ConnectorStandIn> {
  let seq = 0;
  const calls: ConnectorCall[] = [];
  const attempts: ConnectorCall[] = [];
  const state: { respond: Respond | undefined; jwks: unknown[] | undefined; attachmentAuthorization: string | undefined } = {
    respond: undefined,
    jwks: undefined,
    attachmentAuthorization: undefined,
  };
  const files = new Map<string, { bytes: Uint8Array; contentType: string; tempauth: string }>();
  const downloads: { path: string; authorization?: string }[] = [];
  let origin = '';

  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const url = new URL(req.url ?? '/', origin);
      const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(body === undefined ? '' : JSON.stringify(body));
      };
      if (req.method === 'GET' && url.pathname === '/openid' && state.jwks) {
        send(200, { issuer: 'https://api.botframework.com', jwks_uri: `${origin}/keys`, id_token_signing_alg_values_supported: ['RS256'] });
        return;
      }
      if (req.method === 'GET' && url.pathname === '/keys' && state.jwks) {
        send(200, { keys: state.jwks });
        return;
      }
      if (req.method === 'GET' && (url.pathname.startsWith('/v3/attachments/') || url.pathname.startsWith('/download/'))) {
        downloads.push({ path: `${url.pathname}${url.search}`, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
        const onConnector = /^\/v3\/attachments\/([^/]+)\/views\/original$/.exec(url.pathname);
        const id = decodeURIComponent(onConnector?.[1] ?? url.pathname.slice('/download/'.length));
        const file = files.get(id);
        if (!file) return send(404, { error: { code: 'NotFound', message: 'no such attachment' } });
        const allowed = onConnector ? !state.attachmentAuthorization || req.headers.authorization === state.attachmentAuthorization : url.searchParams.get('tempauth') === file.tempauth;
        if (!allowed) return send(401, { error: { code: 'Unauthorized', message: 'Authorization has been denied for this request.' } });
        res.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.bytes.byteLength) });
        res.end(Buffer.from(file.bytes));
        return;
      }
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url.pathname);
      if (!match?.[1]) {
        send(404, { error: { code: 'NotFound', message: `no route ${req.method} ${url.pathname}` } });
        return;
      }
      const call: ConnectorCall = {
        method: req.method ?? 'GET',
        conversationId: decodeURIComponent(match[1]),
        ...(match[2] ? { activityId: decodeURIComponent(match[2]) } : {}),
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        body: raw ? JSON.parse(raw) : undefined,
        seq: ++seq,
      };
      attempts.push(call);
      const custom = state.respond?.(call);
      if (custom && (custom.status < 200 || custom.status >= 300)) {
        send(custom.status, custom.body ?? { error: { code: 'Error', message: `status ${custom.status}` } }, custom.headers);
        return;
      }
      calls.push(call);
      send(custom?.status ?? 200, custom?.body ?? { id: call.activityId && req.method === 'PUT' ? call.activityId : `activity-${call.seq}` }, custom?.headers);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    serviceUrl: `${origin}/`,
    origin,
    calls,
    attempts,
    get respond() {
      return state.respond;
    },
    set respond(value) {
      state.respond = value;
    },
    get jwks() {
      return state.jwks;
    },
    set jwks(value) {
      state.jwks = value;
    },
    get attachmentAuthorization() {
      return state.attachmentAuthorization;
    },
    set attachmentAuthorization(value) {
      state.attachmentAuthorization = value;
    },
    downloads,
    addFile(id, bytes, contentType = 'application/octet-stream') {
      const tempauth = `v1.${Buffer.from(id).toString('base64url')}.signed`;
      files.set(id, { bytes, contentType, tempauth });
      return { contentUrl: `${origin}/v3/attachments/${encodeURIComponent(id)}/views/original`, downloadUrl: `${origin}/download/${encodeURIComponent(id)}?tempauth=${tempauth}` };
    },
    async waitForCalls(count, timeoutMs = 10_000) {
      const start = Date.now();
      while (calls.length < count) {
        if (Date.now() - start > timeoutMs) throw new Error(`expected ${count} connector calls, got ${calls.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return calls;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: HttpRequest): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

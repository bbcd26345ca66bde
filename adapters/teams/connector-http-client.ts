import type { ConnectorClientOptions } from 'botframework-connector';
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Logger } from '../../handlers/logger.js';
import { backoffDelay, parseRetryAfter, RETRYABLE_STATUSES, type RetryPolicy } from './backoff.js';
import type { RateLimiter } from './rate-limiter.js';
import { splitConversationId } from './to-incoming.js';

type HttpClient = NonNullable<ConnectorClientOptions['httpClient']>;
type WebResource = Parameters<HttpClient['sendRequest']>[0];
type CompatResponse = Awaited<ReturnType<HttpClient['sendRequest']>>;
type HeadersLike = WebResource['headers'];

/**
 * Thrown when the Bot Connector still answers 412, 429, 502 or 504 after every retry. Throwing
 * (instead of returning the response) also stops the Azure pipeline's own retry policy, so this
 * module's backoff is the only one.
 */
export class ConnectorRetryError extends Error {
  readonly code = 'CONNECTOR_RETRIES_EXHAUSTED';
  constructor(
    readonly statusCode: number,
    readonly attempts: number,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`Bot Connector answered ${statusCode} after ${attempts} attempts`);
    this.name = 'ConnectorRetryError';
  }
}

/**
 * The HTTP client botbuilder's ConnectorClient uses for every call to the Bot Connector
 * (`ConnectorClientOptions.httpClient`): node:http/https over kept-alive connections, with
 * - at most 7 activity posts/updates per second per conversation (Teams' per-thread limit), and
 * - exponential backoff with jitter on 412, 429, 502 and 504, honouring Retry-After.
 */
export function createConnectorHttpClient(options: {
  limiter: RateLimiter;
  retry: RetryPolicy;
  log: Logger;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
}): HttpClient {
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const timeoutMs = options.timeoutMs ?? 30_000;

  return {
    async sendRequest(request: WebResource): Promise<CompatResponse> {
      const conversation = activityConversation(request.method, request.url);
      for (let attempt = 1; ; attempt++) {
        if (conversation) await options.limiter.acquire(conversation);
        const response = await httpSend(request.url, {
          method: request.method,
          headers: request.headers.toJson({ preserveCase: true }),
          body: bodyOf(request.body),
          timeoutMs: request.timeout > 0 ? request.timeout : timeoutMs,
        });
        const bodyAsText = response.body;
        if (RETRYABLE_STATUSES.has(response.status)) {
          const retryAfterMs = parseRetryAfter(headerValue(response.headers['retry-after']), Date.now());
          if (attempt > options.retry.maxRetries) {
            throw new ConnectorRetryError(response.status, attempt, retryAfterMs);
          }
          const wait = backoffDelay(attempt - 1, options.retry, random, retryAfterMs);
          options.log.warn('teams connector busy, retrying', { status: response.status, attempt, waitMs: wait });
          await sleep(wait);
          continue;
        }
        return { request, status: response.status, headers: headersOf(response.headers, request.headers), bodyAsText } as CompatResponse;
      }
    },
  };
}

/** The conversation an activity call targets (`/v3/conversations/{id}/activities…`), thread suffix removed. */
export function activityConversation(method: string, url: string): string | undefined {
  if (method !== 'POST' && method !== 'PUT') return undefined;
  const match = /\/v3\/conversations\/([^/?]+)\/activities(?:\/|$|\?)/.exec(new URL(url).pathname);
  if (!match?.[1]) return undefined;
  return splitConversationId(decodeURIComponent(match[1])).base;
}

function bodyOf(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  return typeof body === 'string' ? body : JSON.stringify(body);
}

/** Response headers in the compat shape, built from the request's own header implementation. */
function headersOf(source: IncomingHttpHeaders, template: HeadersLike): HeadersLike {
  const headers = template.clone();
  for (const name of headers.headerNames()) headers.remove(name);
  for (const [name, value] of Object.entries(source)) {
    const text = headerValue(value);
    if (text !== undefined) headers.set(name, text);
  }
  return headers;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

// Connections to the Bot Connector are kept open and reused (one TLS handshake per socket, not per message).
const agents = { http: new HttpAgent({ keepAlive: true, maxSockets: 64 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 64 }) };

type HttpOptions = { method: string; headers: Record<string, string>; body: string | undefined; timeoutMs: number };
type HttpResult = { status: number; headers: IncomingHttpHeaders; body: string };

/**
 * One HTTP request with node:http/https (not fetch: its web streams cost the request thread several
 * times the CPU per call); the whole response body as text. A timeout aborts with a `TimeoutError`.
 * A kept-alive connection the server closed while idle fails with ECONNRESET before the request
 * reached it; that request is sent once more on a new connection (the pattern Node's http docs give
 * for `request.reusedSocket`), so it is never posted twice.
 */
async function httpSend(url: string, options: HttpOptions): Promise<HttpResult> {
  try {
    return await httpSendOnce(url, options, false);
  } catch (error) {
    if (error instanceof StaleSocketError) return httpSendOnce(url, options, true);
    throw error;
  }
}

/** A reused idle connection was closed by the server before any answer: the request never arrived. */
class StaleSocketError extends Error {}

function httpSendOnce(url: string, options: HttpOptions, fresh: boolean): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const headers: Record<string, string | number> = { ...options.headers };
    if (options.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) headers['content-length'] = Buffer.byteLength(options.body);
    let answered = false;
    const req = (secure ? httpsRequest : httpRequest)(target, { method: options.method, headers, agent: fresh ? false : secure ? agents.https : agents.http }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(options.timeoutMs, () => {
      const error = new Error(`no answer from the Bot Connector within ${options.timeoutMs} ms`);
      error.name = 'TimeoutError';
      req.destroy(error);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      reject(!answered && req.reusedSocket && error.code === 'ECONNRESET' ? new StaleSocketError(error.message) : error);
    });
    req.end(options.body);
  });
}

import type { ConnectorClientOptions } from 'botframework-connector';
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
 * (`ConnectorClientOptions.httpClient`): Node's fetch, with
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
        const response = await fetch(request.url, {
          method: request.method,
          headers: request.headers.toJson({ preserveCase: true }),
          body: bodyOf(request.body),
          signal: AbortSignal.timeout(request.timeout > 0 ? request.timeout : timeoutMs),
        });
        const bodyAsText = await response.text();
        if (RETRYABLE_STATUSES.has(response.status)) {
          const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
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
function headersOf(source: Headers, template: HeadersLike): HeadersLike {
  const headers = template.clone();
  for (const name of headers.headerNames()) headers.remove(name);
  source.forEach((value, name) => headers.set(name, value));
  return headers;
}

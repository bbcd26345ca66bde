import type { SendResult } from '../adapter.js';

/**
 * Slack errors meaning "this conversation cannot be reached any more": the scheduler disables its
 * subscriptions instead of retrying forever.
 */
export const UNREACHABLE_ERRORS: ReadonlySet<string> = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
]);

/** Request errors that mean the request never reached Slack (so nothing was posted). */
const NOT_SENT: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_INVALID_URL']);

/**
 * Maps an error thrown by the Web API client to a {@link SendResult}:
 * platform errors in {@link UNREACHABLE_ERRORS} → `unreachable`; other platform errors (`ok: false`:
 * Slack refused it) and HTTP 4xx → `failed`; HTTP 429 (the client must be made with
 * `rejectRateLimitedCalls: true`) → `rate_limited` with Retry-After in milliseconds; a request that
 * never reached Slack (connection refused, DNS) → `failed`; a timeout, a connection lost
 * mid-request or HTTP 5xx → `unknown` (Slack may have posted it). Messages never contain the token
 * or the message text.
 */
export function sendErrorToResult(error: unknown): Exclude<SendResult, { ok: true }> {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    message?: unknown;
    retryAfter?: unknown;
    data?: { error?: unknown };
    statusCode?: unknown;
    original?: { code?: unknown };
  };
  if (e.code === 'slack_webapi_platform_error') {
    const slackError = typeof e.data?.error === 'string' ? e.data.error : 'unknown_error';
    if (UNREACHABLE_ERRORS.has(slackError)) return { ok: false, reason: 'unreachable', message: `Slack: ${slackError}` };
    return { ok: false, reason: 'failed', message: `Slack: ${slackError}` };
  }
  if (e.code === 'slack_webapi_rate_limited_error') {
    const seconds = typeof e.retryAfter === 'number' && Number.isFinite(e.retryAfter) && e.retryAfter >= 0 ? e.retryAfter : 60;
    return { ok: false, reason: 'rate_limited', retryAfterMs: seconds * 1000, message: `Slack: rate limited, retry after ${seconds}s` };
  }
  if (e.code === 'slack_webapi_http_error') {
    const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
    return { ok: false, reason: status !== undefined && status >= 500 ? 'unknown' : 'failed', message: `Slack: HTTP ${status ?? 'error'}` };
  }
  if (e.code === 'slack_webapi_request_error') {
    const cause = typeof e.original?.code === 'string' ? e.original.code : undefined;
    if (cause !== undefined && NOT_SENT.has(cause)) return { ok: false, reason: 'failed', message: `Slack: the Web API could not be reached (${cause})` };
    return { ok: false, reason: 'unknown', message: `Slack: no answer from the Web API${cause ? ` (${cause})` : ''}` };
  }
  return { ok: false, reason: 'failed', message: `Slack: ${typeof e.message === 'string' ? e.message.slice(0, 200) : 'unknown error'}` };
}

import { describe, expect, it } from 'vitest';
import { sendErrorToResult } from './send-error.js';

describe('sendErrorToResult', () => {
  it('maps unreachable conversations, rate limits and other failures', () => {
    for (const error of ['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive']) {
      expect(sendErrorToResult({ code: 'slack_webapi_platform_error', data: { error } })).toEqual({ ok: false, reason: 'unreachable', message: `Slack: ${error}` });
    }
    expect(sendErrorToResult({ code: 'slack_webapi_platform_error', data: { error: 'invalid_blocks' } })).toMatchObject({ reason: 'failed' });
    expect(sendErrorToResult({ code: 'slack_webapi_rate_limited_error', retryAfter: 30 })).toMatchObject({ reason: 'rate_limited', retryAfterMs: 30_000 });
    expect(sendErrorToResult({ code: 'slack_webapi_rate_limited_error' })).toMatchObject({ reason: 'rate_limited', retryAfterMs: 60_000 });
    expect(sendErrorToResult({ code: 'slack_webapi_request_error', message: 'connect ECONNREFUSED', original: { code: 'ECONNREFUSED' } })).toMatchObject({ reason: 'failed' });
    expect(sendErrorToResult({ code: 'slack_webapi_http_error', statusCode: 400 })).toEqual({ ok: false, reason: 'failed', message: 'Slack: HTTP 400' });
    expect(sendErrorToResult('boom')).toMatchObject({ reason: 'failed' });
  });

  it('maps a timeout, a lost connection and HTTP 5xx to unknown: Slack may have posted it', () => {
    expect(sendErrorToResult({ code: 'slack_webapi_request_error', original: { code: 'ECONNABORTED' } })).toEqual({ ok: false, reason: 'unknown', message: 'Slack: no answer from the Web API (ECONNABORTED)' });
    expect(sendErrorToResult({ code: 'slack_webapi_request_error', original: { code: 'ECONNRESET' } })).toMatchObject({ reason: 'unknown' });
    expect(sendErrorToResult({ code: 'slack_webapi_request_error' })).toMatchObject({ reason: 'unknown' });
    expect(sendErrorToResult({ code: 'slack_webapi_http_error', statusCode: 503 })).toEqual({ ok: false, reason: 'unknown', message: 'Slack: HTTP 503' });
  });
});

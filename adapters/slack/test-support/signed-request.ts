import { createHmac } from 'node:crypto';

/** Slack's v0 request signature: `v0=` + HMAC-SHA256(secret, `v0:{timestamp}:{rawBody}`) in hex. */
export function slackSignature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

/**
 * POSTs a body to `/slack/events` signed like Slack does. `kind: 'form'` sends exactly
 * `application/x-www-form-urlencoded` (Bolt refuses a charset suffix); `timestamp` defaults to now.
 */
export async function postSigned(
  baseUrl: string,
  secret: string,
  body: { kind: 'json'; value: unknown } | { kind: 'form'; value: Record<string, string> },
  options: { timestamp?: number; headers?: Record<string, string>; contentType?: string } = {},
): Promise<Response> {
  const raw = body.kind === 'json' ? JSON.stringify(body.value) : new URLSearchParams(body.value).toString();
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? (body.kind === 'json' ? 'application/json' : 'application/x-www-form-urlencoded'),
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(secret, timestamp, raw),
      ...options.headers,
    },
    body: raw,
  });
}

/** An Events API envelope around one event. */
export function eventEnvelope(eventId: string, event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T0001',
    api_app_id: 'A0001',
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_700_000_000,
    authorizations: [{ team_id: 'T0001', user_id: 'UBOT', is_bot: true }],
    event,
  };
}

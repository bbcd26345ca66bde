import { verifySlackRequest } from '@slack/bolt';
import { z } from 'zod';

/** Slack's replay window: requests signed more than this far from our clock, either way, are refused. */
export const SLACK_TIMESTAMP_WINDOW_SECONDS = 5 * 60;

/** What to do with a request to `/slack/events` before Bolt sees it. */
export type SlackRequestCheck =
  /** Acknowledge, then hand the parsed body to Bolt: a shape some listener handles. */
  | { readonly kind: 'pass'; readonly body: Record<string, unknown> }
  /** Slack's `ssl_check=1` probe (unsigned): 200 with no body. */
  | { readonly kind: 'ssl-check' }
  /** A signed `url_verification`: 200 with the challenge as JSON. */
  | { readonly kind: 'challenge'; readonly challenge: string }
  /** Signed and well formed, but nothing Bolt would route (it would time out with 404): acknowledge with 200, no reply. */
  | { readonly kind: 'ignore'; readonly reason: string }
  | { readonly kind: 'refuse'; readonly status: 400 | 401; readonly message: string };

const eventEnvelope = z.object({ type: z.literal('event_callback'), event: z.object({ type: z.string().min(1) }).passthrough() }).passthrough();
const command = z.object({ command: z.string().min(1), channel_id: z.string().min(1), user_id: z.string().min(1), text: z.string().optional() }).passthrough();
const blockActions = z
  .object({
    type: z.literal('block_actions'),
    user: z.object({ id: z.string().min(1) }).passthrough(),
    actions: z.array(z.object({ action_id: z.string(), type: z.string() }).passthrough()),
  })
  .passthrough();

/**
 * Checks a raw Slack request: the v0 signature and a timestamp at most five minutes away from
 * `nowMs` in either direction (Bolt only refuses old ones), then the body's shape. A signed body
 * that is not JSON/form, not an object, or whose `event`, command or actions are malformed gets 400
 * (Bolt would throw and answer 500); a signed object Bolt has no route for (it would wait 3 s and
 * answer 404) is acknowledged. ssl_check requests are answered unsigned, as Slack sends them.
 * This is the only signature check and the only parse: Bolt gets the parsed body.
 */
export function checkSlackRequest(args: {
  rawBody: string;
  contentType: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  signingSecret: string;
  nowMs: number;
}): SlackRequestCheck {
  const form = args.contentType !== undefined && /^application\/x-www-form-urlencoded\b/i.test(args.contentType);
  const params = form ? new URLSearchParams(args.rawBody) : undefined;
  if (params?.get('ssl_check') === '1') return { kind: 'ssl-check' };

  const timestamp = Number(header(args.headers, 'x-slack-request-timestamp'));
  const signature = header(args.headers, 'x-slack-signature');
  if (!Number.isInteger(timestamp) || !signature) return { kind: 'refuse', status: 401, message: 'missing or malformed Slack signature headers' };
  if (Math.abs(Math.floor(args.nowMs / 1000) - timestamp) > SLACK_TIMESTAMP_WINDOW_SECONDS) {
    return { kind: 'refuse', status: 401, message: 'request timestamp more than 5 minutes from now' };
  }
  try {
    verifySlackRequest({ signingSecret: args.signingSecret, body: args.rawBody, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp }, nowMilliseconds: args.nowMs });
  } catch {
    return { kind: 'refuse', status: 401, message: 'bad Slack signature' };
  }

  let body: unknown;
  try {
    if (params) {
      const payload = params.get('payload');
      body = payload === null ? Object.fromEntries(params) : JSON.parse(payload);
    } else {
      body = JSON.parse(args.rawBody);
    }
  } catch {
    return { kind: 'refuse', status: 400, message: 'the body is neither JSON nor a Slack form payload' };
  }
  return checkShape(body);
}

/** The shape rules of {@link checkSlackRequest} for an already parsed body. */
export function checkShape(body: unknown): SlackRequestCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { kind: 'refuse', status: 400, message: 'the body is not a JSON object' };
  const b = body as Record<string, unknown>;
  const pass: SlackRequestCheck = { kind: 'pass', body: b };
  if (b.type === 'url_verification') return typeof b.challenge === 'string' ? { kind: 'challenge', challenge: b.challenge } : { kind: 'refuse', status: 400, message: 'url_verification without a challenge' };
  if ('event' in b || b.type === 'event_callback') {
    return eventEnvelope.safeParse(b).success ? pass : { kind: 'refuse', status: 400, message: 'event_callback without an event object' };
  }
  if ('command' in b) return command.safeParse(b).success ? pass : { kind: 'refuse', status: 400, message: 'malformed slash command' };
  if (b.type === 'block_actions') return blockActions.safeParse(b).success ? pass : { kind: 'refuse', status: 400, message: 'malformed block_actions payload' };
  if (typeof b.type === 'string' && b.type !== '') return { kind: 'ignore', reason: b.type };
  return { kind: 'refuse', status: 400, message: 'not a Slack event, command or interaction' };
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

import { describe, expect, it } from 'vitest';
import { slackSignature } from '../test-support/signed-request.js';
import { SIGNING_SECRET, startSlackHarness, type SlackHarness } from '../test-support/slack-harness.js';
import type { RecordedCall } from '../test-support/slack-stand-in.js';
import { SLACK_FIXTURES, type ExpectedCall, type FixtureRequest } from './slack-fixtures.js';

/** Serialises a fixture request with the stand-in's response URLs and signs it like Slack. */
async function send(h: SlackHarness, request: FixtureRequest): Promise<Response> {
  const withUrls = (text: string): string => text.replace(/RESPONSE_URL:([A-Za-z0-9]+)/g, (_m, id: string) => h.standIn.responseUrl(id));
  if (request.kind === 'raw') {
    return fetch(`${h.baseUrl}/slack/events`, { method: 'POST', headers: { 'content-type': request.contentType }, body: request.raw });
  }
  let raw: string;
  if (request.kind === 'form') {
    const fields = Object.fromEntries(Object.entries(request.body as Record<string, string>).map(([k, v]) => [k, withUrls(v)]));
    raw = new URLSearchParams(fields).toString();
  } else {
    raw = typeof request.body === 'string' ? request.body : withUrls(JSON.stringify(request.body));
  }
  const timestamp = Math.floor(Date.now() / 1000) + (request.skewSeconds ?? 0);
  const secret = request.badSignature ? 'another-secret' : SIGNING_SECRET;
  return fetch(`${h.baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': request.contentType ?? (request.kind === 'json' ? 'application/json' : 'application/x-www-form-urlencoded'),
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(secret, timestamp, raw),
      ...request.headers,
    },
    body: raw,
  });
}

function callText(call: RecordedCall): string {
  return JSON.stringify(call.args);
}

function matches(call: RecordedCall, expected: ExpectedCall): boolean {
  if (call.method !== expected.method) return false;
  for (const [key, value] of Object.entries(expected.args ?? {})) if (call.args[key] !== value) return false;
  return expected.text === undefined || callText(call).includes(expected.text);
}

describe('Slack replay: recorded payload shapes over signed HTTP against the real Bolt app', () => {
  it('covers at least 30 shapes', () => {
    expect(SLACK_FIXTURES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(SLACK_FIXTURES.map((f) => f.name)).size).toBe(SLACK_FIXTURES.length);
    for (const f of SLACK_FIXTURES) expect(f.source.length, f.name).toBeGreaterThan(10);
  });

  for (const fixture of SLACK_FIXTURES) {
    it(fixture.name, async () => {
      const h = await startSlackHarness();
      try {
        for (const earlier of fixture.before ?? []) {
          expect((await send(h, earlier)).status).toBe(200);
          await h.part.idle();
        }
        const start = h.standIn.calls.length;
        const res = await send(h, fixture.request);
        const body = await res.text();
        expect(res.status).toBe(fixture.status);
        if (fixture.responseBody) expect(body).toContain(fixture.responseBody);
        expect(body).not.toMatch(/at .*\.(ts|js):\d+/); // never a stack trace
        await h.part.idle();
        // Calls made by listeners after the HTTP answer: wait until the expected number arrived (bounded).
        const deadline = Date.now() + 5_000;
        while (h.standIn.calls.length - start < fixture.calls.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
        await new Promise((r) => setTimeout(r, 30));
        const made = h.standIn.calls.slice(start).filter((c) => c.method !== 'auth.test');
        expect(made.map((c) => c.method), 'outgoing calls').toEqual(fixture.calls.map((c) => c.method));
        fixture.calls.forEach((expected, i) => expect(matches(made[i]!, expected), `call ${i}: ${callText(made[i]!).slice(0, 400)}`).toBe(true));
        expect(h.logLines.filter((l) => l.includes('"level":"error"')), 'no error logs').toEqual([]);
      } finally {
        await h.close();
      }
    });
  }
});

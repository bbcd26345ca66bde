import { testKnowledge } from '../../../knowledge/test-support/test-knowledge.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { route } from '../../../bot/core.js';
import { createHandlerContext } from '../../../bot/create-context.js';
import { loadConfig } from '../../../bot/config.js';
import { silentLogger } from '../../../bot/logger.js';
import type { Store } from '../../../handlers/store.js';
import { startConnectorStandIn, type ConnectorStandIn } from '../test-support/connector-stand-in.js';
import { startTeamsHarness, type TeamsHarness } from '../test-support/teams-harness.js';
import { TEAMS_FIXTURES, type TeamsRequest } from './teams-fixtures.js';

describe('Teams replay: recorded activity shapes over HTTP against the real botbuilder CloudAdapter', () => {
  let connector: ConnectorStandIn;
  let harness: TeamsHarness;

  beforeEach(async () => {
    connector = await startConnectorStandIn();
    const config = loadConfig({ DATABASE_URL: 'file::memory:', PUBLIC_URL: 'https://bot.example.org' });
    let store: Store | undefined;
    harness = await startTeamsHarness({
      core: (message) => route(message, createHandlerContext(config, new Date('2026-05-11T10:00:00+02:00'), silentLogger, async () => store!, testKnowledge())),
    });
    store = harness.store;
  });
  afterEach(async () => {
    await harness.close();
    await connector.close();
  });

  const send = async (request: TeamsRequest): Promise<{ status: number; body: string }> => {
    if ('raw' in request) {
      const res = await fetch(harness.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: request.raw });
      return { status: res.status, body: await res.text() };
    }
    return harness.post(JSON.parse(JSON.stringify(request.activity).replaceAll('SERVICE_URL', connector.serviceUrl)));
  };

  it('covers at least 25 shapes', () => {
    expect(TEAMS_FIXTURES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(TEAMS_FIXTURES.map((f) => f.name)).size).toBe(TEAMS_FIXTURES.length);
  });

  for (const fixture of TEAMS_FIXTURES) {
    it(fixture.name, async () => {
      for (const earlier of fixture.before ?? []) expect((await send(earlier)).status).toBe(200);
      connector.calls.length = 0;
      const res = await send(fixture.request);
      expect(res.status).toBe(fixture.status);
      if (fixture.responseBody === '') expect(res.body).toBe('');
      else if (fixture.responseBody) expect(res.body).toContain(fixture.responseBody);
      expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
      await new Promise((r) => setTimeout(r, 30));
      expect(connector.calls.map((c) => c.method)).toEqual(fixture.calls.map((c) => c.method));
      fixture.calls.forEach((expected, i) => {
        if (expected.text) expect(JSON.stringify(connector.calls[i]!.body)).toContain(expected.text);
      });
    });
  }
});

import { describe, expect, it } from 'vitest';
import { makeReply } from '../../handlers/reply.js';
import { startConnectorStandIn } from './test-support/connector-stand-in.js';
import { startTeamsHarness, teamsMessage } from './test-support/teams-harness.js';

describe('Teams acknowledges first', () => {
  it('answers HTTP 200 before the core has answered; the reply follows through the connector', async () => {
    const connector = await startConnectorStandIn();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const harness = await startTeamsHarness({
      core: async (m) => {
        await gate;
        return makeReply('question', 'en', [{ kind: 'text', markdown: `slow answer to ${m.text}` }]);
      },
    });
    try {
      const activity = teamsMessage({ serviceUrl: connector.serviceUrl, conversationId: 'a:slow', conversationType: 'personal', id: 'slow-1', text: 'hello there' });
      const res = await fetch(harness.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      expect(res.status).toBe(200);
      expect(connector.calls).toHaveLength(0); // acknowledged while the core is still busy
      release();
      await harness.part.idle();
      expect(JSON.stringify(connector.calls[0]?.body)).toContain('slow answer to hello there');
    } finally {
      release();
      await harness.close();
      await connector.close();
    }
  });
});

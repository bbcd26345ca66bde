import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PAGE_GONE } from '../paged-replies.js';
import { syntheticWorstCase } from '../test-support/sample-replies.js';
import { TEAMS_MESSAGE_LIMIT_BYTES, utf16Bytes } from './render-adaptive-card.js';
import { startConnectorStandIn, type ConnectorStandIn } from './test-support/connector-stand-in.js';
import { BOT, startTeamsHarness, teamsMessage, type TeamsHarness } from './test-support/teams-harness.js';
import { validateAdaptiveCard } from './test-support/validate-card.js';

/** The page buttons of a posted activity: action id and value. */
function pageButtons(body: unknown): { id: string; value: string }[] {
  return [...JSON.stringify(body).matchAll(/"id":"(page\.(?:next|all))","value":"([^"]+)"/g)].map((m) => ({ id: m[1]!, value: m[2]! }));
}

describe('Teams: a reply too long for one card is paged with "next" and "show all" (real botbuilder, stand-in connector)', () => {
  let connector: ConnectorStandIn;
  let harness: TeamsHarness;
  const reply = syntheticWorstCase();
  const conversationId = 'a:personal-paging';
  const submit = (id: string, action: { id: string; value: string }) =>
    teamsMessage({ serviceUrl: connector.serviceUrl, conversationId, conversationType: 'personal', id, value: { action }, replyToId: `card-${id}` });

  beforeEach(async () => {
    connector = await startConnectorStandIn();
    harness = await startTeamsHarness({ core: () => reply });
  });
  afterEach(async () => {
    await harness.close();
    await connector.close();
  });

  it('sends the first card with the buttons; Action.Submit "next" sends card 2 and strips the pressed card, "show all" the rest; every card valid and under 40 KB', async () => {
    expect((await harness.post(teamsMessage({ serviceUrl: connector.serviceUrl, conversationId, conversationType: 'personal', id: 'p-1', text: 'worst case' }))).status).toBe(200);
    const first = connector.calls.filter((c) => c.method === 'POST');
    expect(first).toHaveLength(1);
    const buttons = pageButtons(first[0]!.body);
    expect(buttons.map((b) => b.id)).toEqual(['page.next', 'page.all']);
    const total = Number(/\(2\/(\d+)\)/.exec(JSON.stringify(first[0]!.body))?.[1]);
    expect(total).toBeGreaterThan(2);

    connector.calls.length = 0;
    expect((await harness.post(submit('p-2', buttons[0]!))).status).toBe(200);
    expect(connector.calls.map((c) => c.method)).toEqual(['POST', 'PUT']);
    const put = connector.calls.find((c) => c.method === 'PUT')!;
    expect(put.activityId).toBe('card-p-2');
    expect(pageButtons(put.body)).toEqual([]);
    const second = connector.calls.find((c) => c.method === 'POST')!;
    const secondButtons = pageButtons(second.body);
    expect(secondButtons[0]!.id).toBe('page.next');

    const before = connector.calls.length;
    expect((await harness.post(submit('p-3', secondButtons.at(-1)!))).status).toBe(200);
    const rest = connector.calls.slice(before).filter((c) => c.method === 'POST');
    expect(rest.length).toBe(total - 2);
    expect(pageButtons(rest.at(-1)!.body)).toEqual([]);
    for (const call of [...first, second, ...rest]) {
      expect(utf16Bytes(call.body)).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES);
      for (const a of call.body.attachments ?? []) expect(validateAdaptiveCard(a.content)).toEqual([]);
    }
    const checklist = reply.blocks.find((b) => b.kind === 'checklist');
    if (checklist?.kind !== 'checklist') throw new Error('no checklist');
    const shown = JSON.stringify([...first, second, ...rest].map((c) => c.body));
    for (const item of checklist.items) expect(shown).toContain(`|${item.id}|`);
    expect(harness.handled.filter((m) => m.action?.id.startsWith('page.'))).toEqual([]);
  });

  it('Action.Execute "next" answers with the pressed card refreshed without buttons and sends the next one; a reply no longer kept gets a notice', async () => {
    await harness.post(teamsMessage({ serviceUrl: connector.serviceUrl, conversationId, conversationType: 'personal', id: 'e-1', text: 'worst case' }));
    const [next] = pageButtons(connector.calls[0]!.body);
    connector.calls.length = 0;
    const execute = (id: string, action: { id: string; value: string }) => ({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id,
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      from: { id: '29:user-1', name: 'Anna', aadObjectId: 'aad-user-1' },
      recipient: BOT,
      conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
      replyToId: 'card-1',
      value: { action: { type: 'Action.Execute', verb: action.id, data: { action } }, trigger: 'manual' },
    });
    const res = await harness.post(execute('e-2', next!));
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { statusCode: number; type: string; value: unknown };
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(pageButtons(body.value)).toEqual([]);
    expect(connector.calls.filter((c) => c.method === 'POST')).toHaveLength(1);

    connector.calls.length = 0;
    expect((await harness.post(submit('e-3', { id: 'page.next', value: 'not-kept|1' }))).status).toBe(200);
    expect(connector.calls.map((c) => c.body.text)).toEqual([PAGE_GONE]);
  });
});

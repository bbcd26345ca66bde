import { testKnowledge } from '../../knowledge/test-support/test-knowledge.js';
import { describe, expect, it } from 'vitest';
import { sampleReplies, syntheticWorstCase } from '../test-support/sample-replies.js';
import { TEAMS_MESSAGE_LIMIT_BYTES, cardText, renderAdaptiveCardPage, renderAdaptiveCards, utf16Bytes } from './render-adaptive-card.js';
import { renderTeamsMessages } from './render-teams-message.js';
import { validateAdaptiveCard } from './test-support/validate-card.js';

/** Every TextBlock text and fact in a card. */
function texts(value: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
      if (typeof o.title === 'string' && typeof o.value === 'string') out.push(o.title, o.value);
      Object.values(o).forEach(walk);
    }
  };
  walk(value);
  return out;
}

describe('every Adaptive Card the bot can send', async () => {
  const samples = await sampleReplies();

  it('covers every reply kind, including the largest checklist', () => {
    expect(samples.length).toBeGreaterThanOrEqual(18);
  });

  for (const { name, reply } of samples) {
    it(`${name}: valid Adaptive Card 1.5 (adaptivecards package), each message < 40 KB as UTF-16, no literal quote or sub-bullet markers`, () => {
      const messages = renderTeamsMessages(reply);
      expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) {
        expect(utf16Bytes(message), name).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES);
        for (const attachment of message.attachments ?? []) {
          expect(validateAdaptiveCard(attachment.content), name).toEqual([]);
          for (const t of texts(attachment.content)) {
            for (const line of t.split('\n')) {
              expect(line, name).not.toMatch(/^\s*> /);
              expect(line, name).not.toMatch(/^\s*o /);
            }
          }
        }
        for (const line of (message.text ?? '').split('\n')) expect(line).not.toMatch(/^\s*(> |o )/);
      }
    });
  }

  it('pages a reply over the limit into several cards without dropping any checklist item or text', () => {
    const reply = syntheticWorstCase();
    const cards = renderAdaptiveCards(reply);
    expect(cards.length).toBeGreaterThan(3);
    const all = JSON.stringify(cards);
    const checklist = reply.blocks.find((b) => b.kind === 'checklist');
    if (checklist?.kind !== 'checklist') throw new Error('no checklist');
    for (const item of checklist.items) expect(all).toContain(`|${item.id}|`);
    expect(all.split('Een subpunt uit de PDF').length - 1).toBe(400);
    for (const card of cards) {
      expect(utf16Bytes(card)).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES);
      expect(validateAdaptiveCard(card)).toEqual([]);
    }
    // A tick updates the card holding that item, and the page keeps the same items whatever is ticked.
    const page = renderAdaptiveCardPage(reply, 'item-100');
    expect(JSON.stringify(page)).toContain('|item-100|');
    const ticked = { ...reply, blocks: reply.blocks.map((b) => (b.kind === 'checklist' ? { ...b, items: b.items.map((i) => ({ ...i, done: true })) } : b)) };
    const ids = (c: unknown) => [...JSON.stringify(c).matchAll(/\|(item-\d+)\|/g)].map((m) => m[1]);
    expect(ids(renderAdaptiveCardPage(ticked, 'item-100'))).toEqual(ids(page));
  });

  it('makes PDF quote markers and sub-bullets plain card markdown', () => {
    expect(cardText('> Let op\n  o eerste punt\n▪ tweede\nonder meer')).toBe('Let op\n  - eerste punt\n- tweede\nonder meer');
  });
});

describe('the largest checklist on the Teams stand-in (real botbuilder, real core)', () => {
  it('posts every message under 40 KB as UTF-16; a tick by Action.Submit or Action.Execute refreshes the card holding the item', async () => {
    const { route } = await import('../../bot/core.js');
    const { createHandlerContext } = await import('../../bot/create-context.js');
    const { loadConfig } = await import('../../bot/config.js');
    const { silentLogger } = await import('../../bot/logger.js');
    const { startConnectorStandIn } = await import('./test-support/connector-stand-in.js');
    const { startTeamsHarness, teamsMessage, BOT } = await import('./test-support/teams-harness.js');
    const { LARGEST_CHECKLIST_REQUEST } = await import('../test-support/sample-replies.js');
    const connector = await startConnectorStandIn();
    const config = loadConfig({ DATABASE_URL: 'file::memory:' });
    let store: import('../../handlers/store.js').Store | undefined;
    const harness = await startTeamsHarness({ core: (m) => route(m, createHandlerContext(config, new Date('2026-05-11T10:00:00+02:00'), silentLogger, async () => store!, testKnowledge())) });
    store = harness.store;
    try {
      const conversationId = 'a:personal-largest';
      const ask = teamsMessage({ serviceUrl: connector.serviceUrl, conversationId, conversationType: 'personal', id: 'big-1', text: LARGEST_CHECKLIST_REQUEST });
      expect((await harness.post(ask)).status).toBe(200);
      // Too long for one card: the first card comes with "next" and "show all"; "show all" sends the rest.
      const first = connector.calls.filter((c) => c.method === 'POST');
      expect(first).toHaveLength(1);
      // With two cards only "next" is offered ("show all" would show the same one card).
      const firstJson = JSON.stringify(first[0]!.body);
      const pageAction = firstJson.includes('"id":"page.all"') ? 'page.all' : 'page.next';
      const pageValue = new RegExp(`"id":"${pageAction}","value":"([^"]+)"`).exec(firstJson)?.[1];
      expect(pageValue).toBeDefined();
      const showAll = teamsMessage({ serviceUrl: connector.serviceUrl, conversationId, conversationType: 'personal', id: 'big-all', value: { action: { id: pageAction, value: pageValue } }, replyToId: 'activity-first' });
      expect((await harness.post(showAll)).status).toBe(200);
      const pressed = connector.calls.find((c) => c.method === 'PUT');
      expect(pressed?.activityId).toBe('activity-first');
      expect(JSON.stringify(pressed?.body)).not.toContain('page.');
      const posted = connector.calls.filter((c) => c.method === 'POST');
      expect(posted.length).toBeGreaterThan(1);
      expect(JSON.stringify(posted.at(-1)!.body)).not.toContain('page.');
      for (const call of [...posted, pressed!]) {
        expect(utf16Bytes(call.body)).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES);
        for (const a of call.body.attachments ?? []) expect(validateAdaptiveCard(a.content)).toEqual([]);
      }
      const values = [...JSON.stringify(posted).matchAll(/"value":"(esc-[^"|]+)\|([^"|]+)\|1"/g)];
      expect(values.length).toBeGreaterThanOrEqual(25);
      const [, checklistId, itemId] = values[values.length - 1]!;

      // Action.Submit: the card it came from is updated in place (PUT), with the item ticked.
      connector.calls.length = 0;
      const submit = { ...teamsMessage({ serviceUrl: connector.serviceUrl, conversationId, conversationType: 'personal', id: 'big-2', value: { action: { id: 'checklist.toggle', value: `${checklistId}|${itemId}|1` } }, replyToId: 'activity-1' }) };
      expect((await harness.post(submit)).status).toBe(200);
      const put = connector.calls.find((c) => c.method === 'PUT');
      expect(put?.activityId).toBe('activity-1');
      expect(JSON.stringify(put?.body)).toContain(`${checklistId}|${itemId}|0`);
      expect(utf16Bytes(put?.body)).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES);

      // Action.Execute (Universal Actions): 200 with the refreshed card as invoke response.
      const execute = {
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: 'big-3',
        channelId: 'msteams',
        serviceUrl: connector.serviceUrl,
        from: { id: '29:user-1', name: 'Anna', aadObjectId: 'aad-user-1' },
        recipient: BOT,
        conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
        replyToId: 'activity-1',
        value: { action: { type: 'Action.Execute', verb: 'checklist.toggle', data: { action: { id: 'checklist.toggle', value: `${checklistId}|${itemId}|0` } } }, trigger: 'manual' },
      };
      const res = await harness.post(execute);
      expect(res.status).toBe(200);
      const body = JSON.parse(res.body) as { statusCode: number; type: string; value: unknown };
      expect(body.statusCode).toBe(200);
      expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(JSON.stringify(body.value)).toContain(`${checklistId}|${itemId}|1`);
      expect(validateAdaptiveCard(body.value)).toEqual([]);
    } finally {
      await harness.close();
      await connector.close();
    }
  });
});

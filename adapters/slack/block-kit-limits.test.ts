import { describe, expect, it } from 'vitest';
import { LARGEST_CHECKLIST_REQUEST, sampleReplies, syntheticWorstCase } from '../test-support/sample-replies.js';
import { renderBlockKit, renderBlockKitPage, SLACK_LIMITS, type SlackMessage } from './render-block-kit.js';
import { eventEnvelope, postSigned } from './test-support/signed-request.js';
import { SIGNING_SECRET, startSlackHarness } from './test-support/slack-harness.js';

type Json = Record<string, unknown>;

/** Every violation of Slack's published Block Kit limits in one message (https://docs.slack.dev/reference/block-kit/blocks). */
function violations(message: { text?: unknown; blocks?: unknown }): string[] {
  const out: string[] = [];
  const blocks = (message.blocks ?? []) as Json[];
  if (blocks.length > SLACK_LIMITS.blocksPerMessage) out.push(`${blocks.length} blocks`);
  if (String(message.text).length > SLACK_LIMITS.fallbackText) out.push(`text ${String(message.text).length} characters`);
  const text = (o: unknown) => String((o as Json | undefined)?.text ?? '');
  for (const [i, b] of blocks.entries()) {
    const at = `block ${i} (${String(b.type)})`;
    if (typeof b.block_id === 'string' && b.block_id.length > SLACK_LIMITS.blockId) out.push(`${at}: block_id`);
    switch (b.type) {
      case 'section': {
        if (b.text && text(b.text).length > SLACK_LIMITS.sectionText) out.push(`${at}: text`);
        const fields = (b.fields as Json[] | undefined) ?? [];
        if (fields.length > SLACK_LIMITS.sectionFields) out.push(`${at}: ${fields.length} fields`);
        for (const f of fields) if (text(f).length > SLACK_LIMITS.fieldText) out.push(`${at}: field text`);
        const accessory = b.accessory as Json | undefined;
        if (accessory) {
          if (text(accessory.text).length > SLACK_LIMITS.buttonText) out.push(`${at}: button text`);
          if (String(accessory.action_id).length > SLACK_LIMITS.actionId) out.push(`${at}: action_id`);
          if (String(accessory.value ?? '').length > SLACK_LIMITS.buttonValue) out.push(`${at}: value`);
        }
        if (!b.text && fields.length === 0) out.push(`${at}: empty section`);
        break;
      }
      case 'context': {
        const elements = b.elements as Json[];
        if (elements.length > SLACK_LIMITS.contextElements || elements.length === 0) out.push(`${at}: ${elements.length} elements`);
        for (const e of elements) if (text(e).length > SLACK_LIMITS.sectionText) out.push(`${at}: element text`);
        break;
      }
      case 'actions': {
        const elements = b.elements as Json[];
        if (elements.length > SLACK_LIMITS.actionsElements || elements.length === 0) out.push(`${at}: ${elements.length} elements`);
        const ids = elements.map((e) => e.action_id);
        if (new Set(ids).size !== ids.length) out.push(`${at}: duplicate action ids`);
        for (const e of elements) {
          if (text(e.text).length > SLACK_LIMITS.buttonText) out.push(`${at}: button text`);
          if (String(e.value ?? '').length > SLACK_LIMITS.buttonValue) out.push(`${at}: value`);
        }
        break;
      }
      case 'input':
        if (text(b.label).length > SLACK_LIMITS.inputLabel) out.push(`${at}: label`);
        if (text((b.element as Json).placeholder).length > SLACK_LIMITS.placeholder) out.push(`${at}: placeholder`);
        break;
      case 'header':
        if (text(b.text).length > 150) out.push(`${at}: header`);
        break;
      case 'divider':
        break;
      default:
        out.push(`${at}: unexpected block type`);
    }
  }
  return out;
}

describe('every Block Kit payload the bot can send stays within Slack’s limits', async () => {
  const samples = await sampleReplies();

  for (const { name, reply } of samples) {
    it(name, () => {
      const messages = renderBlockKit(reply);
      expect(messages.length).toBeGreaterThan(0);
      for (const m of messages) expect(violations(m), name).toEqual([]);
    });
  }

  it('pages the worst case into messages within limits, without dropping a checklist item', () => {
    const reply = syntheticWorstCase();
    const messages: SlackMessage[] = renderBlockKit(reply);
    expect(messages.length).toBeGreaterThan(1);
    const all = JSON.stringify(messages);
    expect(all).not.toContain('ingekort');
    const checklist = reply.blocks.find((b) => b.kind === 'checklist');
    if (checklist?.kind !== 'checklist') throw new Error('no checklist');
    for (const item of checklist.items) expect(all).toContain(`|${item.id}|`);
    // A tick of an item on a later page updates that page.
    expect(JSON.stringify(renderBlockKitPage(reply, 'item-119'))).toContain('|item-119|');
    expect(renderBlockKitPage(reply, 'item-119')).not.toEqual(messages[0]);
  });

  it('posts the largest escalation checklist over HTTP as messages within limits, with every item', async () => {
    const h = await startSlackHarness();
    try {
      const event = { type: 'app_mention', user: 'U0ANNA', channel: 'C0PLANNING', ts: '1769220155.940449', text: `<@UBOT> ${LARGEST_CHECKLIST_REQUEST}` };
      expect((await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'json', value: eventEnvelope('EvBIG', event) })).status).toBe(200);
      await h.part.idle();
      const posts = h.standIn.callsTo('chat.postMessage');
      expect(posts.length).toBeGreaterThan(0);
      for (const p of posts) expect(violations(p.args)).toEqual([]);
      const ticks = JSON.stringify(posts).match(/checklist\.toggle/g) ?? [];
      expect(ticks.length).toBeGreaterThanOrEqual(25);

      // The synthetic worst case as a proactive post: several messages, each within limits.
      expect(await h.part.adapter.send({ platform: 'slack', conversationId: 'C0PLANNING' }, syntheticWorstCase())).toEqual({ ok: true });
      const more = h.standIn.callsTo('chat.postMessage').slice(posts.length);
      expect(more.length).toBeGreaterThan(1);
      for (const p of more) expect(violations(p.args)).toEqual([]);
      expect((JSON.stringify(more).match(/checklist\.toggle/g) ?? []).length).toBe(120);
    } finally {
      await h.close();
    }
  });
});

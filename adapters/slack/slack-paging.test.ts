import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_ALL_ACTION, PAGE_GONE, PAGE_NEXT_ACTION } from '../paged-replies.js';
import { syntheticWorstCase } from '../test-support/sample-replies.js';
import { SLACK_LIMITS } from './render-block-kit.js';
import { eventEnvelope, postSigned } from './test-support/signed-request.js';
import { SIGNING_SECRET, startSlackHarness, type SlackHarness } from './test-support/slack-harness.js';

interface Button {
  readonly action_id: string;
  readonly value: string;
}

/** The buttons of a posted message (blocks as the stand-in recorded them). */
function buttons(blocks: unknown): Button[] {
  const list = (Array.isArray(blocks) ? blocks : []) as { type: string; elements?: Button[] }[];
  return list.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
}

function itemIds(calls: unknown): string[] {
  return [...JSON.stringify(calls).matchAll(/\|(item-\d+)\|/g)].map((m) => m[1]!);
}

describe('Slack: a reply too long for one message is paged with "next" and "show all" buttons (real Bolt, stand-in Web API)', () => {
  let h: SlackHarness;
  afterEach(async () => {
    await h.close();
  });

  const press = async (button: Button, n: number, extra: { isEphemeral?: boolean } = {}) => {
    const payload = {
      type: 'block_actions',
      user: { id: 'U0ANNA' },
      team: { id: 'T0001' },
      channel: { id: 'C0PLANNING' },
      container: { type: 'message', message_ts: `1769220200.00000${n}`, channel_id: 'C0PLANNING', ...(extra.isEphemeral ? { is_ephemeral: true } : {}) },
      message: { ts: `1769220200.00000${n}`, thread_ts: '1769220155.940449' },
      response_url: h.standIn.responseUrl(`page-${n}`),
      trigger_id: `page.${n}`,
      actions: [{ type: 'button', action_id: button.action_id, block_id: 'page', value: button.value, action_ts: '1.0' }],
    };
    expect((await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'form', value: { payload: JSON.stringify(payload) } })).status).toBe(200);
    await h.part.idle();
  };

  it('posts the first page with the buttons; "next" shows page 2 in the thread, "show all" the rest; every item reached, every message within limits', async () => {
    const reply = syntheticWorstCase();
    h = await startSlackHarness({ handle: async (message, core) => (message.text === 'worst case' ? reply : core(message)) });
    const event = { type: 'app_mention', user: 'U0ANNA', channel: 'C0PLANNING', ts: '1769220155.940449', text: '<@UBOT> worst case' };
    expect((await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'json', value: eventEnvelope('EvPAGED', event) })).status).toBe(200);
    await h.part.idle();

    const first = h.standIn.callsTo('chat.postMessage');
    expect(first).toHaveLength(1);
    const firstButtons = buttons(first[0]!.args.blocks);
    expect(firstButtons.map((b) => b.action_id)).toEqual([PAGE_NEXT_ACTION, PAGE_ALL_ACTION]);
    expect(first[0]!.args.thread_ts).toBe('1769220155.940449');
    const total = Number(/\/(\d+)\)/.exec(JSON.stringify(first[0]!.args.blocks))?.[1]);
    expect(total).toBeGreaterThan(2);

    // "next": the pressed page is replaced without its buttons, page 2 follows in the thread with its own.
    await press(firstButtons[0]!, 1);
    const replaced = await h.standIn.waitFor((c) => c.path === '/response/page-1');
    expect(replaced.args.replace_original).toBe(true);
    expect(buttons(replaced.args.blocks).filter((b) => b.action_id.startsWith('page.'))).toEqual([]);
    const second = h.standIn.callsTo('chat.postMessage').slice(1);
    expect(second).toHaveLength(1);
    expect(second[0]!.args.thread_ts).toBe('1769220155.940449');
    const secondButtons = buttons(second[0]!.args.blocks).filter((b) => b.action_id.startsWith('page.'));
    expect(secondButtons.map((b) => b.action_id)).toEqual(total > 3 ? [PAGE_NEXT_ACTION, PAGE_ALL_ACTION] : [PAGE_NEXT_ACTION]);

    // "show all": every remaining page, the last without buttons.
    await press(secondButtons.at(-1)!, 2);
    const posts = h.standIn.callsTo('chat.postMessage');
    expect(posts).toHaveLength(total);
    expect(buttons(posts.at(-1)!.args.blocks).filter((b) => b.action_id.startsWith('page.'))).toEqual([]);
    for (const p of posts) {
      expect((p.args.blocks as unknown[]).length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
      expect(String(p.args.text).length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    }
    const checklist = reply.blocks.find((b) => b.kind === 'checklist');
    if (checklist?.kind !== 'checklist') throw new Error('no checklist');
    expect(new Set(itemIds(posts))).toEqual(new Set(checklist.items.map((i) => i.id)));
    expect(JSON.stringify(posts)).not.toContain('ingekort');
    // Page buttons never reach the core.
    expect(h.received.filter((m) => m.action?.id.startsWith('page.'))).toEqual([]);
  });

  it('a slash command answer is paged through its response URL; a page button for a reply no longer kept gets a notice', async () => {
    h = await startSlackHarness({ handle: async () => syntheticWorstCase() });
    const command = { token: 'x', team_id: 'T0001', channel_id: 'C0PLANNING', user_id: 'U0ANNA', command: '/contract', text: 'worst', response_url: h.standIn.responseUrl('cmd'), trigger_id: 'cmd.1' };
    expect((await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'form', value: command })).status).toBe(200);
    await h.part.idle();
    const answers = h.standIn.callsTo('response');
    expect(answers).toHaveLength(1);
    expect(buttons(answers[0]!.args.blocks).map((b) => b.action_id)).toEqual([PAGE_NEXT_ACTION, PAGE_ALL_ACTION]);

    await press({ action_id: PAGE_NEXT_ACTION, value: 'not-kept|1' }, 3, { isEphemeral: true });
    const notice = await h.standIn.waitFor((c) => c.path === '/response/page-3');
    expect(notice.args).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: PAGE_GONE });
  });
});

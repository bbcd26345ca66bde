import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPolicyPdf, programBytes } from '../../knowledge/ingest/extract/test-support/policy-files.js';
import { eventEnvelope, postSigned } from './test-support/signed-request.js';
import { SIGNING_SECRET, startSlackHarness, type SlackHarness } from './test-support/slack-harness.js';
import type { RecordedCall } from './test-support/slack-stand-in.js';

/** An insurer the product has never heard of (not in knowledge/data/insurers.json). */
const INSURER = 'Zorgverzekeraar Waddenkust';
const ADMIN = 'U0ADMIN';
const OTHER = 'U0OTHER';

interface SlackButton {
  readonly action_id: string;
  readonly value?: string;
  readonly text: { readonly text: string };
}

/** Every button in a list of blocks. */
function buttons(blocks: unknown): SlackButton[] {
  const out: SlackButton[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'button' && typeof o.action_id === 'string') out.push(o as unknown as SlackButton);
      Object.values(o).forEach(walk);
    }
  };
  walk(blocks);
  return out;
}

/** The text of every mrkdwn/plain text object in a list of blocks, joined. */
function blockText(blocks: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(blocks);
  return out.join('\n');
}

let seq = 0;

describe('Slack upload flow: an administrator DMs a policy, confirms its dates (real Bolt, real core, stand-in Slack)', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ env: { CONTRACTBOT_ADMINS: `slack:${ADMIN},teams:aad-someone` }, now: new Date('2026-05-11T10:00:00+02:00') });
  });
  afterEach(async () => {
    await h.close();
  });

  /** Shares a file in the sender's DM with the bot and returns the bot's answer (after the one-time welcome). */
  async function share(user: string, name: string, bytes: Uint8Array, text = ''): Promise<RecordedCall> {
    seq += 1;
    const channel = `D${user}`;
    const file = h.standIn.addFile({ id: `F${seq}`, name, mimetype: name.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream', bytes });
    const ts = `1715500${String(seq).padStart(3, '0')}.000100`;
    const event = { type: 'message', subtype: 'file_share', channel_type: 'im', channel, user, text, ts, event_ts: ts, upload: true, files: [file] };
    const before = h.standIn.callsTo('chat.postMessage').length;
    expect((await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'json', value: eventEnvelope(`EvUp${seq}`, event) })).status).toBe(200);
    await h.part.idle();
    const posts = h.standIn.callsTo('chat.postMessage').slice(before).filter((c) => c.args.channel === channel && !blockText(c.args.blocks).includes('Welkom') && !blockText(c.args.blocks).includes('Welcome'));
    expect(posts.length).toBeGreaterThan(0);
    return posts[0]!;
  }

  /** Presses a button of a message in the user's DM; resolves with the response-URL answer. */
  async function press(user: string, button: SlackButton, messageTs = '1715500000.000999'): Promise<RecordedCall> {
    seq += 1;
    const channel = `D${user}`;
    const payload = {
      type: 'block_actions',
      user: { id: user, name: user.toLowerCase() },
      team: { id: 'T0001' },
      api_app_id: 'A0001',
      channel: { id: channel },
      container: { type: 'message', message_ts: messageTs, channel_id: channel },
      message: { ts: messageTs },
      response_url: h.standIn.responseUrl(`press-${seq}`),
      trigger_id: `${seq}.2.3`,
      actions: [{ type: 'button', action_id: button.action_id, block_id: `b${seq}`, value: button.value, action_ts: '1715500001.0' }],
    };
    expect((await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'form', value: { payload: JSON.stringify(payload) } })).status).toBe(200);
    return h.standIn.waitFor((c) => c.path === `/response/press-${seq}`);
  }

  async function dm(user: string, text: string): Promise<RecordedCall> {
    seq += 1;
    const ts = `1715600${String(seq).padStart(3, '0')}.000100`;
    const before = h.standIn.callsTo('chat.postMessage').length;
    await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'json', value: eventEnvelope(`EvDm${seq}`, { type: 'message', channel_type: 'im', channel: `D${user}`, user, text, ts, event_ts: ts }) });
    await h.part.idle();
    return h.standIn.callsTo('chat.postMessage').slice(before).filter((c) => !blockText(c.args.blocks).includes('Welkom'))[0]!;
  }

  it("answers an administrator's PDF with the proposals and Confirm / Edit / Reject buttons; Confirm all stores them confirmed", async () => {
    const answer = await share(ADMIN, 'waddenkust-ggz-2027.pdf', await buildPolicyPdf({ insurer: INSURER, contractYear: 2027 }), `${INSURER} ggz 2027`);
    const text = blockText(answer.args.blocks);
    expect(text).toContain('2026-11-12'); // "12 november 2026: Uiterste datum van ondertekening" from the planning table
    const all = buttons(answer.args.blocks);
    const ids = new Set(all.map((b) => b.action_id.replace(/~\d+$/, '')));
    expect([...ids].sort()).toEqual(['documents.accept', 'documents.accept-all', 'documents.edit', 'documents.reject']);
    // Block Kit limits: at most 50 blocks per message, 25 elements per actions block.
    expect((answer.args.blocks as unknown[]).length).toBeLessThanOrEqual(50);

    const [document] = await h.store.listDocuments();
    expect(document?.meta.insurer).toBe(INSURER);
    const proposed = await h.store.listKnowledgeItems({ documentId: document!.meta.id });
    expect(proposed.length).toBeGreaterThanOrEqual(5);
    expect(proposed.every((i) => i.status === 'proposed')).toBe(true);
    // The prose rule is proposed too (beyond the proposals shown with their own buttons, Confirm all covers it).
    expect(proposed.some((i) => i.kind === 'rule' && i.rule.quote.includes('binnen 10 werkdagen'))).toBe(true);

    const confirmAll = all.find((b) => b.action_id === 'documents.accept-all')!;
    const confirmed = await press(ADMIN, confirmAll);
    expect(String(confirmed.args.text)).toMatch(new RegExp(`${proposed.length} (bevestigd|confirmed)`));
    const after = await h.store.listKnowledgeItems({ documentId: document!.meta.id });
    expect(after.map((i) => i.status)).toEqual(proposed.map(() => 'confirmed'));
  });

  it('confirms, rejects and edits single proposals; Edit asks for the correction, which is typed in the DM', async () => {
    const answer = await share(ADMIN, 'waddenkust.pdf', await buildPolicyPdf({ insurer: INSURER, contractYear: 2027 }), INSURER);
    const all = buttons(answer.args.blocks);
    const accepts = all.filter((b) => b.action_id.startsWith('documents.accept') && !b.action_id.startsWith('documents.accept-all'));
    const rejects = all.filter((b) => b.action_id.startsWith('documents.reject'));
    const edits = all.filter((b) => b.action_id.startsWith('documents.edit'));
    expect(accepts.length).toBeGreaterThanOrEqual(3);

    await press(ADMIN, accepts[0]!);
    await press(ADMIN, rejects[1]!);
    const status = async (id: string | undefined) => (await h.store.listKnowledgeItems()).find((i) => i.id === id)?.status;
    expect(await status(accepts[0]!.value)).toBe('confirmed');
    expect(await status(rejects[1]!.value)).toBe('rejected');
    // A second press of the same button changes nothing and says so.
    const again = await press(ADMIN, accepts[0]!);
    expect(String(again.args.text)).toMatch(/al verwerkt|already handled/);

    const edit = edits.find((b) => b.value !== accepts[0]!.value && b.value !== rejects[1]!.value)!;
    const how = await press(ADMIN, edit);
    expect(String(how.args.text)).toContain(edit.value);
    const edited = await dm(ADMIN, `wijzig ${edit.value} datum 2026-11-20`);
    expect(String(edited.args.text)).toContain('2026-11-20');
    const item = (await h.store.listKnowledgeItems()).find((i) => i.id === edit.value);
    expect(item?.kind === 'milestone' && item.milestone.when.kind === 'date' ? item.milestone.when.date : undefined).toBe('2026-11-20');
    expect(item?.status).toBe('proposed');
  });

  it('refuses an upload and a button press from anyone else politely and stores nothing', async () => {
    const refused = await share(OTHER, 'waddenkust.pdf', await buildPolicyPdf({ insurer: INSURER }), INSURER);
    expect(String(refused.args.text)).toMatch(/Alleen beheerders|Only administrators/);
    expect(String(refused.args.text).split('\n')).toHaveLength(1);
    expect(buttons(refused.args.blocks).filter((b) => b.action_id.startsWith('documents.'))).toHaveLength(0);
    expect(await h.store.listDocuments()).toEqual([]);
    // The sender was refused before any download: the stand-in saw no file request (nor files.info).
    expect(h.standIn.callsTo('file.download')).toHaveLength(0);
    expect(h.standIn.callsTo('files.info')).toHaveLength(0);

    const answer = await share(ADMIN, 'waddenkust.pdf', await buildPolicyPdf({ insurer: INSURER }), INSURER);
    expect(h.standIn.callsTo('file.download')).toHaveLength(1);
    const confirmAll = buttons(answer.args.blocks).find((b) => b.action_id === 'documents.accept-all')!;
    const pressed = await press(OTHER, confirmAll);
    expect(String(pressed.args.text)).toMatch(/Alleen beheerders|Only administrators/);
    const items = await h.store.listKnowledgeItems();
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.status === 'proposed')).toBe(true);
  });

  it('answers a program renamed .pdf, an empty file and a file over 50 MB with one line each and stores nothing', async () => {
    const program = await share(ADMIN, 'beleid.pdf', programBytes());
    const empty = await share(ADMIN, 'leeg.pdf', new Uint8Array());
    for (const [answer, pattern] of [
      [program, /geen PDF|not a PDF/],
      [empty, /leeg|empty/],
    ] as const) {
      expect(String(answer.args.text)).toMatch(pattern);
      expect(String(answer.args.text).trim().split('\n')).toHaveLength(1);
    }
    seq += 1;
    const huge = h.standIn.addFile({ id: `F${seq}`, name: 'groot.pdf', mimetype: 'application/pdf', bytes: new Uint8Array(8), size: 60 * 1024 * 1024 });
    const ts = `1715700${String(seq).padStart(3, '0')}.000100`;
    await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'json', value: eventEnvelope(`EvBig${seq}`, { type: 'message', subtype: 'file_share', channel_type: 'im', channel: `D${ADMIN}`, user: ADMIN, text: '', ts, files: [huge] }) });
    const tooLarge = await h.standIn.waitFor((c) => c.method === 'chat.postMessage' && /50 MB/.test(String(c.args.text)));
    expect(String(tooLarge.args.text).trim().split('\n')).toHaveLength(1);
    expect(h.standIn.callsTo('file.download').filter((c) => c.path.includes(huge.id))).toHaveLength(0);
    expect(await h.store.listDocuments()).toEqual([]);
    expect(await h.store.listKnowledgeItems()).toEqual([]);
  });
});

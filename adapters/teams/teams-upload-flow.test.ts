import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { route } from '../../bot/core.js';
import { buildPolicyPdf, programBytes } from '../../knowledge/ingest/extract/test-support/policy-files.js';
import { startConnectorStandIn, type ConnectorCall, type ConnectorStandIn } from './test-support/connector-stand-in.js';
import { startTeamsHarness, teamsMessage, type TeamsHarness } from './test-support/teams-harness.js';
import { validateAdaptiveCard } from './test-support/validate-card.js';
import { TEAMS_FILE_DOWNLOAD_INFO } from './teams-file.js';

/** An insurer the product has never heard of (not in knowledge/data/insurers.json). */
const INSURER = 'Zorgverzekeraar Waddenkust';
const ADMIN = { id: '29:admin', name: 'Bea Beheer', aadObjectId: 'aad-admin' };
const OTHER = { id: '29:other', name: 'Olaf Anders', aadObjectId: 'aad-other' };
const CARD = 'application/vnd.microsoft.card.adaptive';

interface SubmitData {
  readonly action: { readonly id: string; readonly value?: string };
}

/** Every Action.Submit in a card, with its title. */
function submits(card: unknown): { title: string; data: SubmitData }[] {
  const out: { title: string; data: SubmitData }[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'Action.Submit') out.push({ title: String(o.title), data: o.data as SubmitData });
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** The visible text of a reply: its text, or the TextBlocks of its cards. */
function visible(call: ConnectorCall): string {
  const parts: string[] = [String(call.body.text ?? '')];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') parts.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(call.body.attachments ?? []);
  return parts.join('\n').trim();
}

let seq = 0;

describe('Teams upload flow: an administrator sends a policy in personal chat and confirms its dates (CloudAdapter, real core, stand-in connector)', () => {
  let connector: ConnectorStandIn;
  let harness: TeamsHarness;
  beforeAll(async () => {
    connector = await startConnectorStandIn();
    harness = await startTeamsHarness({ env: { CONTRACTBOT_ADMINS: `teams:${ADMIN.aadObjectId},slack:U0SOMEONE` }, core: (message, context) => route(message, context) });
  });
  afterAll(async () => {
    await harness.close();
    await connector.close();
  });
  afterEach(async () => {
    for (const document of await harness.store.listDocuments()) await harness.store.removeDocument(document.meta.id, new Date());
  });

  const conversation = (user: typeof ADMIN) => `a:1${user.aadObjectId}-personal`;

  /** Sends a file as Teams does (download info with a pre-authenticated link, plus the HTML copy); returns the replies. */
  async function send(user: typeof ADMIN, name: string, bytes: Uint8Array, text = ''): Promise<ConnectorCall[]> {
    seq += 1;
    const { downloadUrl } = connector.addFile(`file-${seq}`, bytes, 'application/octet-stream');
    const before = connector.calls.length;
    const activity = teamsMessage({
      serviceUrl: connector.serviceUrl,
      conversationId: conversation(user),
      conversationType: 'personal',
      id: `up-${seq}`,
      text,
      from: user,
      attachments: [
        { contentType: TEAMS_FILE_DOWNLOAD_INFO, contentUrl: `https://contoso.sharepoint.com/personal/x/Documents/${name}`, name, content: { downloadUrl, uniqueId: `u-${seq}`, fileType: name.split('.').pop() } },
        { contentType: 'text/html', content: `<p>${text}</p>` },
      ],
    });
    expect((await harness.post(activity)).status).toBe(200);
    return connector.calls.slice(before);
  }

  /** Presses an Action.Submit (a message activity with the button's data as value). */
  async function submit(user: typeof ADMIN, data: SubmitData): Promise<ConnectorCall[]> {
    seq += 1;
    const before = connector.calls.length;
    const activity = teamsMessage({ serviceUrl: connector.serviceUrl, conversationId: conversation(user), conversationType: 'personal', id: `press-${seq}`, from: user, value: data, replyToId: 'card-1' });
    expect((await harness.post(activity)).status).toBe(200);
    return connector.calls.slice(before);
  }

  it("answers an administrator's PDF with an Adaptive Card 1.5 of proposals with Confirm / Edit / Reject and Confirm all; Confirm all stores them confirmed", async () => {
    const replies = await send(ADMIN, 'waddenkust-ggz-2027.pdf', await buildPolicyPdf({ insurer: INSURER, contractYear: 2027 }), `${INSURER} ggz 2027`);
    const cards = replies.flatMap((r) => (r.body.attachments ?? []).filter((a: { contentType: string }) => a.contentType === CARD).map((a: { content: unknown }) => a.content));
    expect(cards.length).toBeGreaterThanOrEqual(1);
    for (const card of cards) {
      expect((card as { version: string }).version).toBe('1.5');
      expect(validateAdaptiveCard(card)).toEqual([]);
      expect(JSON.stringify(card).length * 2).toBeLessThan(40 * 1024);
    }
    const text = replies.map(visible).join('\n');
    expect(text).toContain('2026-11-12');
    const actions = cards.flatMap(submits);
    expect([...new Set(actions.map((a) => a.data.action.id))].sort()).toEqual(['documents.accept', 'documents.accept-all', 'documents.edit', 'documents.reject']);

    const [document] = await harness.store.listDocuments();
    expect(document?.meta.insurer).toBe(INSURER);
    const proposed = await harness.store.listKnowledgeItems({ documentId: document!.meta.id });
    expect(proposed.length).toBeGreaterThanOrEqual(5);
    expect(proposed.some((i) => i.kind === 'rule' && i.rule.quote.includes('binnen 10 werkdagen'))).toBe(true);

    const confirmAll = actions.find((a) => a.data.action.id === 'documents.accept-all')!;
    const confirmed = await submit(ADMIN, confirmAll.data);
    expect(confirmed.map(visible).join('\n')).toMatch(new RegExp(`${proposed.length} (bevestigd|confirmed)`));
    const after = await harness.store.listKnowledgeItems({ documentId: document!.meta.id });
    expect(after.map((i) => i.status)).toEqual(proposed.map(() => 'confirmed'));
  });

  it('confirms with Action.Execute (Universal Actions), rejects with Action.Submit, and edits with a typed correction', async () => {
    const replies = await send(ADMIN, 'waddenkust.pdf', await buildPolicyPdf({ insurer: INSURER, contractYear: 2027 }), INSURER);
    const actions = replies.flatMap((r) => r.body.attachments ?? []).flatMap((a: { content: unknown }) => submits(a.content));
    const accepts = actions.filter((a) => a.data.action.id === 'documents.accept');
    const rejects = actions.filter((a) => a.data.action.id === 'documents.reject');
    const edits = actions.filter((a) => a.data.action.id === 'documents.edit');
    const status = async (id: string | undefined) => (await harness.store.listKnowledgeItems()).find((i) => i.id === id)?.status;

    seq += 1;
    const invoke = {
      ...teamsMessage({ serviceUrl: connector.serviceUrl, conversationId: conversation(ADMIN), conversationType: 'personal', id: `exec-${seq}`, from: ADMIN, replyToId: 'card-1' }),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'documents.accept', data: accepts[0]!.data }, trigger: 'manual' },
    };
    const executed = await harness.post(invoke);
    expect(executed.status).toBe(200);
    expect(executed.body).toMatch(/bevestigd|confirmed/);
    expect(await status(accepts[0]!.data.action.value)).toBe('confirmed');

    await submit(ADMIN, rejects[1]!.data);
    expect(await status(rejects[1]!.data.action.value)).toBe('rejected');

    const edit = edits.find((e) => e.data.action.value !== accepts[0]!.data.action.value && e.data.action.value !== rejects[1]!.data.action.value)!;
    const id = edit.data.action.value!;
    const how = await submit(ADMIN, edit.data);
    expect(how.map(visible).join('\n')).toContain(id);
    seq += 1;
    const before = connector.calls.length;
    await harness.post(teamsMessage({ serviceUrl: connector.serviceUrl, conversationId: conversation(ADMIN), conversationType: 'personal', id: `typed-${seq}`, from: ADMIN, text: `edit ${id} date 2026-11-20` }));
    expect(connector.calls.slice(before).map(visible).join('\n')).toContain('2026-11-20');
    const item = (await harness.store.listKnowledgeItems()).find((i) => i.id === id);
    expect(item?.kind === 'milestone' && item.milestone.when.kind === 'date' ? item.milestone.when.date : undefined).toBe('2026-11-20');
  });

  it('refuses an upload and a button press from anyone else politely and stores nothing', async () => {
    const downloadsBefore = connector.downloads.length;
    const refused = await send(OTHER, 'waddenkust.pdf', await buildPolicyPdf({ insurer: INSURER }), INSURER);
    expect(refused).toHaveLength(1);
    expect(visible(refused[0]!)).toMatch(/^(Alleen beheerders|Only administrators)[^\n]*$/);
    // An attachment on the connector itself (contentUrl, fetched with the bot's token) is refused alike.
    const { contentUrl } = connector.addFile(`file-other-${seq}`, await buildPolicyPdf({ insurer: INSURER }), 'application/pdf');
    const before = connector.calls.length;
    await harness.post(
      teamsMessage({ serviceUrl: connector.serviceUrl, conversationId: conversation(OTHER), conversationType: 'personal', id: `up-other-${seq}`, from: OTHER, attachments: [{ contentType: 'application/pdf', contentUrl, name: 'waddenkust.pdf' }] }),
    );
    expect(connector.calls.slice(before).map(visible)).toEqual([expect.stringMatching(/^(Alleen beheerders|Only administrators)/)]);
    // Refused before any download: the stand-in saw no request for either file.
    expect(connector.downloads.slice(downloadsBefore)).toEqual([]);
    expect(await harness.store.listDocuments()).toEqual([]);

    const replies = await send(ADMIN, 'waddenkust.pdf', await buildPolicyPdf({ insurer: INSURER }), INSURER);
    expect(connector.downloads.slice(downloadsBefore)).toHaveLength(1);
    const confirmAll = replies.flatMap((r) => r.body.attachments ?? []).flatMap((a: { content: unknown }) => submits(a.content)).find((a) => a.data.action.id === 'documents.accept-all')!;
    const pressed = await submit(OTHER, confirmAll.data);
    expect(pressed.map(visible).join('\n')).toMatch(/Alleen beheerders|Only administrators/);
    const items = await harness.store.listKnowledgeItems();
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.status === 'proposed')).toBe(true);
  });

  it('answers a program renamed .pdf and an empty file with one line each and stores nothing', async () => {
    for (const [name, bytes, pattern] of [
      ['beleid.pdf', programBytes(), /geen PDF|not a PDF/],
      ['leeg.pdf', new Uint8Array(), /leeg|empty/],
    ] as const) {
      const replies = await send(ADMIN, name, bytes);
      expect(replies).toHaveLength(1);
      expect(visible(replies[0]!)).toMatch(pattern);
      expect(visible(replies[0]!).split('\n')).toHaveLength(1);
    }
    expect(await harness.store.listDocuments()).toEqual([]);
    expect(await harness.store.listKnowledgeItems()).toEqual([]);
  });
});

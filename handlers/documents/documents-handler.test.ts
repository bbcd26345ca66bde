import { describe, expect, it } from 'vitest';
import { createKnowledgeSource } from '../../bot/knowledge-source.js';
import { silentLogger } from '../../bot/logger.js';
import { openStore } from '../../bot/storage/open-store.js';
import { buildPolicyPdf, programBytes } from '../../knowledge/ingest/extract/test-support/policy-files.js';
import type { HandlerContext } from '../context.js';
import { handlers } from '../registry.js';
import { replyToJson } from '../reply-json.js';
import { createRouter } from '../router.js';
import type { Address, IncomingFile, IncomingMessage } from '../types.js';
import { DOCUMENTS_ACCEPT, DOCUMENTS_ACCEPT_ALL, DOCUMENTS_EDIT, parseEditCommand } from './documents-handler.js';

const ADMIN: Address = { platform: 'slack', conversationId: 'D1', userId: 'U_ADMIN' };
const OTHER: Address = { platform: 'slack', conversationId: 'D2', userId: 'U_OTHER' };
const INSURER = 'Zorgverzekeraar Noorderlicht';
const route = createRouter(handlers);

/** A file as an adapter hands it to the core; `fetches` counts the downloads the core asked for. */
function fileOf(name: string, bytes: Uint8Array): IncomingFile & { fetches: number } {
  const file = {
    name,
    fetches: 0,
    fetch: async () => {
      file.fetches += 1;
      return { kind: 'ok' as const, name, bytes };
    },
  };
  return file;
}

async function setup() {
  const store = await openStore('file::memory:');
  const source = createKnowledgeSource({}, async () => store);
  const now = new Date('2026-04-02T10:00:00+02:00');
  const context = async (): Promise<HandlerContext> => ({
    now,
    knowledge: await source.refresh(),
    holidays: { goodFriday: false, liberationDay: false },
    store: async () => store,
    log: silentLogger,
    admins: ['slack:U_ADMIN'],
  });
  const send = async (message: Omit<IncomingMessage, 'receivedAt'>) => route({ ...message, receivedAt: now }, await context());
  return { store, send, context };
}

describe('documents in chat', () => {
  it('an administrator sends a policy: proposals with Confirm / Edit / Reject, Confirm all makes them deadlines', async () => {
    const { store, send } = await setup();
    const pdf = await buildPolicyPdf({ insurer: INSURER, contractYear: 2027 });
    const reply = await send({ address: ADMIN, text: `${INSURER} ggz 2027`, file: fileOf('noorderlicht.pdf', pdf) });
    expect(reply.intent).toBe('documents');
    expect(reply.fallbackText).toContain('2026-11-12');
    const buttons = reply.blocks.flatMap((b) => (b.kind === 'actions' ? b.buttons : []));
    expect(buttons.some((b) => b.id === DOCUMENTS_ACCEPT)).toBe(true);
    expect(buttons.some((b) => b.id === DOCUMENTS_EDIT)).toBe(true);
    const all = buttons.find((b) => b.id === DOCUMENTS_ACCEPT_ALL);
    expect(all?.value).toBeDefined();

    const before = replyToJson(await send({ address: ADMIN, text: `When must I sign with ${INSURER}?` }));
    expect(before.deadlines.map((d) => d.date)).not.toContain('2026-11-12');

    const confirmed = await send({ address: ADMIN, text: '', action: { id: DOCUMENTS_ACCEPT_ALL, value: all?.value ?? '' } });
    expect(confirmed.fallbackText).toMatch(/bevestigd|confirmed/);
    expect((await store.listKnowledgeItems({ status: 'proposed' })).length).toBe(0);

    const after = replyToJson(await send({ address: ADMIN, text: `When must I sign with ${INSURER}?` }));
    expect(after.deadlines[0]).toMatchObject({ date: '2026-11-12', status: 'upcoming' });
  });

  it('a typed edit corrects a proposal; a second confirm of the same proposal acts once', async () => {
    const { store, send } = await setup();
    const reply = await send({ address: ADMIN, text: INSURER, file: fileOf('p.pdf', await buildPolicyPdf({ insurer: INSURER })) });
    const accept = reply.blocks.flatMap((b) => (b.kind === 'actions' ? b.buttons : [])).find((b) => b.id === DOCUMENTS_ACCEPT);
    const id = accept?.value ?? '';
    const edited = await send({ address: ADMIN, text: `wijzig ${id} datum 2027-01-05` });
    expect(edited.fallbackText).toContain('2027-01-05');
    const [first, second] = await Promise.all([
      send({ address: ADMIN, text: '', action: { id: DOCUMENTS_ACCEPT, value: id } }),
      send({ address: ADMIN, text: '', action: { id: DOCUMENTS_ACCEPT, value: id } }),
    ]);
    const texts = [first.fallbackText, second.fallbackText];
    expect(texts.filter((t) => /bevestigd|confirmed/.test(t))).toHaveLength(1);
    expect((await store.listKnowledgeItems({ status: 'confirmed' })).map((i) => i.id)).toEqual([id]);
  });

  it('anyone else gets a polite refusal and nothing is stored; a bad file gets one line and nothing is stored', async () => {
    const { store, send } = await setup();
    const offered = fileOf('p.pdf', await buildPolicyPdf());
    const refused = await send({ address: OTHER, text: '', file: offered });
    expect(refused.fallbackText).toMatch(/beheerders|administrators/);
    // Refused before the download: the core never asked the adapter to fetch the file.
    expect(offered.fetches).toBe(0);
    const bad = await send({ address: ADMIN, text: '', file: fileOf('policy.pdf', programBytes()) });
    expect(bad.fallbackText).toMatch(/geen PDF|not a PDF/);
    expect(bad.fallbackText.trim().split('\n')).toHaveLength(1);
    expect(await store.listDocuments()).toEqual([]);
    const pressed = await send({ address: OTHER, text: '', action: { id: DOCUMENTS_ACCEPT_ALL, value: 'x' } });
    expect(pressed.fallbackText).toMatch(/beheerders|administrators/);
  });

  it("answers a file the adapter could not fetch (over 50 MB, or the download failed) with one line and stores nothing", async () => {
    const { store, send } = await setup();
    for (const [kind, pattern] of [
      ['too-large', /50 MB/],
      ['failed', /niet ophalen|could not fetch/],
    ] as const) {
      const reply = await send({ address: ADMIN, text: '', file: { name: 'beleid.pdf', fetch: async () => ({ kind }) } });
      expect(reply.fallbackText).toMatch(pattern);
      expect(reply.fallbackText.trim().split('\n')).toHaveLength(1);
    }
    expect(await store.listDocuments()).toEqual([]);
  });

  it('reads the edit command', () => {
    expect(parseEditCommand('edit abc-1 label Ondertekenen in VECOZO')).toEqual({ id: 'abc-1', field: 'label', value: 'Ondertekenen in VECOZO' });
    expect(parseEditCommand('wijzig de planning')).toBeUndefined();
  });
});

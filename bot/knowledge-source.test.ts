import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDocument } from '../handlers/documents/add-document.js';
import { acceptAll } from '../handlers/documents/review-items.js';
import { buildPolicyPdf } from '../knowledge/ingest/extract/test-support/policy-files.js';
import { createKnowledgeSource, KNOWLEDGE_REFRESH_MS } from './knowledge-source.js';
import { openStore } from './storage/open-store.js';
import type { Store } from '../handlers/store.js';
import { handlers } from '../handlers/registry.js';
import { replyToJson } from '../handlers/reply-json.js';
import { createRouter } from '../handlers/router.js';
import { silentLogger } from './logger.js';
import { postgresTarget } from './storage/postgres-target.js';

const INSURER = 'Zorgverzekeraar Noorderlicht';
const pg = await postgresTarget();

async function replicas(url: string) {
  const a = await openStore(url);
  const b = await openStore(url);
  return { a, b, close: async () => Promise.all([a.close(), b.close()]) };
}

const targets: [string, () => Promise<string>][] = [['SQLite (one file, two stores)', async () => `file:${join(mkdtempSync(join(tmpdir(), 'cb-kb-')), 'bot.db')}`]];
if ('target' in pg) {
  const { target } = pg;
  targets.push(['PostgreSQL', async (): Promise<string> => (await target.freshDatabase()).url]);
}

describe.each(targets)('knowledge on every replica: %s', (_label, url) => {
  it('a document added and confirmed on one replica is answerable on the other after its next refresh', async () => {
    const { a, b, close } = await replicas(await url());
    try {
      expect(KNOWLEDGE_REFRESH_MS).toBeLessThanOrEqual(60_000);
      const sourceA = createKnowledgeSource({}, async () => a);
      const sourceB = createKnowledgeSource({}, async () => b);
      const before = await sourceB.refresh();
      expect(before.insurers.loaded).not.toContain(INSURER);
      const now = new Date('2026-04-02T10:00:00Z');
      const added = await addDocument({ bytes: await buildPolicyPdf({ insurer: INSURER }), fileName: 'p.pdf', insurer: INSURER }, { knowledge: await sourceA.refresh(), store: a, now });
      expect(added.kind).toBe('added');
      if (added.kind !== 'added') return;
      const afterUpload = await sourceB.refresh();
      expect(afterUpload.version).not.toBe(before.version);
      expect(afterUpload.document(added.document.id)?.title).toBeDefined();
      expect(afterUpload.milestones.some((m) => m.documentId === added.document.id)).toBe(false);
      await acceptAll(a, added.document.id, now);
      const confirmed = await sourceB.refresh();
      expect(confirmed.milestones.filter((m) => m.documentId === added.document.id).map((m) => m.when)).toContainEqual({ kind: 'date', date: '2026-11-12' });
      // Nothing changed: the same value, no rebuild.
      expect(await sourceB.refresh()).toBe(confirmed);
    } finally {
      await close();
    }
  });
});

describe('index cache', () => {
  it('the first replica to load a knowledge version stores its index; the next cold start loads it and answers the same', async () => {
    const url = `file:${join(mkdtempSync(join(tmpdir(), 'cb-cache-')), 'bot.db')}`;
    const store = await openStore(url);
    try {
      const now = new Date('2026-04-02T10:00:00Z');
      const source = createKnowledgeSource({}, async () => store);
      const added = await addDocument({ bytes: await buildPolicyPdf({ insurer: INSURER }), fileName: 'p.pdf', insurer: INSURER }, { knowledge: await source.refresh(), store, now });
      expect(added.kind).toBe('added');
      const first = await createKnowledgeSource({}, async () => store).refresh();
      const version = await store.knowledgeVersion();
      const cached = await store.getIndexCache(version);
      expect(cached).toBeDefined();
      const second = await createKnowledgeSource({}, async () => store).refresh();
      const ids = (kb: typeof first) => kb.index().passages().map((p) => p.id).sort();
      expect(ids(second)).toEqual(ids(first));
      expect(ids(second).some((id) => id.startsWith('zorgverzekeraar-noorderlicht'))).toBe(true);
      // A damaged entry is rebuilt, never fatal.
      await store.putIndexCache(version + 1, '{');
      expect(await store.getIndexCache(version)).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('a cold start with the cached index reads no document body, and answers from the uploaded document all the same', async () => {
    const url = `file:${join(mkdtempSync(join(tmpdir(), 'cb-cold-')), 'bot.db')}`;
    const store = await openStore(url);
    try {
      const now = new Date('2026-04-02T10:00:00Z');
      const added = await addDocument({ bytes: await buildPolicyPdf({ insurer: INSURER }), fileName: 'p.pdf', insurer: INSURER }, { knowledge: await createKnowledgeSource({}, async () => store).refresh(), store, now });
      if (added.kind !== 'added') throw new Error('not added');
      await createKnowledgeSource({}, async () => store).refresh(); // the first replica builds and stores the index

      const reads: string[] = [];
      const counting: Store = {
        ...store,
        listDocuments: async () => {
          reads.push('listDocuments');
          return store.listDocuments();
        },
        getStoredDocument: async (id) => {
          reads.push(`getStoredDocument ${id}`);
          return store.getStoredDocument(id);
        },
      };
      const kb = await createKnowledgeSource({}, async () => counting).refresh();
      const context = { now, knowledge: kb, holidays: { goodFriday: false, liberationDay: false }, store: async () => counting, log: silentLogger };
      const reply = replyToJson(await createRouter(handlers)({ address: { platform: 'local', conversationId: 'cold' }, text: `Binnen hoeveel werkdagen reageert ${INSURER} op vragen over de zorgovereenkomst?`, receivedAt: now }, context));
      expect(reply.sources.map((s) => s.documentId)).toContain(added.document.id);
      expect(JSON.stringify(reply)).toContain('binnen 10 werkdagen');
      expect(kb.cleaned(added.document.id).text).toContain('binnen 10 werkdagen');
      expect(reads).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

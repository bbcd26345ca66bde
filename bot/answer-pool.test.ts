import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnswerPool } from './answer-pool.js';
import { route } from './core.js';
import { loadConfig } from './config.js';
import { createHandlerContext } from './create-context.js';
import { createKnowledgeSource } from './knowledge-source.js';
import { silentLogger } from './logger.js';
import { openStore } from './storage/open-store.js';

describe('answer pool (piscina worker threads)', () => {
  it('answers in a worker exactly as the router does in this thread, with the store shared through the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contractbot-pool-'));
    const env = { DATABASE_URL: `file:${join(dir, 'pool.db')}`, LOG_LEVEL: 'silent', PUBLIC_URL: 'https://bot.example.org' };
    const pool = await createAnswerPool({ env, databaseUrl: env.DATABASE_URL, log: silentLogger, threads: 2 });
    try {
      expect(pool?.threads).toBe(2);
      const now = new Date('2026-05-11T10:00:00+02:00');
      const message = { address: { platform: 'local' as const, conversationId: 'pool' }, text: 'When must I sign with Zorg en Zekerheid?', receivedAt: now };
      const config = loadConfig(env);
      const store = await openStore(env.DATABASE_URL);
      const knowledge = await createKnowledgeSource({}, async () => store).refresh();
      const inline = await route(message, createHandlerContext(config, now, silentLogger, async () => store, knowledge));
      const [fromWorker, second] = await Promise.all([pool!.answer(message, now), pool!.answer({ ...message, text: 'feedback 👍 via de pool' }, now)]);
      expect(fromWorker).toEqual(inline);
      expect(second.fallbackText).toMatch(/opgeslagen/);
      // The worker wrote through its own connection to the same database.
      expect((await store.listFeedback()).map((f) => f.comment)).toEqual(['via de pool']);
      await store.close();
    } finally {
      await pool?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is off for an in-memory store (it cannot be shared with threads)', async () => {
    expect(await createAnswerPool({ env: {}, databaseUrl: 'file::memory:', log: silentLogger })).toBeUndefined();
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, sqlitePath } from './open-store.js';
import { describeStoreContract, type StoreTarget } from './store-contract.js';
import { describeSchedulerContract } from '../scheduler/scheduler-contract.js';

/** Each test gets its own SQLite file in a temporary folder (a file, so two connections can share it). */
export const sqliteTarget: StoreTarget = {
  label: 'SQLite (better-sqlite3)',
  async freshDatabase() {
    const dir = mkdtempSync(join(tmpdir(), 'contractbot-store-'));
    return { url: `file:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

describeStoreContract(sqliteTarget);
describeSchedulerContract(sqliteTarget);

describe('openStore (SQLite)', () => {
  it('maps file: URLs to paths', () => {
    expect(sqlitePath('file:data/contractbot.db')).toBe('data/contractbot.db');
    expect(sqlitePath('file:///tmp/x.db')).toBe('/tmp/x.db');
    expect(sqlitePath('file::memory:')).toBe(':memory:');
  });

  it('opens an in-memory database for tests', async () => {
    const store = await openStore('file::memory:');
    expect(store.kind).toBe('sqlite');
    expect(await store.markEventSeen('e', new Date())).toBe(true);
    await store.close();
  });

  it('creates the folder of a new database file and applies migrations once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contractbot-store-'));
    try {
      const url = `file:${join(dir, 'nested', 'deeper', 'c.db')}`;
      const first = await openStore(url);
      await first.addSubscription({ address: { platform: 'local', conversationId: 'x' }, insurers: 'all', sectors: 'all', leadDays: [1], language: 'nl' }, new Date());
      await first.close();
      const second = await openStore(url);
      expect(await second.listSubscriptions()).toHaveLength(1);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a file: URL with a malformed %-escape as a configuration error', async () => {
    await expect(openStore('file:/tmp/%zz.db')).rejects.toThrow(/DATABASE_URL has a malformed %-escape/);
  });

  it('rejects an unusable path with a clear configuration error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contractbot-store-'));
    try {
      writeFileSync(join(dir, 'not-a-folder'), 'x');
      await expect(openStore(`file:${join(dir, 'not-a-folder', 'x.db')}`)).rejects.toThrow(/Cannot open the SQLite database/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

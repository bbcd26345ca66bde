import { describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';
import { postgresTarget } from './postgres-target.js';
import { describeStoreContract } from './store-contract.js';
import { describeSchedulerContract } from '../scheduler/scheduler-contract.js';

const pg = await postgresTarget();

if ('skip' in pg) {
  console.warn(`PostgreSQL store tests skipped: ${pg.skip}.`);
  describe.skip(`Store contract: PostgreSQL (skipped: ${pg.skip})`, () => {
    it('needs TEST_DATABASE_URL pointing at a running PostgreSQL', () => undefined);
  });
} else {
  describeStoreContract(pg.target);
  describeSchedulerContract(pg.target);

  describe('openStore (PostgreSQL)', () => {
    it('applies migrations once when two stores open the same fresh schema at the same time', async () => {
      const db = await pg.target.freshDatabase();
      try {
        const [a, b] = await Promise.all([openStore(db.url), openStore(db.url)]);
        expect(a.kind).toBe('postgres');
        await a.addSubscription({ address: { platform: 'local', conversationId: 'x' }, insurers: 'all', sectors: 'all', leadDays: [1], language: 'nl' }, new Date());
        expect(await b.listSubscriptions()).toHaveLength(1);
        await Promise.all([a.close(), b.close()]);
      } finally {
        await db.drop();
      }
    });
  });
}

describe('openStore (PostgreSQL errors)', () => {
  it('turns an unreachable server into a configuration error without the password', async () => {
    await expect(openStore('postgres://someone:s3cret@127.0.0.1:1/db')).rejects.toThrow(/Cannot open the PostgreSQL database at postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/db/);
    await expect(openStore('postgres://someone:s3cret@127.0.0.1:1/db')).rejects.not.toThrow(/s3cret/);
  });
});

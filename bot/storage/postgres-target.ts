import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { StoreTarget } from './store-contract.js';

/**
 * The PostgreSQL side of the contract tests: TEST_DATABASE_URL names a server; every test gets its
 * own fresh schema (dropped afterwards), so runs never collide. Resolves to a skip reason when the
 * variable is unset or the server does not answer.
 */
export async function postgresTarget(env: NodeJS.ProcessEnv = process.env): Promise<{ target: StoreTarget } | { skip: string }> {
  const base = env.TEST_DATABASE_URL?.trim();
  if (!base) return { skip: 'TEST_DATABASE_URL is unset (e.g. postgres://postgres@127.0.0.1:5432/postgres)' };
  try {
    const client = new pg.Client({ connectionString: base, connectionTimeoutMillis: 3_000 });
    await client.connect();
    await client.end();
  } catch (error) {
    return { skip: `PostgreSQL at TEST_DATABASE_URL is unreachable (${error instanceof Error ? error.message : String(error)})` };
  }
  return {
    target: {
      label: 'PostgreSQL (pg)',
      async freshDatabase() {
        const schema = `contractbot_test_${randomBytes(6).toString('hex')}`;
        const admin = new pg.Client({ connectionString: base });
        await admin.connect();
        await admin.query(`CREATE SCHEMA ${schema}`);
        await admin.end();
        const url = new URL(base);
        url.searchParams.set('options', `-c search_path=${schema}`);
        return {
          url: url.toString(),
          drop: async () => {
            const c = new pg.Client({ connectionString: base });
            await c.connect();
            await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
            await c.end();
          },
        };
      },
    },
  };
}

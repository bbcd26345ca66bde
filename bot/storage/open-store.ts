import type { Store } from '../../handlers/store.js';
import { ConfigError } from '../config-error.js';

/** Opens the store named by DATABASE_URL (`file:<path>` → SQLite, `postgres://…` → PostgreSQL) and migrates it. */
export async function openStore(databaseUrl: string): Promise<Store> {
  throw new ConfigError(`Storage is not available yet (DATABASE_URL=${databaseUrl.startsWith('file:') ? databaseUrl : 'postgres://…'}).`);
}

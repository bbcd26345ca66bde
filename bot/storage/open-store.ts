import type { Store } from '../../handlers/store.js';
import { ConfigError } from '../config-error.js';
import { openSqliteStore } from './sqlite-store.js';

/**
 * Opens the store named by DATABASE_URL and applies pending migrations:
 * - `file:<path>` → SQLite (relative paths from the working directory; the folder is created),
 *   `file::memory:` → an in-memory SQLite database (tests);
 * - `postgres://…` or `postgresql://…` → PostgreSQL (a `?options=-c search_path=…` parameter picks a schema).
 * A bad URL or an unreachable server becomes a {@link ConfigError} without credentials in the message.
 */
export async function openStore(databaseUrl: string): Promise<Store> {
  if (databaseUrl.startsWith('file:')) {
    let path: string;
    try {
      path = sqlitePath(databaseUrl);
    } catch {
      throw new ConfigError('Invalid configuration: DATABASE_URL has a malformed %-escape in its file path.');
    }
    try {
      return openSqliteStore(path);
    } catch (error) {
      throw new ConfigError(`Cannot open the SQLite database at ${path}: ${error instanceof Error ? error.message : String(error)}.`);
    }
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const { openPostgresStore } = await import('./postgres-store.js');
    try {
      return await openPostgresStore(databaseUrl);
    } catch (error) {
      throw new ConfigError(`Cannot open the PostgreSQL database at ${redactUrl(databaseUrl)}: ${error instanceof Error ? error.message : String(error)}.`);
    }
  }
  throw new ConfigError('Invalid configuration: DATABASE_URL must be file:<path> or postgres://…');
}

/** `file:data/x.db` → `data/x.db`; `file:///abs/x.db` → `/abs/x.db`; `file::memory:` → `:memory:`. */
export function sqlitePath(url: string): string {
  const rest = url.slice('file:'.length);
  if (rest === ':memory:' || rest === '') return rest === '' ? 'data/contractbot.db' : ':memory:';
  if (rest.startsWith('//')) return decodeURIComponent(rest.slice(2));
  return decodeURIComponent(rest);
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

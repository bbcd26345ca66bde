import { existsSync } from 'node:fs';
import type { Store } from '../handlers/store.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Config } from './config.js';
import { createKnowledgeSource } from './knowledge-source.js';
import { sqlitePath } from './storage/open-store.js';

/** True when DATABASE_URL names an SQLite file that does not exist yet: it can hold no uploads. */
function noDatabaseYet(databaseUrl: string): boolean {
  if (!databaseUrl.startsWith('file:')) return false;
  try {
    const path = sqlitePath(databaseUrl);
    return path !== ':memory:' && !existsSync(path);
  } catch {
    return false;
  }
}

/**
 * The knowledge base a one-shot command answers from: the bundle plus the database of DATABASE_URL.
 * A database that does not exist yet is not created for it (bad arguments must change nothing).
 */
export function commandKnowledge(config: Config, store: () => Promise<Store>): Promise<KnowledgeBase> {
  return createKnowledgeSource({ glossaryPath: config.glossaryPath }, noDatabaseYet(config.databaseUrl) ? undefined : store).refresh();
}

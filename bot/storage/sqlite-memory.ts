import type Database from 'better-sqlite3';
import type { MemoryStore, StoredMemory } from '../../handlers/conversation/memory-store.js';

interface MemoryRow {
  key: string;
  slots: string;
  updated_at: number;
  version: number;
}

export function memoryFromRow(row: { key: string; slots: string; updated_at: number | string; version: number | string }): StoredMemory {
  return { key: row.key, slots: JSON.parse(row.slots) as unknown, updatedAt: new Date(Number(row.updated_at)), version: Number(row.version) };
}

/** The conversation memory port on SQLite. Creating (version 0) is an insert that loses to any existing row. */
export function sqliteMemoryStore(db: Database.Database): MemoryStore {
  const st = {
    get: db.prepare('SELECT * FROM conversation_memory WHERE key = ?'),
    insert: db.prepare('INSERT INTO conversation_memory (key, slots, updated_at, version) VALUES (?, ?, ?, 1) ON CONFLICT (key) DO NOTHING'),
    update: db.prepare('UPDATE conversation_memory SET slots = ?, updated_at = ?, version = version + 1 WHERE key = ? AND version = ?'),
    forget: db.prepare('DELETE FROM conversation_memory WHERE updated_at < ?'),
  };
  return {
    async getMemory(key) {
      const row = st.get.get(key) as MemoryRow | undefined;
      return row ? memoryFromRow(row) : undefined;
    },
    async compareAndSetMemory(memory, expectedVersion) {
      const slots = JSON.stringify(memory.slots ?? null);
      const at = memory.updatedAt.getTime();
      const result = expectedVersion === 0 ? st.insert.run(memory.key, slots, at) : st.update.run(slots, at, memory.key, expectedVersion);
      return result.changes === 1;
    },
    async forgetMemoryBefore(before) {
      return st.forget.run(before.getTime()).changes;
    },
  };
}

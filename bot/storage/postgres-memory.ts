import type pg from 'pg';
import type { MemoryStore } from '../../handlers/conversation/memory-store.js';
import { memoryFromRow } from './sqlite-memory.js';

/** The conversation memory port on PostgreSQL. Creating (version 0) is an insert that loses to any existing row. */
export function postgresMemoryStore(pool: pg.Pool): MemoryStore {
  return {
    async getMemory(key) {
      const { rows } = await pool.query<{ key: string; slots: string; updated_at: string; version: number }>('SELECT * FROM conversation_memory WHERE key = $1', [key]);
      return rows[0] ? memoryFromRow(rows[0]) : undefined;
    },
    async compareAndSetMemory(memory, expectedVersion) {
      const slots = JSON.stringify(memory.slots ?? null);
      const at = memory.updatedAt.getTime();
      const result =
        expectedVersion === 0
          ? await pool.query('INSERT INTO conversation_memory (key, slots, updated_at, version) VALUES ($1, $2, $3, 1) ON CONFLICT (key) DO NOTHING', [memory.key, slots, at])
          : await pool.query('UPDATE conversation_memory SET slots = $1, updated_at = $2, version = version + 1 WHERE key = $3 AND version = $4', [slots, at, memory.key, expectedVersion]);
      return result.rowCount === 1;
    },
    async forgetMemoryBefore(before) {
      return (await pool.query('DELETE FROM conversation_memory WHERE updated_at < $1', [before.getTime()])).rowCount ?? 0;
    },
  };
}

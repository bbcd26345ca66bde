/**
 * The conversation memory port: the slots of the last understanding per conversation and thread
 * (never the message text). Both stores (SQLite, PostgreSQL) implement it and pass one contract suite.
 */

/** One conversation's (or thread's) remembered slots as stored. */
export interface StoredMemory {
  /** `platform:conversation[#thread]` (see {@link memoryKey}). */
  readonly key: string;
  /** Serialised slots, owned by handlers/conversation/remembered-slots.ts. */
  readonly slots: unknown;
  /** When the slots were written (the 30-minute expiry counts from here). */
  readonly updatedAt: Date;
  /** Bumped by every write; {@link MemoryStore.compareAndSetMemory} writes only over the version it read. */
  readonly version: number;
}

export interface MemoryStore {
  getMemory(key: string): Promise<StoredMemory | undefined>;
  /**
   * Writes slots only when the stored version is still `expectedVersion` (compare-and-set); version 0
   * means "no memory stored yet" and creates it. Returns false when another writer came first.
   */
  compareAndSetMemory(memory: Omit<StoredMemory, 'version'>, expectedVersion: number): Promise<boolean>;
  /** Deletes every memory written before `before`; returns how many. */
  forgetMemoryBefore(before: Date): Promise<number>;
}

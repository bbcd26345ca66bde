/**
 * A set that forgets: at most `capacity` keys, oldest first out, and each key for at most `ttlMs`.
 * For per-conversation memos of a long-running process, so memory stays flat under any load.
 */
export class BoundedSet {
  private readonly added = new Map<string, number>();

  constructor(
    private readonly capacity: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  has(key: string): boolean {
    const at = this.added.get(key);
    if (at === undefined) return false;
    if (this.now() - at >= this.ttlMs) {
      this.added.delete(key);
      return false;
    }
    return true;
  }

  add(key: string): void {
    this.added.delete(key);
    this.added.set(key, this.now());
    while (this.added.size > this.capacity) {
      const oldest = this.added.keys().next().value;
      if (oldest === undefined) break;
      this.added.delete(oldest);
    }
  }

  /** Removes every key starting with `prefix`. */
  deletePrefix(prefix: string): void {
    for (const key of [...this.added.keys()]) if (key.startsWith(prefix)) this.added.delete(key);
  }

  get size(): number {
    return this.added.size;
  }
}

/**
 * A sliding-window limiter per key: at most `limit` starts in any `windowMs` window for one key
 * (Teams allows a bot 7 messages per second per conversation). `acquire` resolves when the caller
 * may send; callers for the same key are served in order. Clock and sleep are injectable for tests.
 */
export interface RateLimiter {
  acquire(key: string): Promise<void>;
  /** Conversations the limiter keeps state for. */
  readonly size: number;
}

export function createRateLimiter(options: {
  limit: number;
  windowMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}): RateLimiter {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const starts = new Map<string, number[]>();
  const queues = new Map<string, Promise<void>>();

  const take = async (key: string): Promise<void> => {
    for (;;) {
      const t = now();
      const recent = (starts.get(key) ?? []).filter((s) => s > t - options.windowMs);
      if (recent.length < options.limit) {
        recent.push(t);
        starts.set(key, recent);
        return;
      }
      starts.set(key, recent);
      const oldest = recent[0] ?? t;
      await sleep(Math.max(1, oldest + options.windowMs - t));
    }
  };

  // Keys of conversations that went quiet are swept, so the maps hold only the last window's senders.
  let calls = 0;
  const sweep = (): void => {
    const t = now();
    for (const [key, recent] of starts) {
      if (!queues.has(key) && (recent[recent.length - 1] ?? 0) <= t - options.windowMs) starts.delete(key);
    }
  };

  return {
    /** Number of conversations with state (bounded by the conversations active in the last window). */
    get size() {
      return starts.size;
    },
    acquire(key) {
      if (++calls % 64 === 0) sweep();
      const turn = (queues.get(key) ?? Promise.resolve()).then(() => take(key));
      const settled = turn.catch(() => undefined);
      queues.set(key, settled);
      void settled.then(() => {
        if (queues.get(key) === settled) {
          queues.delete(key);
          const t = now();
          const recent = (starts.get(key) ?? []).filter((s) => s > t - options.windowMs);
          if (recent.length === 0) starts.delete(key);
        }
      });
      return turn;
    },
  };
}

/** A value as read together with the version it was stored under. */
export interface Versioned<T> {
  readonly value: T;
  readonly version: number;
}

export interface CompareAndSetOptions {
  /** Tries before giving up with {@link CompareAndSetConflictError} (default 50). */
  readonly attempts?: number;
  /** Waits between tries (default: a random 0–`2·try` ms, so racing writers spread out). */
  readonly pause?: (attempt: number) => Promise<void>;
}

/** Coded error: other writers kept winning for every try. */
export class CompareAndSetConflictError extends Error {
  readonly code = 'COMPARE_AND_SET_CONFLICT';
  constructor(attempts: number) {
    super(`Gave up after ${attempts} concurrent updates won first.`);
    this.name = 'CompareAndSetConflictError';
  }
}

/**
 * Read–modify–write without lost updates on any store: read the value with its version, compute
 * the next value, and write it only over that version (the store's compare-and-set); when another
 * writer came first, read again and re-apply `update` to the newer value. `update` must be a pure
 * function of the value it is given (it may run several times). Returns undefined when there is
 * nothing to update (`read` found nothing, or `update` returned undefined: no write).
 *
 * The store needs two operations per kind of record: a read returning `{ value, version }` and a
 * write `(next, expectedVersion) → boolean` doing `UPDATE … SET …, version = version + 1 WHERE … AND
 * version = $expected` (see `compareAndSetChecklist` in bot/storage). Conversation memory can reuse it.
 * @example
 *   await compareAndSet(
 *     async () => { const c = await store.getChecklist(conv, id); return c && { value: c, version: c.version }; },
 *     (next, version) => store.compareAndSetChecklist(next, version),
 *     (current) => ({ ...current, state: tick(current.state, 3) }),
 *   );
 */
export async function compareAndSet<T>(
  read: () => Promise<Versioned<T> | undefined>,
  write: (next: T, expectedVersion: number) => Promise<boolean>,
  update: (current: T) => T | undefined,
  options: CompareAndSetOptions = {},
): Promise<T | undefined> {
  const attempts = options.attempts ?? 50;
  const pause = options.pause ?? ((attempt: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.random() * 2 * attempt)));
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const current = await read();
    if (!current) return undefined;
    const next = update(current.value);
    if (next === undefined) return undefined;
    if (await write(next, current.version)) return next;
    await pause(attempt);
  }
  throw new CompareAndSetConflictError(attempts);
}

/** How long a validated token is trusted without checking it again, at most (and never past its `exp`). */
export const VALIDATED_TOKEN_TTL_MS = 5 * 60 * 1000;
/** How many validated tokens are kept (a few per channel and cloud in practice; bounded under any load). */
export const VALIDATED_TOKEN_CAPACITY = 1_000;

interface Entry<T> {
  readonly result: Promise<T>;
  expiresAt: number;
}

/**
 * The results of token validations, by what was validated (the Authorization header with the
 * activity's channel and service URL: the claims botbuilder checks against the activity), so the
 * Bot Framework's token, which the channel reuses for many requests, costs one RSA verification
 * per few minutes instead of one per request.
 *
 * botbuilder itself caches only the signing keys (`OpenIdMetadata`, refreshed every 24 h, shared
 * through `JwtTokenExtractor.openIdMetadataCache`) and still, for every request, turns the JWK into
 * a PEM, parses it and verifies the signature with `jsonwebtoken`. Here a result is kept until the
 * token's own `exp` (botbuilder allows 5 minutes of clock skew past it; a cached token does not get
 * that) and at most {@link VALIDATED_TOKEN_TTL_MS}; a failed validation is never kept; concurrent
 * requests with the same token share one validation (also the first key download).
 */
export class ValidatedTokens<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly options: {
      /** The token's expiry (ms since epoch) from a successful result; undefined: do not keep it. */
      readonly expiresAt: (result: T) => number | undefined;
      readonly now?: () => number;
      readonly ttlMs?: number;
      readonly capacity?: number;
    },
  ) {}

  /** The cached result for `key`, or `validate()`'s, kept when it succeeds. */
  get(key: string, validate: () => Promise<T>): Promise<T> {
    const now = (this.options.now ?? Date.now)();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.result;
    if (hit) this.entries.delete(key);
    const ttl = this.options.ttlMs ?? VALIDATED_TOKEN_TTL_MS;
    const result = validate();
    // While the validation runs, requests with the same token wait for it instead of starting their own.
    const entry: Entry<T> = { result, expiresAt: now + ttl };
    this.entries.set(key, entry);
    this.evict();
    result.then(
      (value) => {
        const exp = this.options.expiresAt(value);
        if (exp === undefined) this.drop(key, entry);
        else entry.expiresAt = Math.min(now + ttl, exp);
      },
      () => this.drop(key, entry),
    );
    return result;
  }

  get size(): number {
    return this.entries.size;
  }

  private drop(key: string, entry: Entry<T>): void {
    if (this.entries.get(key) === entry) this.entries.delete(key);
  }

  private evict(): void {
    const capacity = this.options.capacity ?? VALIDATED_TOKEN_CAPACITY;
    while (this.entries.size > capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

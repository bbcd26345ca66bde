/** How failed connector calls are retried. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Teams asks bots to back off exponentially with jitter; a few retries, then report. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 8_000 };

/** Statuses Teams uses for throttling and transient gateway trouble. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([412, 429, 502, 504]);

/**
 * The wait before retry number `retry` (0-based): exponential, capped, with "equal jitter" (half
 * fixed, half random) so concurrent senders spread out; a server's Retry-After wins when longer.
 * @example backoffDelay(2, policy, () => 0.5, undefined) → 0.75 × min(8000, 500 × 4) = 1500
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number, retryAfterMs: number | undefined): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  const jittered = Math.round(exponential / 2 + (exponential / 2) * random());
  return retryAfterMs !== undefined ? Math.max(jittered, Math.min(retryAfterMs, policy.maxDelayMs * 4)) : jittered;
}

/** Retry-After as milliseconds (seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - nowMs) : undefined;
}

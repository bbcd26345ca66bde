import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_RETRY_POLICY, parseRetryAfter, RETRYABLE_STATUSES } from './backoff.js';

describe('backoffDelay', () => {
  const policy = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 8000 };

  it('grows exponentially with jitter between half and the full step, capped', () => {
    expect(backoffDelay(0, policy, () => 0, undefined)).toBe(250);
    expect(backoffDelay(0, policy, () => 1, undefined)).toBe(500);
    expect(backoffDelay(2, policy, () => 0.5, undefined)).toBe(1500);
    expect(backoffDelay(10, policy, () => 1, undefined)).toBe(8000);
  });

  it('waits at least as long as Retry-After asks', () => {
    expect(backoffDelay(0, policy, () => 0, 3000)).toBe(3000);
    expect(backoffDelay(3, policy, () => 1, 100)).toBe(4000);
  });

  it('retries exactly the Teams throttling and gateway statuses', () => {
    expect([...RETRYABLE_STATUSES].sort()).toEqual([412, 429, 502, 504]);
    expect(DEFAULT_RETRY_POLICY.maxRetries).toBeGreaterThan(0);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('2', 0)).toBe(2000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:05 GMT', 1000)).toBe(4000);
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
});

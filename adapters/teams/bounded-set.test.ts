import { describe, expect, it } from 'vitest';
import { BoundedSet } from './bounded-set.js';
import { createRateLimiter } from './rate-limiter.js';

describe('per-conversation memory stays bounded', () => {
  it('BoundedSet keeps at most `capacity` keys and forgets after the ttl', () => {
    let t = 0;
    const set = new BoundedSet(3, 1000, () => t);
    for (const k of ['a', 'b', 'c', 'd']) set.add(k);
    expect(set.size).toBe(3);
    expect(set.has('a')).toBe(false);
    expect(set.has('d')).toBe(true);
    t = 1000;
    expect(set.has('d')).toBe(false);
    set.add('x:1');
    set.add('x:2');
    set.deletePrefix('x:');
    expect(set.has('x:1')).toBe(false);
  });

  it('the rate limiter sweeps conversations that went quiet', async () => {
    let t = 0;
    const limiter = createRateLimiter({ limit: 7, windowMs: 1000, now: () => t, sleep: async () => undefined });
    for (let i = 0; i < 640; i++) {
      t += 10;
      await limiter.acquire(`conversation-${i}`);
    }
    // Only the conversations of the last window (100 of them at one send per 10 ms) are kept.
    expect(limiter.size).toBeLessThanOrEqual(170);
  });
});

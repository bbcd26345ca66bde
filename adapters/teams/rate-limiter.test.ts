import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.js';

function fakeTime() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms), advance: (ms: number) => void (now += ms) };
}

describe('createRateLimiter', () => {
  it('lets at most `limit` starts through in any window per key, in order', async () => {
    const clock = fakeTime();
    const limiter = createRateLimiter({ limit: 7, windowMs: 1000, ...clock });
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 20 }, () => limiter.acquire('c1').then(() => starts.push(clock.now()))));
    expect(starts).toHaveLength(20);
    for (const t of starts) expect(starts.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(7);
    expect(starts.slice(0, 7).every((t) => t === 0)).toBe(true);
    expect(starts[7]).toBe(1000);
    expect(starts[14]).toBe(2000);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('keeps keys independent', async () => {
    const clock = fakeTime();
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000, ...clock });
    await Promise.all([limiter.acquire('a'), limiter.acquire('a'), limiter.acquire('b'), limiter.acquire('b')]);
    expect(clock.now()).toBe(0);
    await limiter.acquire('a');
    expect(clock.now()).toBe(1000);
  });

  it('frees the window as time passes', async () => {
    const clock = fakeTime();
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, ...clock });
    await limiter.acquire('k');
    clock.advance(1500);
    await limiter.acquire('k');
    expect(clock.now()).toBe(1500);
  });
});

import { describe, expect, it } from 'vitest';
import { ValidatedTokens } from './validated-tokens.js';

describe('ValidatedTokens', () => {
  const make = (capacity = 10) => {
    let now = 1_000_000;
    const cache = new ValidatedTokens<{ exp?: number }>({ expiresAt: (r) => r.exp, now: () => now, ttlMs: 60_000, capacity });
    let calls = 0;
    const validate = (result: { exp?: number } | Error) => () => {
      calls++;
      return result instanceof Error ? Promise.reject(result) : Promise.resolve(result);
    };
    return { cache, validate, calls: () => calls, advance: (ms: number) => (now += ms), now: () => now };
  };

  it('validates a token once and serves it again until the TTL, then validates again', async () => {
    const t = make();
    const ok = { exp: t.now() + 3_600_000 };
    await t.cache.get('a', t.validate(ok));
    await t.cache.get('a', t.validate(ok));
    expect(t.calls()).toBe(1);
    t.advance(60_001);
    await t.cache.get('a', t.validate(ok));
    expect(t.calls()).toBe(2);
  });

  it('never serves a token past its own expiry', async () => {
    const t = make();
    const ok = { exp: t.now() + 10_000 };
    await t.cache.get('a', t.validate(ok));
    t.advance(10_001);
    await t.cache.get('a', t.validate(ok));
    expect(t.calls()).toBe(2);
  });

  it('keeps neither failures nor results without an expiry', async () => {
    const t = make();
    await expect(t.cache.get('bad', t.validate(new Error('forged')))).rejects.toThrow('forged');
    await expect(t.cache.get('bad', t.validate(new Error('forged')))).rejects.toThrow('forged');
    await t.cache.get('anon', t.validate({}));
    await t.cache.get('anon', t.validate({}));
    expect(t.calls()).toBe(4);
    expect(t.cache.size).toBe(0);
  });

  it('lets concurrent requests with the same token share one validation', async () => {
    const t = make();
    const ok = { exp: t.now() + 3_600_000 };
    await Promise.all(Array.from({ length: 50 }, () => t.cache.get('a', t.validate(ok))));
    expect(t.calls()).toBe(1);
  });

  it('stays within its capacity, oldest first out', async () => {
    const t = make(3);
    const ok = { exp: t.now() + 3_600_000 };
    for (const key of ['a', 'b', 'c', 'd']) await t.cache.get(key, t.validate(ok));
    expect(t.cache.size).toBe(3);
    await t.cache.get('a', t.validate(ok));
    expect(t.calls()).toBe(5);
  });
});

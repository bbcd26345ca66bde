import { describe, expect, it } from 'vitest';
import { milestoneOccurrences, nextOccurrence, previousOccurrence } from './occurrences.js';

describe('milestoneOccurrences', () => {
  it('gives a dated milestone once when it lies in the inclusive range', () => {
    const m = { when: { kind: 'date', date: '2023-11-09' } } as const;
    expect(milestoneOccurrences(m, '2023-11-09', '2023-11-09')).toEqual([{ date: '2023-11-09', precision: 'day' }]);
    expect(milestoneOccurrences(m, '2023-11-10', '2024-01-01')).toEqual([]);
  });

  it('gives a month milestone as the first of its month with month precision', () => {
    const m = { when: { kind: 'month', month: '2023-10' } } as const;
    expect(milestoneOccurrences(m, '2023-01-01', '2023-12-31')).toEqual([{ date: '2023-10-01', precision: 'month' }]);
  });

  it('gives a yearly rule once per year in range', () => {
    const m = { when: { kind: 'yearly', month: 11, day: 7 } } as const;
    expect(milestoneOccurrences(m, '2025-11-08', '2027-11-07').map((o) => o.date)).toEqual(['2026-11-07', '2027-11-07']);
    const leap = { when: { kind: 'yearly', month: 2, day: 29 } } as const;
    expect(milestoneOccurrences(leap, '2025-01-01', '2028-12-31').map((o) => o.date)).toEqual(['2028-02-29']);
  });

  it('returns nothing for an inverted range and throws on a non-date', () => {
    expect(milestoneOccurrences({ when: { kind: 'yearly', month: 1, day: 1 } }, '2027-01-01', '2026-01-01')).toEqual([]);
    expect(() => milestoneOccurrences({ when: { kind: 'yearly', month: 1, day: 1 } }, 'x', '2026-01-01')).toThrow();
  });
});

describe('nextOccurrence / previousOccurrence', () => {
  const rule = { when: { kind: 'yearly', month: 11, day: 7 } } as const;
  it('finds the next occurrence on or after today and the last one before it', () => {
    expect(nextOccurrence(rule, '2026-11-23')?.date).toBe('2027-11-07');
    expect(nextOccurrence(rule, '2026-11-07')?.date).toBe('2026-11-07');
    expect(previousOccurrence(rule, '2026-11-23')?.date).toBe('2026-11-07');
    expect(nextOccurrence({ when: { kind: 'date', date: '2023-11-09' } }, '2026-11-23')).toBeUndefined();
  });
});

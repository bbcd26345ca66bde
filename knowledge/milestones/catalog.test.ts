import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../test-support/test-knowledge.js';
import { dateAgreesWithQuote } from './date-agrees.js';
import { containsQuote } from './locate-quote.js';
import { ACTION_IDS } from './actions.js';

const milestones = testKnowledge().milestones;

describe('milestone catalog', () => {
  it.each(milestones.map((m) => [m.id, m] as const))('%s: quote occurs in the cleaned document text (whitespace-normalised)', (_id, m) => {
    expect(containsQuote(testKnowledge().cleaned(m.documentId).text, m.quote)).toBe(true);
  });

  it.each(milestones.map((m) => [m.id, m] as const))('%s: date agrees with its quote', (_id, m) => {
    expect(dateAgreesWithQuote(m)).toBe(true);
  });

  it('uses only known action keywords and has at least one per milestone', () => {
    for (const m of milestones) {
      expect(m.actions.length, m.id).toBeGreaterThan(0);
      for (const a of m.actions) expect(ACTION_IDS, `${m.id}: ${a}`).toContain(a);
    }
  });

  it('covers every date of the Zorg en Zekerheid planning table, both VGZ process tables and the GP timeline', () => {
    const dates = (doc: string) => new Set(milestones.filter((m) => m.documentId === doc).map((m) => (m.when.kind === 'date' ? m.when.date : m.when.kind === 'month' ? m.when.month : `${m.when.month}-${m.when.day}`)));
    expect([...dates('zz-ggz-2024')]).toEqual(expect.arrayContaining(['2023-04-01', '2023-08-31', '2023-10', '2023-11-09', '2023-11-12', '2024-10-01', '2023-01', '2025-01']));
    expect([...dates('vgz-ggz-2020')]).toEqual(
      expect.arrayContaining(['2019-05-01', '2019-06-01', '2019-10-01', '2019-10-31', '2019-11-01', '2019-11-12', '2019-05-15', '2019-12-01', '2020-01-01', '2019-09-01', '2020-10']),
    );
    expect([...dates('gcp-huisartsen-2016')]).toEqual(
      expect.arrayContaining(['1-1', '2-1', '3-1', '4-1', '5-1', '7-1', '7-15', '9-15', '10-1', '11-7', '11-19', '12-1']),
    );
  });

  it('does not fail the date check for a wrong date', () => {
    const m = milestones.find((x) => x.id === 'zz-ggz-2024-sign');
    expect(m).toBeDefined();
    if (m) expect(dateAgreesWithQuote({ ...m, when: { kind: 'date', date: '2023-11-10' } })).toBe(false);
    const y = milestones.find((x) => x.id === 'gcp-yearly-contracting-closes');
    if (y) expect(dateAgreesWithQuote({ ...y, when: { kind: 'yearly', month: 11, day: 8 } })).toBe(false);
    const q = milestones.find((x) => x.id === 'zz-ggz-2025-review-revenue-ceiling');
    expect(q).toBeDefined();
    if (q) {
      expect(dateAgreesWithQuote(q)).toBe(true);
      expect(dateAgreesWithQuote({ ...q, when: { kind: 'month', month: '2025-01', through: '2025-06' } })).toBe(false);
      expect(dateAgreesWithQuote({ ...q, when: { kind: 'month', month: '2025-04', through: '2025-06' } })).toBe(false);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../test-support/test-knowledge.js';
import { containsQuote } from '../milestones/locate-quote.js';
import { addMonths, applyAnchor, applyRule } from './apply-rule.js';
import { isAnchorRule, isDurationRule } from './relative-rule.js';

const none = { goodFriday: false, liberationDay: false };
const rule = (id: string) => {
  const r = testKnowledge().rules.find((x) => x.id === id);
  if (!r || !isDurationRule(r)) throw new Error(`no duration rule ${id}`);
  return r;
};

describe('relative rules data', () => {
  it('has the rules of the documents, each quote verbatim in its document and its number in the quote', () => {
    const rules = testKnowledge().rules;
    expect(rules.map((r) => r.id)).toEqual(
      expect.arrayContaining(['gcp-answer-questions-5-working-days', 'gcp-complex-questions-2-working-weeks', 'gcp-conflict-reply-2-weeks', 'vgz-answer-10-working-days', 'gcp-study-offer-5-weeks', 'vgz-lggz-authorisation-3-months-before', 'vgz-lggz-max-1095-days', 'vgz-inform-at-70-percent', 'zz-interim-application-first-day-of-month']),
    );
    for (const r of rules) {
      expect(containsQuote(testKnowledge().cleaned(r.documentId).text, r.quote), r.id).toBe(true);
      if (isAnchorRule(r)) {
        // An anchor names its calendar point in words ("de eerste kalenderdag van de maand").
        expect(r.quote, r.id).toMatch({ 'first-day-of-month': /eerste kalenderdag van de maand/ }[r.anchor]);
        continue;
      }
      const n = isDurationRule(r) ? r.duration.amount : r.threshold.percent;
      const words: Record<number, string> = { 3: 'drie' };
      expect(r.quote.includes(String(n)) || (words[n] !== undefined && r.quote.includes(words[n])), r.id).toBe(true);
    }
  });
});

describe('applyRule', () => {
  it('counts working days over Christmas and names the skipped holiday', () => {
    const r = applyRule(rule('gcp-answer-questions-5-working-days'), '2026-12-22', none);
    expect(r.date).toBe('2026-12-30');
    expect(r.skipped.map((s) => s.name.nl)).toEqual(['Kerstmis']);
  });

  it('treats 2 working weeks as 10 working days and 2 weeks as 14 calendar days', () => {
    expect(applyRule(rule('gcp-complex-questions-2-working-weeks'), '2026-12-22', none)).toMatchObject({ date: '2027-01-07', counted: { amount: 10, unit: 'working-days' } });
    expect(applyRule(rule('gcp-conflict-reply-2-weeks'), '2026-12-22', none).date).toBe('2027-01-05');
  });

  it('gives VGZ’s 10 working days with Liberation Day as a setting', () => {
    expect(applyRule(rule('vgz-answer-10-working-days'), '2026-04-28', none).date).toBe('2026-05-12');
    expect(applyRule(rule('vgz-answer-10-working-days'), '2026-04-28', { goodFriday: false, liberationDay: true }).date).toBe('2026-05-13');
  });

  it('counts months backwards for the authorisation request and days forward for the 1095-day limit', () => {
    expect(applyRule(rule('vgz-lggz-authorisation-3-months-before'), '2027-01-01', none).date).toBe('2026-10-01');
    expect(applyRule(rule('vgz-lggz-max-1095-days'), '2024-01-01', none).date).toBe('2026-12-31');
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28');
  });
});

describe('applyAnchor', () => {
  it('gives the first calendar day of the month of the event (Z&Z interim application)', () => {
    const r = testKnowledge().rules.find((x) => x.id === 'zz-interim-application-first-day-of-month');
    if (!r || !isAnchorRule(r)) throw new Error('no anchor rule');
    expect(applyAnchor(r, '2026-03-17')).toBe('2026-03-01');
    expect(applyAnchor(r, '2026-12-31')).toBe('2026-12-01');
    expect(applyAnchor(r, '2028-02-29')).toBe('2028-02-01');
    expect(() => applyAnchor(r, '2026-02-30')).toThrow();
  });
});

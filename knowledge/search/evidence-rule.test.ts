import { describe, expect, it } from 'vitest';
import type { EvidenceFeatures } from './evidence-features.js';
import { evidenceRuleSchema, judgeEvidence, loadEvidenceRule, type EvidenceRule } from './evidence-rule.js';

const rule: EvidenceRule = {
  noneBelowCoverage: 0.15,
  answerCoverage: 0.6,
  standoutCoverage: 0.35,
  maxScoreRatio: 0.9,
  maxAbsentShare: 0.4,
  furtherMinCoverage: 0.2,
  furtherMinScoreRatio: 0.2,
};
const features = (f: Partial<EvidenceFeatures>): EvidenceFeatures => ({
  coverage: 0.5,
  secondCoverage: 0.3,
  scoreRatio: 0.5,
  absentShare: 0,
  rarestShare: 1,
  presentCoverage: 0.5,
  ...f,
});

describe('judgeEvidence', () => {
  it('finds nothing without hits or below the floor, answers at full coverage', () => {
    expect(judgeEvidence(undefined, rule)).toBe('none');
    expect(judgeEvidence(features({ coverage: 0.1 }), rule)).toBe('none');
    expect(judgeEvidence(features({ coverage: 0.6, absentShare: 0.9, scoreRatio: 1 }), rule)).toBe('answer');
  });

  it('below full coverage answers only for a passage that stands out and a question about words the documents use', () => {
    expect(judgeEvidence(features({ coverage: 0.45, scoreRatio: 0.5, absentShare: 0.2 }), rule)).toBe('answer');
    expect(judgeEvidence(features({ coverage: 0.45, scoreRatio: 0.95 }), rule)).toBe('weak');
    expect(judgeEvidence(features({ coverage: 0.45, absentShare: 0.5 }), rule)).toBe('weak');
    expect(judgeEvidence(features({ coverage: 0.3 }), rule)).toBe('weak');
  });

  it('ships a valid rule and rejects an inconsistent one', () => {
    expect(evidenceRuleSchema.parse(loadEvidenceRule())).toEqual(loadEvidenceRule());
    expect(evidenceRuleSchema.safeParse({ ...rule, noneBelowCoverage: 0.7 }).success).toBe(false);
    expect(evidenceRuleSchema.safeParse({ ...rule, extra: 1 }).success).toBe(false);
  });
});

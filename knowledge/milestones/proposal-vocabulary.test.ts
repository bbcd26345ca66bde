import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from './actions.js';
import { loadProposalVocabulary, proposalVocabularySchema } from './proposal-vocabulary.js';

describe('proposal vocabulary', () => {
  it('loads, names only known steps, and every period end names a step', () => {
    const v = loadProposalVocabulary();
    const steps = v.steps.map((s) => s.step);
    for (const step of steps) expect(ACTION_IDS as readonly string[], step).toContain(step);
    expect(new Set(steps).size).toBe(steps.length);
    for (const s of v.steps) if (s.periodEnd) expect(steps).toContain(s.periodEnd);
    expect(v.ruleNumbers.een).toBe(1);
  });

  it('rejects an unknown actor or trigger with a path', () => {
    const v = loadProposalVocabulary();
    expect(proposalVocabularySchema.safeParse({ ...v, actors: [{ actor: 'patiënt', words: ['patiënt'] }] }).success).toBe(false);
    const bad = proposalVocabularySchema.safeParse({ ...v, ruleTriggers: [{ trigger: 'weather', actor: 'NZa', en: 'rain', words: ['regen'] }] });
    expect(bad.success ? [] : bad.error.issues[0]?.path).toEqual(['ruleTriggers', 0, 'trigger']);
  });
});

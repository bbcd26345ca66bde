import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from './actions.js';
import { buildCleanedDocument } from '../cleaned-documents.js';
import { proposeMilestones } from './propose-milestones.js';
import { parseProposalVocabulary, readProposalVocabulary, proposalVocabularySchema } from './proposal-vocabulary.js';

describe('proposal vocabulary', () => {
  it('loads, names only known steps, and every period end names a step', () => {
    const v = readProposalVocabulary();
    const steps = v.steps.map((s) => s.step);
    for (const step of steps) expect(ACTION_IDS as readonly string[], step).toContain(step);
    expect(new Set(steps).size).toBe(steps.length);
    for (const s of v.steps) if (s.periodEnd) expect(steps).toContain(s.periodEnd);
    expect(v.ruleNumbers.een).toBe(1);
  });

  it('rejects an unknown actor or trigger with a path', () => {
    const v = readProposalVocabulary();
    expect(proposalVocabularySchema.safeParse({ ...v, actors: [{ actor: 'patiënt', words: ['patiënt'] }] }).success).toBe(false);
    const bad = proposalVocabularySchema.safeParse({ ...v, ruleTriggers: [{ trigger: 'weather', actor: 'NZa', en: 'rain', words: ['regen'] }] });
    expect(bad.success ? [] : bad.error.issues[0]?.path).toEqual(['ruleTriggers', 0, 'trigger']);
  });

  it('drives the proposals: a step word added as data changes the step and its label, no code', () => {
    const shipped = readProposalVocabulary();
    const cleaned = buildCleanedDocument('x', '1 Planning\n\n1 november 2026 Paraferen van de overeenkomst door de zorgaanbieder.');
    const context = { documentId: 'x', insurer: 'Noorderlicht', sector: 'ggz', contractYear: 2027 } as const;
    expect(proposeMilestones(cleaned, context, shipped)[0]?.label.en).toBe('Dated step (Dutch source): Paraferen van de overeenkomst door de zorgaanbieder');
    const extended = parseProposalVocabulary(
      { ...shipped, steps: shipped.steps.map((s) => (s.step === 'sign' ? { ...s, words: [...s.words, 'paraferen'] } : s)) },
      'extended vocabulary',
    );
    expect(proposeMilestones(cleaned, context, extended)[0]).toMatchObject({ actions: ['sign'], actor: 'zorgaanbieder', label: { en: 'Signing the care agreement' } });
    expect(() => parseProposalVocabulary({ ...shipped, steps: [] }, 'empty.json')).toThrow(/^empty\.json is invalid at steps: /);
  });
});

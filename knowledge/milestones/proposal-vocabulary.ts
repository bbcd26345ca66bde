import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fold } from '../fold.js';
import { knowledgePath } from '../paths.js';
import { durationRuleSchema, ruleTriggerSchema } from '../rules/relative-rule.js';
import { actorSchema } from './milestone.js';

const words = z.array(z.string().min(1)).min(1);

export const proposalVocabularySchema = z.object({
  note: z.string(),
  actors: z.array(z.object({ actor: actorSchema, words })).min(1),
  agentMarkers: words,
  prepositions: words,
  subjectPronouns: words,
  steps: z
    .array(
      z.object({
        step: z.string().min(1),
        actor: actorSchema,
        fixed: z.boolean().default(false),
        en: z.string().min(3),
        words: z.array(z.string().min(1)).default([]),
        requires: z.array(z.string().min(1)).optional(),
        periodEnd: z.string().min(1).optional(),
        kind: z.enum(['start', 'end']).optional(),
      }),
    )
    .min(1),
  notStepWords: words,
  rowLeaders: words,
  periodWords: z.object({ openers: words, joiners: words }),
  labels: z.object({ on: z.string(), deadline: z.string(), from: z.string(), until: z.string(), start: z.string(), end: z.string(), unknown: z.string() }),
  deadlineWords: words,
  ruleNumbers: z.record(z.string(), z.number().int().positive()),
  ruleUnits: z.array(z.object({ unit: durationRuleSchema.shape.duration.shape.unit, words, en: z.tuple([z.string().min(1), z.string().min(1)]) })).min(1),
  ruleDirections: z.object({
    leading: z.array(z.object({ cue: z.enum(['within', 'after', 'at-least']), words })),
    trailing: z.array(z.object({ direction: z.enum(['after', 'before']), words })),
  }),
  ruleStrengths: z.array(z.object({ strength: z.enum(['must', 'aim', 'at-least']), words })),
  ruleNotTriggerWords: words,
  ruleLabels: z.object({ within: z.string(), after: z.string(), before: z.string(), 'at-least': z.string(), aim: z.string(), noTrigger: z.string() }),
  ruleTriggers: z.array(z.object({ trigger: ruleTriggerSchema, actor: actorSchema, en: z.string().min(3), words })).min(1),
});

export type ProposalVocabulary = z.infer<typeof proposalVocabularySchema>;

/**
 * Reads and validates the shipped word lists behind milestone and rule proposals
 * (`knowledge/data/proposal-vocabulary.json`); number words are folded ("één" → "een"). Reads the
 * file on every call: callers keep the value (the knowledge bundle, a command run). Throws naming
 * the bad entry.
 */
export function readProposalVocabulary(): ProposalVocabulary {
  const raw: unknown = JSON.parse(readFileSync(knowledgePath('data', 'proposal-vocabulary.json'), 'utf8'));
  return parseProposalVocabulary(raw, 'knowledge/data/proposal-vocabulary.json');
}

/** Validates word lists of the vocabulary's shape (an extension file, a test's variant); `name` names the source in the error. */
export function parseProposalVocabulary(raw: unknown, name: string): ProposalVocabulary {
  const parsed = proposalVocabularySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${name} is invalid at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'unknown problem'}`);
  }
  return { ...parsed.data, ruleNumbers: Object.fromEntries(Object.entries(parsed.data.ruleNumbers).map(([k, v]) => [fold(k), v])) };
}

/**
 * What a vocabulary value compiles to (phrase indexes), computed once per value: `compile` runs
 * on the first call for a vocabulary and its result is kept with that value (not in module state).
 */
export function compiledFor<T>(memo: WeakMap<ProposalVocabulary, T>, vocabulary: ProposalVocabulary, compile: (v: ProposalVocabulary) => T): T {
  let compiled = memo.get(vocabulary);
  if (compiled === undefined) {
    compiled = compile(vocabulary);
    memo.set(vocabulary, compiled);
  }
  return compiled;
}

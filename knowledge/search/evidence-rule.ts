import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { knowledgePath } from '../paths.js';
import type { EvidenceFeatures } from './evidence-features.js';

/**
 * When the documents answer a question: a small decision over general {@link EvidenceFeatures},
 * calibrated on the questions in `knowledge/eval/evidence-questions.json` (`npm run calibrate`).
 */
export const evidenceRuleSchema = z
  .object({
    /** Below this coverage nothing found is relevant: "nothing found". */
    noneBelowCoverage: z.number().min(0).max(1),
    /** At or above this coverage the best passage answers. */
    answerCoverage: z.number().min(0).max(1),
    /**
     * Below `answerCoverage`, the best passage still answers when it covers at least
     * `standoutCoverage`, stands out (the second passage scores at most `maxScoreRatio` of it) and
     * at most `maxAbsentShare` of the question's weight is on words that occur nowhere in the documents.
     */
    standoutCoverage: z.number().min(0).max(1),
    maxScoreRatio: z.number().min(0).max(1),
    maxAbsentShare: z.number().min(0).max(1),
    /** A further source is shown when it covers at least this share and scores this share of the best. */
    furtherMinCoverage: z.number().min(0).max(1),
    furtherMinScoreRatio: z.number().min(0).max(1),
  })
  .strict()
  .refine((r) => r.noneBelowCoverage <= r.answerCoverage, { message: 'noneBelowCoverage must not exceed answerCoverage' });

export type EvidenceRule = z.infer<typeof evidenceRuleSchema>;

/** What the evidence supports: an answer, a hedged "may not answer" with the closest passages, or nothing. */
export type EvidenceVerdict = 'answer' | 'weak' | 'none';

/** Applies the rule; `undefined` features (no hit at all) mean nothing was found. */
export function judgeEvidence(features: EvidenceFeatures | undefined, rule: EvidenceRule): EvidenceVerdict {
  if (!features || features.coverage < rule.noneBelowCoverage) return 'none';
  if (features.coverage >= rule.answerCoverage) return 'answer';
  const standsOut =
    features.coverage >= rule.standoutCoverage && features.scoreRatio <= rule.maxScoreRatio && features.absentShare <= rule.maxAbsentShare;
  return standsOut ? 'answer' : 'weak';
}

const ruleFileSchema = z.object({ note: z.string(), rule: evidenceRuleSchema });

let cached: EvidenceRule | undefined;

/** The shipped rule (`knowledge/data/evidence-rule.json`), validated on first use. */
export function loadEvidenceRule(): EvidenceRule {
  if (cached) return cached;
  const parsed = ruleFileSchema.safeParse(JSON.parse(readFileSync(knowledgePath('data', 'evidence-rule.json'), 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`knowledge/data/evidence-rule.json is invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown problem'}`);
  }
  cached = parsed.data.rule;
  return cached;
}

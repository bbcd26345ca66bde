import { z } from 'zod';
import { slugSchema } from '../slug.js';

export const ruleTriggerSchema = z.enum(['question', 'problem', 'complex-question', 'conflict', 'offer', 'authorisation', 'stay-limit', 'cost-ceiling', 'interim-application']);
export type RuleTrigger = z.infer<typeof ruleTriggerSchema>;

const base = {
  id: slugSchema,
  documentId: z.string(),
  insurer: z.string().nullable(),
  sector: slugSchema,
  trigger: z.array(ruleTriggerSchema).min(1),
  strength: z.enum(['must', 'aim', 'at-least']),
  actor: z.enum(['zorgaanbieder', 'zorgverzekeraar', 'NZa', 'zorgaanbieder en zorgverzekeraar']),
  label: z.object({ nl: z.string().min(3), en: z.string().min(3) }),
  quote: z.string().min(10),
  section: z.string().min(1),
};

/**
 * A deadline counted from an event: "binnen 5 werkdagen", "drie maanden voor de start van het
 * verblijf in het tweede en derde jaar". `eventYears`: the event is the start of these years of
 * what the reference date starts (year N begins N − 1 years after it), not the reference date itself.
 */
export const durationRuleSchema = z.object({
  ...base,
  duration: z.object({ amount: z.number().int().positive(), unit: z.enum(['working-days', 'working-weeks', 'days', 'weeks', 'months']) }),
  direction: z.enum(['after', 'before']),
  eventYears: z.array(z.number().int().min(2).max(50)).min(1).optional(),
});

/** A moment defined by a share of an amount: "bij het bereiken van 70% van het zorgkostenplafond". */
export const thresholdRuleSchema = z.object({ ...base, threshold: z.object({ percent: z.number().positive().max(100) }) });

/**
 * A date fixed by the calendar around the event: "per de eerste kalenderdag van de maand van
 * aanvragen" (`first-day-of-month`: the first day of the event's month).
 */
export const anchorRuleSchema = z.object({ ...base, anchor: z.enum(['first-day-of-month']) });

export const relativeRuleSchema = z.union([durationRuleSchema, thresholdRuleSchema, anchorRuleSchema]);
export type DurationRule = z.infer<typeof durationRuleSchema>;
export type ThresholdRule = z.infer<typeof thresholdRuleSchema>;
export type AnchorRule = z.infer<typeof anchorRuleSchema>;
export type RelativeRule = z.infer<typeof relativeRuleSchema>;

export function isDurationRule(rule: RelativeRule): rule is DurationRule {
  return 'duration' in rule;
}

export function isThresholdRule(rule: RelativeRule): rule is ThresholdRule {
  return 'threshold' in rule;
}

export function isAnchorRule(rule: RelativeRule): rule is AnchorRule {
  return 'anchor' in rule;
}


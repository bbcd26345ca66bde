import { z } from 'zod';
import { isValidYmd } from '../../knowledge/dates/calendar-date.js';
import { actorSchema } from '../../knowledge/milestones/milestone.js';
import { ruleTriggerSchema } from '../../knowledge/rules/relative-rule.js';

const isoDate = z.string().refine(isValidYmd, 'a calendar date YYYY-MM-DD');

/**
 * The slots of a conversation's last understanding that a follow-up may reuse ("and for VGZ?",
 * "what about 2027?", "same in English"). Only slots: never the message text or its words, so
 * memory never holds personal data. Validated on read: a row that does not parse is ignored.
 */
export const rememberedSlotsSchema = z.object({
  intent: z.string().min(1),
  language: z.enum(['nl', 'en']),
  /** Canonical insurer names, in the order they were named. */
  insurers: z.array(z.string().min(1)).max(20),
  sector: z.string().min(1).optional(),
  step: z.string().min(1).optional(),
  /** Every step named (vocabulary ids), `step` first. */
  steps: z.array(z.string().min(1)).max(20).optional(),
  /** Whose deadline was asked about (zorgaanbieder, zorgverzekeraar, NZa …). */
  actor: actorSchema.optional(),
  /** Documents named by title (document ids). */
  documents: z.array(z.string().min(1)).max(20).optional(),
  /** Events a relative rule was counted from (rule trigger ids). */
  triggers: z.array(ruleTriggerSchema).max(20).optional(),
  wantsEnd: z.boolean().optional(),
  contractYear: z.number().int().min(1900).max(2200).optional(),
  window: z.object({ from: isoDate, to: isoDate, kind: z.enum(['range', 'next']), count: z.number().int().min(1).max(50).optional() }).optional(),
  referenceDate: isoDate.optional(),
  /** The N-th year of what the reference date starts ("voor het tweede jaar"). */
  ordinalYear: z.number().int().min(1).max(50).optional(),
  /** What was asked about as vocabulary terms: glossary terms of a document question, escalation topic ids of a checklist. */
  topics: z.array(z.string().min(1)).max(20).optional(),
});

export type RememberedSlots = z.infer<typeof rememberedSlotsSchema>;

/** The stored value parsed, or undefined when it is not a valid set of slots. */
export function parseRememberedSlots(value: unknown): RememberedSlots | undefined {
  const parsed = rememberedSlotsSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

import { z } from 'zod';
import { calendarDateSchema, calendarMonthSchema } from '../dates/calendar-date.js';
import { slugSchema } from '../slug.js';

/** When a milestone happens: one dated day, a month or span of months ("Oktober 2023", a quarter), or a rule that recurs every year. */
export const milestoneWhenSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: calendarDateSchema }),
  /** A month ("Oktober 2023"), or a span of months with `through` ("eerste kwartaal van 2025": 2025-01 through 2025-03). */
  z.object({ kind: z.literal('month'), month: calendarMonthSchema, through: calendarMonthSchema.optional() }),
  z.object({ kind: z.literal('yearly'), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
]);

export const actorSchema = z.enum(['zorgaanbieder', 'zorgverzekeraar', 'NZa', 'zorgaanbieder en zorgverzekeraar']);

/** One dated step of the contracting process, with the exact sentence it comes from. */
export const milestoneSchema = z.object({
  id: slugSchema,
  documentId: z.string(),
  /** Canonical insurer name (see knowledge/data/insurers.json), null for sector-wide rules. */
  insurer: z.string().nullable(),
  sector: slugSchema,
  contractYear: z.number().int().nullable(),
  when: milestoneWhenSchema,
  actor: actorSchema,
  label: z.object({ nl: z.string().min(3), en: z.string().min(3) }),
  /** Verbatim from the cleaned document text (a test checks it). */
  quote: z.string().min(10),
  /** Section path as cited, e.g. "6 Planning › 6.1 Planning contracteerproces". */
  section: z.string().min(1),
  /** Normalised actions this milestone answers, e.g. ["sign", "offer"], for question matching. */
  actions: z.array(z.string()).default([]),
  /** For the two ends of a period ("1 oktober tot 7 november"): which end this milestone is. */
  period: z.enum(['start', 'end']).optional(),
  /** Shown in the overview of the main yearly steps when a question names no step. */
  overview: z.boolean().optional(),
  /** False for milestones proposed by date extraction and not yet checked by a person. */
  verified: z.boolean().default(true),
});

export type MilestoneWhen = z.infer<typeof milestoneWhenSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type Milestone = z.infer<typeof milestoneSchema>;

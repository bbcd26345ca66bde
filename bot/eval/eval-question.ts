import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One question of an evaluation file, with the rules its answer must satisfy (see the file's "note"). */
export const evalQuestionSchema = z.object({
  id: z.string().min(1),
  cat: z.string().min(1),
  q: z.string(),
  now: isoDate.optional(),
  date: isoDate.optional(),
  anyDate: z.array(isoDate).min(1).optional(),
  monthDay: z.string().regex(/^\d{2}-\d{2}$/).optional(),
  monthPrefix: z.string().regex(/^\d{4}-\d{2}$/).optional(),
  status: z.enum(['past', 'today', 'upcoming']).optional(),
  doc: z.string().optional(),
  phrases: z.array(z.string().min(1)).min(1).optional(),
  intent: z.string().optional(),
  mustMention: z.array(z.string().min(1)).min(1).optional(),
  atLeast: z.tuple([z.number().int().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  unknownInsurer: z.string().min(1).optional(),
  robust: z.boolean().optional(),
});

export const evalFileSchema = z.object({
  note: z.string().optional(),
  now: isoDate,
  questions: z.array(evalQuestionSchema).min(1),
});

export type EvalQuestion = z.infer<typeof evalQuestionSchema>;
export type EvalFile = z.infer<typeof evalFileSchema>;

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
  /** Every one of these dates is among the reply's deadlines. */
  allDates: z.array(isoDate).min(1).optional(),
  /** [from, to]: at least one deadline, and every deadline date in this inclusive range. */
  within: z.tuple([isoDate, isoDate]).optional(),
  /** None of these appears in the reply text (case and accents ignored). */
  notPhrases: z.array(z.string().min(1)).min(1).optional(),
  /** The reply's language. */
  language: z.enum(['nl', 'en']).optional(),
});

export const evalFileSchema = z.object({
  note: z.string().optional(),
  now: isoDate,
  questions: z.array(evalQuestionSchema).min(1),
});

export type EvalQuestion = z.infer<typeof evalQuestionSchema>;
export type EvalFile = z.infer<typeof evalFileSchema>;

/** One turn of an evaluation conversation: a question with the same rules, checked on its own reply. */
export const evalTurnSchema = evalQuestionSchema.omit({ id: true, cat: true });

/** One multi-turn case: its turns are asked in order in one fresh conversation. */
export const evalConversationSchema = z.object({
  id: z.string().min(1),
  /** Category for the per-category figures (default `conversation`). */
  cat: z.string().min(1).optional(),
  now: isoDate.optional(),
  turns: z.array(evalTurnSchema).min(1),
});

export const evalConversationFileSchema = z.object({
  note: z.string().optional(),
  now: isoDate,
  conversations: z.array(evalConversationSchema).min(1),
});

export type EvalTurn = z.infer<typeof evalTurnSchema>;
export type EvalConversation = z.infer<typeof evalConversationSchema>;
export type EvalConversationFile = z.infer<typeof evalConversationFileSchema>;

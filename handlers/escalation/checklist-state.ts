import { z } from 'zod';
import { calendarDateSchema } from '../../knowledge/dates/calendar-date.js';
import { ESCALATION_TOPICS } from '../../knowledge/escalation/escalation-item.js';

/**
 * What the store keeps of an escalation checklist: the counterparty (canonical insurer names),
 * topics, language and the ticked state per item id. Labels and sources are rebuilt from the data
 * file, so the stored state never holds user text (and so no personal data).
 */
export const checklistStateSchema = z
  .object({
    version: z.literal(1),
    language: z.enum(['nl', 'en']),
    insurers: z.array(z.string().min(1)),
    topics: z.array(z.enum(ESCALATION_TOPICS)),
    /** Calendar date (Europe/Amsterdam) the checklist was drafted. */
    createdOn: calendarDateSchema,
    items: z.array(
      z
        .object({
          id: z.string().min(1),
          done: z.boolean(),
          /** Calendar date the item was last ticked. */
          doneOn: calendarDateSchema.optional(),
        })
        .strict(),
    ),
    /** A checklist asked for while this one was open, waiting for the user to keep this one or replace it. */
    pending: z
      .object({ insurers: z.array(z.string().min(1)), topics: z.array(z.enum(ESCALATION_TOPICS)), language: z.enum(['nl', 'en']) })
      .strict()
      .optional(),
  })
  .strict();

export type ChecklistState = z.infer<typeof checklistStateSchema>;

/** Parses stored state; undefined when it is not a checklist this version understands. */
export function parseChecklistState(raw: unknown): ChecklistState | undefined {
  const parsed = checklistStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** Sets the done flag of the items at the given 0-based positions (dates ticks with `today`). */
export function setItemsDone(state: ChecklistState, positions: readonly number[], done: boolean, today: string): ChecklistState {
  const targets = new Set(positions);
  return {
    ...state,
    items: state.items.map((item, i) => {
      if (!targets.has(i) || item.done === done) return item;
      return done ? { id: item.id, done: true, doneOn: today } : { id: item.id, done: false };
    }),
  };
}

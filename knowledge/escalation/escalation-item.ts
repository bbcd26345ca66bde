import { z } from 'zod';

/** The topics a checklist can be specialised for; each adds its own items. */
export const ESCALATION_TOPICS = ['tariffs', 'crucial', 'access', 'process'] as const;
export type EscalationTopic = (typeof ESCALATION_TOPICS)[number];

const bilingual = z.object({ nl: z.string().min(1), en: z.string().min(1) }).strict();

/** A topic with its Dutch/English label and the words that select it (`*` at the end: prefix match). */
export const escalationTopicSchema = z
  .object({
    id: z.enum(ESCALATION_TOPICS),
    label: bilingual,
    keywords: z.array(z.string().min(2)).min(1),
  })
  .strict();

/**
 * One checklist item: a step of the escalation route, something a report (signaal) must contain,
 * a topic-specific check, or the privacy warning. `{insurer}` in a label is replaced by the
 * counterparty. The source quote occurs verbatim in the cleaned text of the document.
 */
export const escalationItemSchema = z
  .object({
    id: z.string().regex(/^[a-z]+\.[a-z0-9-]+$/),
    group: z.enum(['step', 'report', 'topic', 'privacy']),
    /** Required for (and only for) group "topic". */
    topic: z.enum(ESCALATION_TOPICS).optional(),
    /** Only shown when the counterparty is one of these insurers (canonical names). */
    insurers: z.array(z.string().min(1)).min(1).optional(),
    label: bilingual,
    source: z
      .object({
        documentId: z.string().min(1),
        section: z.string().min(1),
        quote: z.string().min(10),
      })
      .strict(),
  })
  .strict()
  .refine((item) => (item.group === 'topic') === (item.topic !== undefined), {
    message: 'topic items need a topic; other items must not have one',
  });

export const escalationStepsSchema = z
  .object({
    note: z.string(),
    topics: z.array(escalationTopicSchema).length(ESCALATION_TOPICS.length),
    items: z.array(escalationItemSchema).min(1),
  })
  .strict();

export type EscalationItem = z.infer<typeof escalationItemSchema>;
export type EscalationTopicDefinition = z.infer<typeof escalationTopicSchema>;
export type EscalationSteps = z.infer<typeof escalationStepsSchema>;

import { ESCALATION_TOPICS, escalationStepsSchema, type EscalationSteps } from './escalation-item.js';

/** What escalation data may refer to: the shipped documents' ids and the known insurers' names. */
export interface EscalationReferences {
  readonly documentIds: readonly string[];
  readonly insurers: readonly string[];
}

/**
 * Validates the escalation checklist definition (`knowledge/data/escalation-steps.json`): the zod
 * schema, unique item ids, every topic defined once and used, known document ids and canonical
 * insurer names. Throws on invalid data (a packaging error, caught by the tests).
 */
export function validateEscalationSteps(raw: unknown, refs: EscalationReferences): EscalationSteps {
  const data = escalationStepsSchema.parse(raw);
  const ids = new Set<string>();
  for (const item of data.items) {
    if (ids.has(item.id)) throw new Error(`escalation-steps.json: duplicate item id ${item.id}`);
    ids.add(item.id);
    if (!refs.documentIds.includes(item.source.documentId)) throw new Error(`escalation-steps.json: ${item.id} cites unknown document ${item.source.documentId}`);
    for (const insurer of item.insurers ?? []) {
      if (!refs.insurers.includes(insurer)) throw new Error(`escalation-steps.json: ${item.id} names unknown insurer ${insurer}`);
    }
  }
  for (const topic of ESCALATION_TOPICS) {
    if (data.topics.filter((t) => t.id === topic).length !== 1) throw new Error(`escalation-steps.json: topic ${topic} must be defined once`);
    if (!data.items.some((i) => i.topic === topic)) throw new Error(`escalation-steps.json: topic ${topic} has no items`);
  }
  return data;
}

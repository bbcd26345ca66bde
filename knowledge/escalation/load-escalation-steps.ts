import { readFileSync } from 'node:fs';
import { getDocument } from '../documents.js';
import { knownInsurers } from '../insurers.js';
import { knowledgePath } from '../paths.js';
import { ESCALATION_TOPICS, escalationStepsSchema, type EscalationSteps } from './escalation-item.js';

let cached: EscalationSteps | undefined;

/**
 * The escalation checklist definition from `knowledge/data/escalation-steps.json`, validated once:
 * the zod schema, unique item ids, every topic defined once and used, known document ids and
 * canonical insurer names. Throws on invalid data (a packaging error, caught by the tests).
 */
export function loadEscalationSteps(): EscalationSteps {
  if (cached) return cached;
  cached = validateEscalationSteps(JSON.parse(readFileSync(knowledgePath('data', 'escalation-steps.json'), 'utf8')));
  return cached;
}

/** Validates raw checklist data; exported so tests can prove bad data is rejected. */
export function validateEscalationSteps(raw: unknown): EscalationSteps {
  const data = escalationStepsSchema.parse(raw);
  const ids = new Set<string>();
  for (const item of data.items) {
    if (ids.has(item.id)) throw new Error(`escalation-steps.json: duplicate item id ${item.id}`);
    ids.add(item.id);
    getDocument(item.source.documentId);
    for (const insurer of item.insurers ?? []) {
      if (!knownInsurers().includes(insurer)) throw new Error(`escalation-steps.json: ${item.id} names unknown insurer ${insurer}`);
    }
  }
  for (const topic of ESCALATION_TOPICS) {
    if (data.topics.filter((t) => t.id === topic).length !== 1) throw new Error(`escalation-steps.json: topic ${topic} must be defined once`);
    if (!data.items.some((i) => i.topic === topic)) throw new Error(`escalation-steps.json: topic ${topic} has no items`);
  }
  return data;
}

import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { Understanding } from '../understand/understanding.js';

/**
 * An understanding with the given slots, insurers resolved through the knowledge base's catalog
 * (as the router would): for handler tests of decisions over an understanding.
 */
export function understandingOf(
  kb: KnowledgeBase,
  slots: Partial<Omit<Understanding, 'insurers'>> & { readonly insurers?: readonly string[] },
): Understanding {
  const insurers = (slots.insurers ?? []).map((name, index) => {
    const found = kb.insurers.find(name)[0];
    if (!found) throw new Error(`understandingOf: unknown insurer ${name}`);
    return { ...found, index };
  });
  return { intent: 'deadline', language: 'en', wantsEnd: false, followUp: false, words: [], text: '', isQuestion: false, steps: slots.step ? [slots.step] : [], documents: [], triggers: [], ...slots, insurers };
}

import { messages } from '../messages/messages.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { EscalationItem, EscalationTopic } from '../../knowledge/escalation/escalation-item.js';

import type { ChecklistItem, Language } from '../types.js';
import type { ChecklistState } from './checklist-state.js';

/** Shown instead of an insurer's name when the user named none. */
export function insurerPlaceholder(language: Language): string {
  return messages(language).escalation.insurerPlaceholder;
}

/** "VGZ", "VGZ en CZ", "VGZ, CZ and Menzis", or the placeholder. */
export function insurerNames(insurers: readonly string[], language: Language): string {
  if (insurers.length === 0) return insurerPlaceholder(language);
  if (insurers.length === 1) return insurers[0] ?? '';
  return `${insurers.slice(0, -1).join(', ')} ${messages(language).reminder.and} ${insurers[insurers.length - 1]}`;
}

const ORDER: Record<EscalationItem['group'], number> = { step: 0, report: 1, topic: 2, privacy: 3 };

/**
 * The data-file items that belong in a checklist for these insurers and topics, in display
 * order: steps, report contents, topic items (in the order the topics were named), privacy.
 */
function selectItems(kb: KnowledgeBase, insurers: readonly string[], topics: readonly EscalationTopic[]): EscalationItem[] {
  const { items } = kb.escalation;
  const rank = (item: EscalationItem): number => ORDER[item.group] * 100 + (item.topic ? topics.indexOf(item.topic) : 0);
  return items
    .filter((item) => (item.topic === undefined || topics.includes(item.topic)) && (!item.insurers || item.insurers.some((i) => insurers.includes(i))))
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index)
    .map(({ item }) => item);
}

/** A new, unticked checklist state. */
export function newChecklistState(kb: KnowledgeBase, insurers: readonly string[], topics: readonly EscalationTopic[], language: Language, today: string): ChecklistState {
  return {
    version: 1,
    language,
    insurers: [...insurers],
    topics: [...topics],
    createdOn: today,
    items: selectItems(kb, insurers, topics).map((item) => ({ id: item.id, done: false })),
  };
}

/** The group or topic name an item label starts with, e.g. "Signaal", "Tarieven en op-/afslagen". */
function itemPrefix(kb: KnowledgeBase, item: EscalationItem, language: Language): string {
  switch (item.group) {
    case 'step':
      return messages(language).escalation.step;
    case 'report':
      return messages(language).escalation.report;
    case 'privacy':
      return 'Privacy';
    case 'topic': {
      const topic = kb.escalation.topics.find((t) => t.id === item.topic);
      return topic ? topic.label[language] : '';
    }
  }
}

/** The item's label in the checklist's language with `{insurer}` filled in. */
export function itemLabel(item: EscalationItem, insurers: readonly string[], language: Language): string {
  return item.label[language].replaceAll('{insurer}', insurerNames(insurers, language));
}

/** Resolved items of a stored state: definition, label, source and done flag. Unknown ids are skipped. */
export function resolveItems(kb: KnowledgeBase, state: ChecklistState): { item: EscalationItem; checklistItem: ChecklistItem }[] {
  const byId = new Map(kb.escalation.items.map((i) => [i.id, i]));
  return state.items.flatMap((entry) => {
    const item = byId.get(entry.id);
    if (!item) return [];
    const label = `${itemPrefix(kb, item, state.language)}: ${itemLabel(item, state.insurers, state.language)}`;
    const source = kb.source(item.source.documentId, item.source.section, item.source.quote, 1);
    return [{ item, checklistItem: { id: item.id, label, done: entry.done, source } }];
  });
}

/** "Escalatie-checklist Zorg en Zekerheid — Tarieven en op-/afslagen". */
export function checklistTitle(kb: KnowledgeBase, state: ChecklistState): string {
  const topics = kb.escalation.topics.filter((t) => state.topics.includes(t.id));
  const topicText = state.topics
    .map((id) => topics.find((t) => t.id === id)?.label[state.language].toLowerCase())
    .filter((t): t is string => Boolean(t))
    .join(', ');
  const base = messages(state.language).escalation.title(insurerNames(state.insurers, state.language));
  return topicText ? `${base} — ${topicText}` : base;
}

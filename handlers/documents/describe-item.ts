import type { KnowledgeItem } from '../../knowledge/knowledge-item.js';
import { proposalDate } from '../../knowledge/milestones/proposal-date.js';

/** The JSON shape of a proposed or reviewed item (`documents add --json`, `milestones review --json`). */
export function itemJson(item: KnowledgeItem): Record<string, unknown> {
  switch (item.kind) {
    case 'milestone': {
      const when = proposalDate(item.milestone.when);
      return {
        id: item.id,
        kind: 'milestone',
        documentId: item.documentId,
        date: when?.date ?? null,
        precision: when?.precision ?? null,
        label: item.milestone.label.nl,
        actor: item.milestone.actor,
        quote: item.milestone.quote,
        section: item.milestone.section,
        page: item.page ?? null,
      };
    }
    case 'rule': {
      const r = item.rule;
      const duration = 'duration' in r ? `${r.duration.amount} ${r.duration.unit} ${r.direction}` : null;
      return { id: item.id, kind: 'rule', documentId: item.documentId, rule: duration, label: r.label.nl, actor: r.actor, quote: r.quote, section: r.section, page: item.page ?? null };
    }
  }
}

/** One readable line (plus the quote) for the command line. */
export function describeItem(item: KnowledgeItem): string {
  const j = itemJson(item);
  const where = `${j.section ? `§ ${String(j.section)}` : ''}${j.page ? `, p. ${String(j.page)}` : ''}`;
  const head = item.kind === 'milestone' ? `${String(j.date ?? '?')}${j.precision === 'month' ? ' (month)' : ''}` : `rule: ${String(j.rule ?? '?')}`;
  return `  ${item.id}  ${head}  ${String(j.label)}  [${String(j.actor)}]  ${where}\n      “${String(j.quote)}”`;
}

import type { Milestone } from './milestones/milestone.js';
import type { RelativeRule } from './rules/relative-rule.js';

/** A proposed date is not a fact until a person confirms it; rejected ones are kept so a re-upload does not propose them again as new. */
export type KnowledgeItemStatus = 'proposed' | 'confirmed' | 'rejected';

/**
 * A dated milestone or a relative rule of an uploaded document, as proposed by ingest and reviewed
 * by a person. Only confirmed items reach the knowledge base's milestones and rules.
 */
export type KnowledgeItem =
  | { readonly kind: 'milestone'; readonly id: string; readonly documentId: string; readonly status: KnowledgeItemStatus; readonly page?: number; readonly milestone: Milestone }
  | { readonly kind: 'rule'; readonly id: string; readonly documentId: string; readonly status: KnowledgeItemStatus; readonly page?: number; readonly rule: RelativeRule };

/** The quote of an item (for replacing a document while keeping confirmed items still in its text). */
export function itemQuote(item: KnowledgeItem): string {
  switch (item.kind) {
    case 'milestone':
      return item.milestone.quote;
    case 'rule':
      return item.rule.quote;
  }
}

import type { KnowledgeItem, KnowledgeItemStatus } from '../../knowledge/knowledge-item.js';
import type { StoredDocument } from '../../knowledge/knowledge-base.js';

/** A `documents` row (both dialects; `body` is the whole document as JSON). */
export interface DocumentRow {
  readonly id: string;
  readonly body: string;
}

/** A `knowledge_items` row (both dialects). */
export interface KnowledgeItemRow {
  readonly id: string;
  readonly document_id: string;
  readonly status: string;
  readonly body: string;
}

export function documentFromRow(row: DocumentRow): StoredDocument {
  return JSON.parse(row.body) as StoredDocument;
}

export function itemFromRow(row: KnowledgeItemRow): KnowledgeItem {
  const item = JSON.parse(row.body) as KnowledgeItem;
  return { ...item, status: row.status as KnowledgeItemStatus };
}

import type { KnowledgeItem, KnowledgeItemStatus } from '../../knowledge/knowledge-item.js';
import type { StoredDocument, StoredDocumentHead } from '../../knowledge/knowledge-base.js';

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

/** The `head` column of a document: its metadata and addedAt, as JSON. */
export function headOf(document: StoredDocument): string {
  const head: StoredDocumentHead = { meta: document.meta, addedAt: document.addedAt };
  return JSON.stringify(head);
}

export function headFromRow(row: { readonly head: string }): StoredDocumentHead {
  return JSON.parse(row.head) as StoredDocumentHead;
}

export function itemFromRow(row: KnowledgeItemRow): KnowledgeItem {
  const item = JSON.parse(row.body) as KnowledgeItem;
  return { ...item, status: row.status as KnowledgeItemStatus };
}

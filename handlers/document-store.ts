import type { KnowledgeItem, KnowledgeItemStatus } from '../knowledge/knowledge-item.js';
import type { StoredDocument, StoredDocumentHead } from '../knowledge/knowledge-base.js';

/**
 * The documents port: uploaded documents and their reviewed milestones and rules, shared by every
 * replica through the database. Both stores (SQLite, PostgreSQL) implement it and pass one contract suite.
 */
export interface DocumentStore {
  /**
   * Stores a document with its items in one transaction, replacing a document with the same id and
   * all of that document's items. Returns whether a document was replaced.
   */
  saveDocument(document: StoredDocument, items: readonly KnowledgeItem[], now: Date): Promise<{ replaced: boolean }>;
  listDocuments(): Promise<StoredDocument[]>;
  /** Every document's head (metadata and when it was added), in the order of {@link listDocuments}, without reading bodies. */
  listDocumentHeads(): Promise<StoredDocumentHead[]>;
  getStoredDocument(id: string): Promise<StoredDocument | undefined>;
  /** Removes a document and its items; true when it existed. */
  removeDocument(id: string, now: Date): Promise<boolean>;
  listKnowledgeItems(filter?: { readonly documentId?: string; readonly status?: KnowledgeItemStatus }): Promise<KnowledgeItem[]>;
  /**
   * Replaces one item (by id) when its stored status is still `expected` (compare-and-set: two
   * reviewers clicking at once cannot both act on the same proposal). True when it was written.
   */
  updateKnowledgeItem(item: KnowledgeItem, expected: KnowledgeItemStatus, now: Date): Promise<boolean>;
  /** A number that grows with every document or item change: replicas rebuild their knowledge when it moves. */
  knowledgeVersion(): Promise<number>;
  /** The serialised search index built for a knowledge version, if a replica stored one. */
  getIndexCache(version: number): Promise<string | undefined>;
  /** Stores the serialised index of a version (older ones are dropped): the next cold start loads it instead of building. */
  putIndexCache(version: number, body: string): Promise<void>;
}

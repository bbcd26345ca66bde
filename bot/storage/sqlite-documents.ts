import type Database from 'better-sqlite3';
import type { DocumentStore } from '../../handlers/document-store.js';
import { documentFromRow, headFromRow, headOf, itemFromRow, type DocumentRow, type KnowledgeItemRow } from './document-rows.js';

/** The documents port on SQLite: every change is one immediate transaction that also bumps the knowledge version. */
export function sqliteDocumentStore(db: Database.Database): DocumentStore {
  const st = {
    getDoc: db.prepare('SELECT id, body FROM documents WHERE id = ?'),
    listDocs: db.prepare('SELECT id, body FROM documents ORDER BY added_at, id'),
    listHeads: db.prepare('SELECT head FROM documents ORDER BY added_at, id'),
    upsertDoc: db.prepare(
      `INSERT INTO documents (id, body, head, added_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET body = excluded.body, head = excluded.head, updated_at = excluded.updated_at`,
    ),
    removeDoc: db.prepare('DELETE FROM documents WHERE id = ?'),
    removeItems: db.prepare('DELETE FROM knowledge_items WHERE document_id = ?'),
    insertItem: db.prepare('INSERT INTO knowledge_items (id, document_id, status, body, updated_at) VALUES (?, ?, ?, ?, ?)'),
    updateItem: db.prepare('UPDATE knowledge_items SET status = ?, body = ?, updated_at = ? WHERE id = ? AND status = ?'),
    bump: db.prepare('UPDATE knowledge_state SET version = version + 1 WHERE id = 1'),
    version: db.prepare('SELECT version FROM knowledge_state WHERE id = 1'),
    getCache: db.prepare('SELECT body FROM knowledge_index_cache WHERE version = ?'),
    dropCache: db.prepare('DELETE FROM knowledge_index_cache WHERE version <> ?'),
    putCache: db.prepare('INSERT INTO knowledge_index_cache (version, body) VALUES (?, ?) ON CONFLICT (version) DO NOTHING'),
  };
  const save = db.transaction((document: Parameters<DocumentStore['saveDocument']>[0], items: Parameters<DocumentStore['saveDocument']>[1], now: Date) => {
    const replaced = st.getDoc.get(document.meta.id) !== undefined;
    st.removeItems.run(document.meta.id);
    st.upsertDoc.run(document.meta.id, JSON.stringify(document), headOf(document), document.addedAt, now.toISOString());
    for (const item of items) st.insertItem.run(item.id, document.meta.id, item.status, JSON.stringify(item), now.toISOString());
    st.bump.run();
    return { replaced };
  });
  const remove = db.transaction((id: string) => {
    st.removeItems.run(id);
    const gone = st.removeDoc.run(id).changes > 0;
    if (gone) st.bump.run();
    return gone;
  });
  const update = db.transaction((item: Parameters<DocumentStore['updateKnowledgeItem']>[0], expected: string, now: Date) => {
    const written = st.updateItem.run(item.status, JSON.stringify(item), now.toISOString(), item.id, expected).changes > 0;
    if (written) st.bump.run();
    return written;
  });
  return {
    async saveDocument(document, items, now) {
      return save.immediate(document, items, now);
    },
    async listDocuments() {
      return (st.listDocs.all() as DocumentRow[]).map(documentFromRow);
    },
    async listDocumentHeads() {
      return (st.listHeads.all() as { head: string }[]).map(headFromRow);
    },
    async getStoredDocument(id) {
      const row = st.getDoc.get(id) as DocumentRow | undefined;
      return row ? documentFromRow(row) : undefined;
    },
    async removeDocument(id) {
      return remove.immediate(id);
    },
    async listKnowledgeItems(filter = {}) {
      const where: string[] = [];
      const params: string[] = [];
      if (filter.documentId !== undefined) {
        where.push('document_id = ?');
        params.push(filter.documentId);
      }
      if (filter.status !== undefined) {
        where.push('status = ?');
        params.push(filter.status);
      }
      const sql = `SELECT id, document_id, status, body FROM knowledge_items${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY document_id, seq`;
      return (db.prepare(sql).all(...params) as KnowledgeItemRow[]).map(itemFromRow);
    },
    async updateKnowledgeItem(item, expected, now) {
      return update.immediate(item, expected, now);
    },
    async knowledgeVersion() {
      return Number((st.version.get() as { version: number } | undefined)?.version ?? 0);
    },
    async getIndexCache(version) {
      return (st.getCache.get(version) as { body: string } | undefined)?.body;
    },
    async putIndexCache(version, body) {
      db.transaction(() => {
        st.dropCache.run(version);
        st.putCache.run(version, body);
      }).immediate();
    },
  };
}

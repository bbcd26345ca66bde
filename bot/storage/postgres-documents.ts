import type pg from 'pg';
import type { DocumentStore } from '../../handlers/document-store.js';
import { inTransaction } from './postgres-transaction.js';
import { documentFromRow, headFromRow, headOf, itemFromRow, type DocumentRow, type KnowledgeItemRow } from './document-rows.js';

const BUMP = 'UPDATE knowledge_state SET version = version + 1 WHERE id = 1';

/** The documents port on PostgreSQL: every change is one transaction that also bumps the knowledge version. */
export function postgresDocumentStore(pool: pg.Pool): DocumentStore {
  return {
    async saveDocument(document, items, now) {
      return inTransaction(pool, async (c) => {
        // Lock the document id so two uploads of the same policy serialise instead of interleaving.
        await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [document.meta.id]);
        const existing = await c.query('SELECT 1 FROM documents WHERE id = $1', [document.meta.id]);
        await c.query('DELETE FROM knowledge_items WHERE document_id = $1', [document.meta.id]);
        await c.query(
          `INSERT INTO documents (id, body, head, added_at, updated_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (id) DO UPDATE SET body = excluded.body, head = excluded.head, updated_at = excluded.updated_at`,
          [document.meta.id, JSON.stringify(document), headOf(document), document.addedAt, now.toISOString()],
        );
        for (const item of items) {
          await c.query('INSERT INTO knowledge_items (id, document_id, status, body, updated_at) VALUES ($1, $2, $3, $4, $5)', [
            item.id,
            document.meta.id,
            item.status,
            JSON.stringify(item),
            now.toISOString(),
          ]);
        }
        await c.query(BUMP);
        return { replaced: (existing.rowCount ?? 0) > 0 };
      });
    },
    async listDocuments() {
      const { rows } = await pool.query<DocumentRow>('SELECT id, body FROM documents ORDER BY added_at, id');
      return rows.map(documentFromRow);
    },
    async listDocumentHeads() {
      const { rows } = await pool.query<{ head: string }>('SELECT head FROM documents ORDER BY added_at, id');
      return rows.map(headFromRow);
    },
    async getStoredDocument(id) {
      const { rows } = await pool.query<DocumentRow>('SELECT id, body FROM documents WHERE id = $1', [id]);
      return rows[0] ? documentFromRow(rows[0]) : undefined;
    },
    async removeDocument(id) {
      return inTransaction(pool, async (c) => {
        await c.query('DELETE FROM knowledge_items WHERE document_id = $1', [id]);
        const gone = ((await c.query('DELETE FROM documents WHERE id = $1', [id])).rowCount ?? 0) > 0;
        if (gone) await c.query(BUMP);
        return gone;
      });
    },
    async listKnowledgeItems(filter = {}) {
      const where: string[] = [];
      const params: string[] = [];
      if (filter.documentId !== undefined) {
        params.push(filter.documentId);
        where.push(`document_id = $${params.length}`);
      }
      if (filter.status !== undefined) {
        params.push(filter.status);
        where.push(`status = $${params.length}`);
      }
      const { rows } = await pool.query<KnowledgeItemRow>(
        `SELECT id, document_id, status, body FROM knowledge_items${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY document_id, seq`,
        params,
      );
      return rows.map(itemFromRow);
    },
    async updateKnowledgeItem(item, expected, now) {
      return inTransaction(pool, async (c) => {
        const written =
          ((await c.query('UPDATE knowledge_items SET status = $1, body = $2, updated_at = $3 WHERE id = $4 AND status = $5', [item.status, JSON.stringify(item), now.toISOString(), item.id, expected]))
            .rowCount ?? 0) > 0;
        if (written) await c.query(BUMP);
        return written;
      });
    },
    async getIndexCache(version) {
      const { rows } = await pool.query<{ body: string }>('SELECT body FROM knowledge_index_cache WHERE version = $1', [version]);
      return rows[0]?.body;
    },
    async putIndexCache(version, body) {
      await inTransaction(pool, async (c) => {
        await c.query('DELETE FROM knowledge_index_cache WHERE version <> $1', [version]);
        await c.query('INSERT INTO knowledge_index_cache (version, body) VALUES ($1, $2) ON CONFLICT (version) DO NOTHING', [version, body]);
      });
    },
    async knowledgeVersion() {
      const { rows } = await pool.query<{ version: string | number }>('SELECT version FROM knowledge_state WHERE id = 1');
      return Number(rows[0]?.version ?? 0);
    },
  };
}

import pg from 'pg';
import { conversationKey } from '../../handlers/address-key.js';
import type { DeliveryClaim, DeliveryKey, DeliveryOutcome, HeldDelivery, MilestoneHold, NewSubscription, Store, Subscription } from '../../handlers/store.js';
import type { Address } from '../../handlers/types.js';
import { MIGRATIONS } from './migrations.js';
import { postgresDocumentStore } from './postgres-documents.js';
import { inTransaction } from './postgres-transaction.js';
import { postgresMemoryStore } from './postgres-memory.js';
import { normalizeLeadDays } from './normalize-lead-days.js';
import { DEFAULT_TIME_OF_DAY } from '../../handlers/reminder-due-time.js';
import {
  checklistFromRow,
  claimsInOrder,
  deliveryFromRow,
  feedbackFromRow,
  holdFromRow,
  MAX_ERROR_LENGTH,
  deliveryKeyId,
  newClaimIds,
  newSubscriptionId,
  SEEN_EVENT_RETENTION_MS,
  storedAddress,
  subscriptionFromRow,
  subscriptionsFromRows,
  type ChecklistRow,
  type CompactClaimRow,
  type DeliveryRow,
  type FeedbackRow,
  type HoldRow,
  type SubscriptionRow,
} from './store-rows.js';

/** The database server's clock in milliseconds (`now()`: the transaction's start on the server). */
const DB_NOW_MS = '(extract(epoch from now()) * 1000)::bigint';

/** Joins a batch given as parallel arrays (`unnest`) to `deliveries` by key. */
const BATCH_KEY_JOIN = 'd.conversation = t.c AND d.milestone_id = t.m AND d.occurrence_date = t.o AND d.lead_days = t.l';

/** Serialises concurrent migrations of several processes (any fixed number works; this spells "CB"). */
const MIGRATION_LOCK_KEY = 0x4342;

/**
 * The PostgreSQL store through a pg pool. A batch of claims is one `INSERT … SELECT unnest(…) ON
 * CONFLICT DO UPDATE … WHERE` statement in key order: PostgreSQL row-locks each conflicting row and
 * re-checks the WHERE on its latest version, so of two racing replicas exactly one gets a row
 * back, and the shared order rules out deadlocks. Leases compare with the server's `now()`.
 */
export async function openPostgresStore(url: string, options: { max?: number } = {}): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 5, connectionTimeoutMillis: 5_000 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }

  const q = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> => pool.query<R>(sql, params);
  /** A batch as parallel arrays, sorted by key so concurrent batches lock rows in one order. */
  const columns = <T extends { key: DeliveryKey }>(items: readonly T[]) => {
    const sorted = [...items].sort((x, y) => compareKeys(x.key, y.key));
    return { sorted, c: sorted.map((i) => i.key.conversation), m: sorted.map((i) => i.key.milestoneId), o: sorted.map((i) => i.key.occurrenceDate), l: sorted.map((i) => i.key.leadDays) };
  };
  /**
   * Every outcome of a batch in one statement (one round trip, atomic): the rows are first locked
   * in key order — the order claims take them in — so a finish and a claim of other replicas never
   * wait on each other in a cycle; then each row gets its outcome, fenced by attempt (except
   * `delivered`, which always counts).
   */
  const finishBatch = async (outcomes: readonly DeliveryOutcome[], durable: boolean): Promise<void> => {
    const batch = columns(outcomes);
    const field = <T>(pick: (o: DeliveryOutcome) => T) => batch.sorted.map(pick);
    await retryingDeadlocks(() =>
      pool.query(
        `WITH cfg AS MATERIALIZED (SELECT set_config('synchronous_commit', $10, true)),
         -- The arrays behind a materialized CTE: the planner assumes a small batch and joins by
         -- row id (a TID lookup per outcome) instead of hashing a scan of the whole table.
         batch AS MATERIALIZED (SELECT $1::text[] AS c, $2::text[] AS m, $3::text[] AS o, $4::int[] AS l, $5::text[] AS kind, $6::int[] AS a, $7::boolean[] AS late, $8::bigint[] AS wait, $9::text[] AS e)
         UPDATE deliveries d SET
           status = CASE x.kind WHEN 'released' THEN CASE WHEN d.prior_status IN ('leased', 'unknown') THEN 'unknown' ELSE 'retry' END ELSE x.kind END,
           finished_at = CASE WHEN x.kind IN ('delivered', 'failed') THEN ${DB_NOW_MS} ELSE d.finished_at END,
           late = CASE WHEN x.kind = 'delivered' THEN x.late ELSE d.late END,
           last_error = CASE x.kind WHEN 'delivered' THEN NULL WHEN 'released' THEN d.last_error ELSE x.e END,
           lease_until = CASE x.kind WHEN 'retry' THEN ${DB_NOW_MS} + x.wait WHEN 'unknown' THEN ${DB_NOW_MS} + x.wait WHEN 'released' THEN ${DB_NOW_MS} ELSE d.lease_until END,
           attempt = CASE WHEN x.kind = 'released' THEN d.attempt - 1 ELSE d.attempt END
         FROM (
           -- One index lookup and row lock per outcome, in the batch's (key) order: the lateral
           -- subquery with FOR UPDATE is never turned into a hash join over the whole table.
           SELECT t.*, r.row_id FROM cfg, batch,
             unnest(batch.c, batch.m, batch.o, batch.l, batch.kind, batch.a, batch.late, batch.wait, batch.e)
               WITH ORDINALITY AS t(c, m, o, l, kind, a, late, wait, e, n)
             CROSS JOIN LATERAL (
               SELECT l.ctid AS row_id FROM deliveries l
               WHERE l.conversation = t.c AND l.milestone_id = t.m AND l.occurrence_date = t.o AND l.lead_days = t.l
               FOR UPDATE
             ) r
           ORDER BY t.n
         ) x
         WHERE d.ctid = x.row_id
           AND CASE WHEN x.kind = 'delivered' THEN d.status <> 'delivered' ELSE d.attempt = x.a AND d.status = 'leased' END`,
        [
          batch.c,
          batch.m,
          batch.o,
          batch.l,
          field((o) => o.kind),
          field((o) => o.attempt),
          field((o) => (o.kind === 'delivered' ? o.late : false)),
          field((o) => (o.kind === 'retry' || o.kind === 'unknown' ? Math.max(0, Math.round(o.retryAfterMs)) : 0)),
          field((o) => (o.kind === 'retry' || o.kind === 'unknown' || o.kind === 'failed' ? o.error.slice(0, MAX_ERROR_LENGTH) : null)),
          durable ? 'on' : 'off',
        ],
      ),
    );
  };
  const transaction = <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => inTransaction(pool, work);
  const hold = async (conversation: Address, milestoneId: string): Promise<MilestoneHold | undefined> => {
    const { rows } = await q<HoldRow>('SELECT * FROM milestone_holds WHERE conversation = $1 AND milestone_id = $2', [conversationKey(conversation), milestoneId]);
    return rows[0] ? holdFromRow(rows[0]) : undefined;
  };

  let closed = false;
  const store: Store = {
    kind: 'postgres',
    ...postgresDocumentStore(pool),
    ...postgresMemoryStore(pool),

    async addSubscription(input: NewSubscription, now: Date): Promise<Subscription> {
      const address = storedAddress(input.address);
      const { rows } = await q<SubscriptionRow>(
        `INSERT INTO subscriptions (id, conversation, address, insurers, sectors, lead_days, language, time_of_day, active, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $9, TRUE, $8) RETURNING *`,
        [
          newSubscriptionId(),
          conversationKey(address),
          JSON.stringify(address),
          JSON.stringify(input.insurers),
          JSON.stringify(input.sectors),
          JSON.stringify(normalizeLeadDays(input.leadDays)),
          input.language,
          now.toISOString(),
          input.timeOfDay ?? DEFAULT_TIME_OF_DAY,
        ],
      );
      return subscriptionFromRow(rows[0] as SubscriptionRow);
    },

    async listSubscriptions(filter = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.conversation) {
        params.push(conversationKey(filter.conversation));
        where.push(`conversation = $${params.length}`);
      }
      if (filter.activeOnly) where.push('active');
      const { rows } = await q<SubscriptionRow>(`SELECT * FROM subscriptions ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY created_at, id`, params);
      return rows.map(subscriptionFromRow);
    },

    async getSubscription(id) {
      const { rows } = await q<SubscriptionRow>('SELECT * FROM subscriptions WHERE id = $1', [id]);
      return rows[0] ? subscriptionFromRow(rows[0]) : undefined;
    },

    async removeSubscription(id) {
      return ((await q('DELETE FROM subscriptions WHERE id = $1', [id])).rowCount ?? 0) > 0;
    },

    async removeSubscriptionsFor(conversation) {
      return (await q('DELETE FROM subscriptions WHERE conversation = $1', [conversationKey(conversation)])).rowCount ?? 0;
    },

    async disableSubscriptionsFor(conversation) {
      return (await q('UPDATE subscriptions SET active = FALSE WHERE conversation = $1 AND active', [conversationKey(conversation)])).rowCount ?? 0;
    },

    async setSubscriptionSectors(id, sectors) {
      return ((await q('UPDATE subscriptions SET sectors = $1, next_due_at = 0 WHERE id = $2', [JSON.stringify(sectors), id])).rowCount ?? 0) > 0;
    },

    async setConversationSector(conversation, sector, now) {
      await q(
        `INSERT INTO conversation_settings (conversation, sector, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (conversation) DO UPDATE SET sector = excluded.sector, updated_at = excluded.updated_at`,
        [conversationKey(conversation), sector, now.toISOString()],
      );
    },

    async conversationSector(conversation) {
      const { rows } = await q<{ sector: string | null }>('SELECT sector FROM conversation_settings WHERE conversation = $1', [conversationKey(conversation)]);
      return rows[0]?.sector ?? undefined;
    },

    async listDueConversations(now) {
      // A probe the planner always answers from the due index (first row in index order): after a
      // busy pass the statistics may still say "everything is due" and pick a scan of the table.
      const probe = await q('SELECT 1 FROM subscriptions WHERE active AND next_due_at <= $1 ORDER BY next_due_at LIMIT 1', [now.getTime()]);
      if (probe.rows.length === 0) return [];
      const { rows } = await q<{ conversation: string }>('SELECT DISTINCT conversation FROM subscriptions WHERE active AND next_due_at <= $1 ORDER BY conversation', [now.getTime()]);
      return rows.map((r) => r.conversation);
    },

    async listDueSubscriptions(now, conversations) {
      const { rows } = conversations
        ? // An index lookup per conversation (the array hidden from the planner, see finishBatch), never a scan of all subscriptions.
          await q<SubscriptionRow>(
            `WITH batch AS MATERIALIZED (SELECT $2::text[] AS conversations)
             SELECT s.* FROM batch, unnest(batch.conversations) AS c(conversation) JOIN subscriptions s ON s.conversation = c.conversation
             WHERE s.active AND s.next_due_at <= $1 ORDER BY s.conversation, s.id`,
            [now.getTime(), conversations],
          )
        : await q<SubscriptionRow>('SELECT * FROM subscriptions WHERE active AND next_due_at <= $1 ORDER BY conversation, id', [now.getTime()]);
      return subscriptionsFromRows(rows);
    },

    async setNextDue(updates) {
      if (updates.length === 0) return;
      const sorted = [...updates].sort((a, b) => (a.subscriptionId < b.subscriptionId ? -1 : a.subscriptionId > b.subscriptionId ? 1 : 0));
      // Not waiting for the WAL flush: a lost write leaves the older (due) instant, and the next pass recomputes it.
      // One primary-key lookup per update, in id order (the arrays hidden from the planner, see finishBatch).
      await retryingDeadlocks(() =>
        q(
          `WITH cfg AS MATERIALIZED (SELECT set_config('synchronous_commit', 'off', true)),
           batch AS MATERIALIZED (SELECT $1::text[] AS ids, $2::bigint[] AS ats)
           UPDATE subscriptions s SET next_due_at = t.at FROM cfg, batch, unnest(batch.ids, batch.ats) AS t(id, at) WHERE s.id = t.id`,
          [sorted.map((u) => u.subscriptionId), sorted.map((u) => u.at.getTime())],
        ),
      );
    },

    async syncScheduleFingerprint(fingerprint) {
      // Nearly every pass finds it unchanged: one plain read, no row lock (a lock is a write that waits for a disk flush).
      const current = await q<{ value: string }>("SELECT value FROM scheduler_meta WHERE key = 'schedule_fingerprint'");
      if (current.rows[0]?.value === fingerprint) return false;
      return transaction(async (client) => {
        // The row lock makes two replicas agree on one reset.
        await client.query("INSERT INTO scheduler_meta (key, value) VALUES ('schedule_fingerprint', '') ON CONFLICT (key) DO NOTHING");
        const { rows } = await client.query<{ value: string }>("SELECT value FROM scheduler_meta WHERE key = 'schedule_fingerprint' FOR UPDATE");
        if (rows[0]?.value === fingerprint) return false;
        await client.query('UPDATE subscriptions SET next_due_at = 0 WHERE next_due_at <> 0');
        await client.query("UPDATE scheduler_meta SET value = $1 WHERE key = 'schedule_fingerprint'", [fingerprint]);
        return true;
      });
    },

    async claimDeliveries(keys, leaseMs) {
      if (keys.length === 0) return { won: [], held: [] };
      const batch = columns(keys.map((key, index) => ({ key, index })));
      const ids = newClaimIds(batch.sorted.length);
      // A fresh row carries the claim id given here; a taken-over one (prior_status set) its own, and its key.
      const { rows } = await retryingDeadlocks(() =>
        q<CompactClaimRow>(
          `INSERT INTO deliveries AS d (conversation, milestone_id, occurrence_date, lead_days, claim_id, status, attempt, lease_until, first_claimed_at)
           SELECT t.c, t.m, t.o, t.l, t.id, 'leased', 1, ${DB_NOW_MS} + $6::bigint, ${DB_NOW_MS}
           FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[]) WITH ORDINALITY AS t(c, m, o, l, id, n)
           ORDER BY t.n
           ON CONFLICT (conversation, milestone_id, occurrence_date, lead_days) DO UPDATE
             SET status = 'leased', prior_status = d.status, attempt = d.attempt + 1, lease_until = excluded.lease_until
             WHERE d.status IN ('leased', 'retry', 'unknown') AND d.lease_until <= ${DB_NOW_MS}
           RETURNING claim_id, attempt, first_claimed_at, prior_status,
             CASE WHEN prior_status IS NULL THEN NULL ELSE conversation END AS conversation,
             CASE WHEN prior_status IS NULL THEN NULL ELSE milestone_id END AS milestone_id,
             CASE WHEN prior_status IS NULL THEN NULL ELSE occurrence_date END AS occurrence_date,
             CASE WHEN prior_status IS NULL THEN NULL ELSE lead_days END AS lead_days`,
          [batch.c, batch.m, batch.o, batch.l, ids, Math.max(0, Math.round(leaseMs))],
        ),
      );
      const won = claimsInOrder(keys, batch.sorted, ids, rows);
      if (won.length === keys.length) return { won, held: [] };
      const wonKeys = new Set(won.map((c) => c.key));
      const lost = columns(batch.sorted.filter((k) => !wonKeys.has(k.key)));
      const others = await q<{ conversation: string; milestone_id: string; occurrence_date: string; lead_days: number; in_ms: string }>(
        `SELECT d.conversation, d.milestone_id, d.occurrence_date, d.lead_days, d.lease_until - ${DB_NOW_MS} AS in_ms
         FROM (SELECT $1::text[] AS c, $2::text[] AS m, $3::text[] AS o, $4::int[] AS l OFFSET 0) AS batch
           CROSS JOIN unnest(batch.c, batch.m, batch.o, batch.l) AS t(c, m, o, l)
           JOIN deliveries d ON ${BATCH_KEY_JOIN}
         WHERE d.status IN ('leased', 'retry', 'unknown')`,
        [lost.c, lost.m, lost.o, lost.l],
      );
      const byId = new Map(lost.sorted.map((k) => [deliveryKeyId(k.key), k]));
      const held: (HeldDelivery & { index: number })[] = [];
      for (const r of others.rows) {
        const item = byId.get(deliveryKeyId({ conversation: r.conversation, milestoneId: r.milestone_id, occurrenceDate: r.occurrence_date, leadDays: Number(r.lead_days) }));
        if (item) held.push({ key: item.key, inMs: Math.max(0, Number(r.in_ms)), index: item.index });
      }
      held.sort((a, b) => a.index - b.index);
      return { won, held: held.map(({ key, inMs }) => ({ key, inMs })) };
    },

    async finishDeliveries(outcomes, options = {}) {
      if (outcomes.length === 0) return;
      await finishBatch(outcomes, options.durable ?? true);
    },

    async listDeliveries(range) {
      const { rows } = await q<DeliveryRow>('SELECT * FROM deliveries WHERE occurrence_date >= $1 AND occurrence_date <= $2 ORDER BY conversation, milestone_id, occurrence_date, lead_days', [
        range.fromDate,
        range.toDate,
      ]);
      return rows.map(deliveryFromRow);
    },

    async muteMilestone(conversation, milestoneId, now) {
      await q(
        `INSERT INTO milestone_holds (conversation, milestone_id, muted_at) VALUES ($1, $2, $3)
         ON CONFLICT (conversation, milestone_id) DO UPDATE SET muted_at = excluded.muted_at`,
        [conversationKey(conversation), milestoneId, now.toISOString()],
      );
    },

    async isMilestoneMuted(conversation, milestoneId) {
      return (await hold(conversation, milestoneId))?.muted ?? false;
    },

    async snoozeMilestone(conversation, milestoneId, until) {
      // The follow-up is due when the snooze ends: wake the conversation's subscriptions then.
      await transaction(async (client) => {
        await client.query(
          `INSERT INTO milestone_holds (conversation, milestone_id, snoozed_until) VALUES ($1, $2, $3)
           ON CONFLICT (conversation, milestone_id) DO UPDATE SET snoozed_until = excluded.snoozed_until`,
          [conversationKey(conversation), milestoneId, until.getTime()],
        );
        await client.query('UPDATE subscriptions SET next_due_at = LEAST(next_due_at, $1) WHERE conversation = $2', [until.getTime(), conversationKey(conversation)]);
      });
    },

    async snoozedUntil(conversation, milestoneId) {
      return (await hold(conversation, milestoneId))?.snoozedUntil;
    },

    async listMilestoneHolds() {
      return (await q<HoldRow>('SELECT * FROM milestone_holds')).rows.map(holdFromRow);
    },

    async saveConversationReference(conversation, reference, now) {
      await q(
        `INSERT INTO conversation_references (conversation, reference, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (conversation) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`,
        [conversationKey(conversation), JSON.stringify(reference), now.toISOString()],
      );
    },

    async getConversationReference(conversation) {
      const { rows } = await q<{ reference: string }>('SELECT reference FROM conversation_references WHERE conversation = $1', [conversationKey(conversation)]);
      return rows[0] ? (JSON.parse(rows[0].reference) as unknown) : undefined;
    },

    async deleteConversationReference(conversation) {
      return ((await q('DELETE FROM conversation_references WHERE conversation = $1', [conversationKey(conversation)])).rowCount ?? 0) > 0;
    },

    async saveChecklist(checklist) {
      await q(
        `INSERT INTO checklists AS c (conversation, id, state, updated_at, version) VALUES ($1, $2, $3, $4, 1)
         ON CONFLICT (conversation, id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at, version = c.version + 1`,
        [checklist.conversation, checklist.id, JSON.stringify(checklist.state ?? null), checklist.updatedAt],
      );
    },

    async compareAndSetChecklist(checklist, expectedVersion) {
      const result = await q('UPDATE checklists SET state = $1, updated_at = $2, version = version + 1 WHERE conversation = $3 AND id = $4 AND version = $5', [
        JSON.stringify(checklist.state ?? null),
        checklist.updatedAt,
        checklist.conversation,
        checklist.id,
        expectedVersion,
      ]);
      return result.rowCount === 1;
    },

    async getChecklist(conversation, id) {
      const { rows } = await q<ChecklistRow>('SELECT * FROM checklists WHERE conversation = $1 AND id = $2', [conversation, id]);
      return rows[0] ? checklistFromRow(rows[0]) : undefined;
    },

    async latestChecklist(conversation) {
      const { rows } = await q<ChecklistRow>('SELECT * FROM checklists WHERE conversation = $1 ORDER BY updated_at DESC, id DESC LIMIT 1', [conversation]);
      return rows[0] ? checklistFromRow(rows[0]) : undefined;
    },

    async markEventSeen(eventId, now) {
      await q('DELETE FROM seen_events WHERE seen_at < $1', [now.getTime() - SEEN_EVENT_RETENTION_MS]);
      const result = await q('INSERT INTO seen_events (event_id, seen_at) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING', [eventId, now.getTime()]);
      return (result.rowCount ?? 0) > 0;
    },

    async claimOnce(key, now, keepMs) {
      await q('DELETE FROM once_keys WHERE expires_at <= $1', [now.getTime()]);
      const result = await q('INSERT INTO once_keys (key, expires_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, now.getTime() + keepMs]);
      return (result.rowCount ?? 0) > 0;
    },

    async saveFeedback(feedback) {
      await q('INSERT INTO feedback (address, helpful, subject, at, comment) VALUES ($1, $2, $3, $4, $5)', [
        JSON.stringify(storedAddress(feedback.address)),
        feedback.helpful,
        feedback.subject,
        feedback.at,
        feedback.comment ?? null,
      ]);
    },

    async listFeedback() {
      return (await q<FeedbackRow>('SELECT * FROM feedback ORDER BY id')).rows.map(feedbackFromRow);
    },

    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
  return store;
}

/** A deadlock (another replica's statement took rows in another order) rolls back one statement: run it again. */
async function retryingDeadlocks<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= 3 || (error as { code?: string }).code !== '40P01') throw error;
    }
  }
}

function compareKeys(a: DeliveryKey, b: DeliveryKey): number {
  if (a.conversation !== b.conversation) return a.conversation < b.conversation ? -1 : 1;
  if (a.milestoneId !== b.milestoneId) return a.milestoneId < b.milestoneId ? -1 : 1;
  if (a.occurrenceDate !== b.occurrenceDate) return a.occurrenceDate < b.occurrenceDate ? -1 : 1;
  return a.leadDays - b.leadDays;
}

/** Applies pending migrations inside one transaction holding an advisory lock (replicas may start together). */
async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)));
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.postgres);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, new Date().toISOString()]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

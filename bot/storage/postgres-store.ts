import pg from 'pg';
import { conversationKey } from '../../handlers/address-key.js';
import type { ClaimResult, MilestoneHold, NewSubscription, OccurrenceKey, Store, Subscription } from '../../handlers/store.js';
import type { Address } from '../../handlers/types.js';
import { MIGRATIONS } from './migrations.js';
import { normalizeLeadDays } from './normalize-lead-days.js';
import {
  checklistFromRow,
  feedbackFromRow,
  holdFromRow,
  lostClaim,
  newSubscriptionId,
  occurrenceFromRow,
  SEEN_EVENT_RETENTION_MS,
  storedAddress,
  subscriptionFromRow,
  type ChecklistRow,
  type FeedbackRow,
  type HoldRow,
  type OccurrenceRow,
  type SubscriptionRow,
} from './store-rows.js';

/** Serialises concurrent migrations of several processes (any fixed number works; this spells "CB"). */
const MIGRATION_LOCK_KEY = 0x4342;

/**
 * The PostgreSQL store through a pg pool. Claims are one `INSERT … ON CONFLICT DO UPDATE … WHERE`
 * statement: PostgreSQL row-locks the conflicting row and re-checks the WHERE on its latest
 * version, so of two racing replicas exactly one gets the row back.
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
  const keyParams = (key: OccurrenceKey) => [key.subscriptionId, key.milestoneId, key.occurrenceDate, key.leadDays];
  const KEY_WHERE = 'subscription_id = $1 AND milestone_id = $2 AND occurrence_date = $3 AND lead_days = $4';
  const hold = async (conversation: Address, milestoneId: string): Promise<MilestoneHold | undefined> => {
    const { rows } = await q<HoldRow>('SELECT * FROM milestone_holds WHERE conversation = $1 AND milestone_id = $2', [conversationKey(conversation), milestoneId]);
    return rows[0] ? holdFromRow(rows[0]) : undefined;
  };

  let closed = false;
  const store: Store = {
    kind: 'postgres',

    async addSubscription(input: NewSubscription, now: Date): Promise<Subscription> {
      const address = storedAddress(input.address);
      const { rows } = await q<SubscriptionRow>(
        `INSERT INTO subscriptions (id, conversation, address, insurers, sectors, lead_days, language, active, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, TRUE, $8) RETURNING *`,
        [
          newSubscriptionId(),
          conversationKey(address),
          JSON.stringify(address),
          JSON.stringify(input.insurers),
          JSON.stringify(input.sectors),
          JSON.stringify(normalizeLeadDays(input.leadDays)),
          input.language,
          now.toISOString(),
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

    async claimOccurrence(key, now, leaseMs): Promise<ClaimResult> {
      const won = await q<{ attempt: number }>(
        `INSERT INTO reminder_occurrences AS o (subscription_id, milestone_id, occurrence_date, lead_days, status, attempt, lease_until, claimed_at)
         VALUES ($1, $2, $3, $4, 'leased', 1, $5, $6)
         ON CONFLICT (subscription_id, milestone_id, occurrence_date, lead_days) DO UPDATE
           SET attempt = o.attempt + 1, lease_until = excluded.lease_until, claimed_at = excluded.claimed_at
           WHERE o.status = 'leased' AND o.lease_until <= $7
         RETURNING attempt`,
        [...keyParams(key), now.getTime() + leaseMs, now.toISOString(), now.getTime()],
      );
      if (won.rows[0]) return { claimed: true, attempt: Number(won.rows[0].attempt) };
      const { rows } = await q<{ status: string }>(`SELECT status FROM reminder_occurrences WHERE ${KEY_WHERE}`, keyParams(key));
      return lostClaim(rows[0]?.status);
    },

    async completeOccurrence(key, now, late) {
      await q(`UPDATE reminder_occurrences SET status = 'delivered', finished_at = $5, late = $6, last_error = NULL WHERE ${KEY_WHERE}`, [
        ...keyParams(key),
        now.toISOString(),
        late,
      ]);
    },

    async failOccurrence(key, now, error, retryAt) {
      await q(
        `UPDATE reminder_occurrences SET status = $5, lease_until = $6, last_error = $7, finished_at = $8 WHERE ${KEY_WHERE} AND status = 'leased'`,
        [...keyParams(key), retryAt ? 'leased' : 'failed', retryAt ? retryAt.getTime() : now.getTime(), error.slice(0, 500), retryAt ? null : now.toISOString()],
      );
    },

    async listOccurrenceStates(range) {
      const { rows } = await q<OccurrenceRow>('SELECT * FROM reminder_occurrences WHERE occurrence_date >= $1 AND occurrence_date <= $2', [range.fromDate, range.toDate]);
      return rows.map(occurrenceFromRow);
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
      await q(
        `INSERT INTO milestone_holds (conversation, milestone_id, snoozed_until) VALUES ($1, $2, $3)
         ON CONFLICT (conversation, milestone_id) DO UPDATE SET snoozed_until = excluded.snoozed_until`,
        [conversationKey(conversation), milestoneId, until.getTime()],
      );
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
        `INSERT INTO checklists (conversation, id, state, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (conversation, id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
        [checklist.conversation, checklist.id, JSON.stringify(checklist.state ?? null), checklist.updatedAt],
      );
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

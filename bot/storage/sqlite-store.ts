import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { conversationKey } from '../../handlers/address-key.js';
import type { Address } from '../../handlers/types.js';
import type { DeliveryClaim, DeliveryKey, DeliveryOutcome, DeliveryState, HeldDelivery, MilestoneHold, NewSubscription, Store, StoredChecklist, Subscription } from '../../handlers/store.js';
import { ensureDirectory } from './ensure-directory.js';
import { MIGRATIONS } from './migrations.js';
import { sqliteDocumentStore } from './sqlite-documents.js';
import { sqliteMemoryStore } from './sqlite-memory.js';
import { normalizeLeadDays } from './normalize-lead-days.js';
import { DEFAULT_TIME_OF_DAY } from '../../handlers/reminder-due-time.js';
import {
  checklistFromRow,
  claimsInOrder,
  deliveryFromRow,
  feedbackFromRow,
  holdFromRow,
  MAX_ERROR_LENGTH,
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

/**
 * The database clock in milliseconds. For SQLite that is the clock of the machine whose process
 * runs the statement: one file is shared only by processes on one machine (WAL needs shared
 * memory), so all of them read the same clock. `'now'` is fixed within one statement.
 */
const DB_NOW_MS = "CAST(unixepoch('subsec') * 1000 AS INTEGER)";

/** The sizes of the prepared multi-row claim statements (a batch is split into these, largest first). */
const CLAIM_SIZES = [500, 100, 20, 5, 1] as const;

/**
 * The embedded store: one SQLite file (WAL mode, so several processes on one machine may share it)
 * through better-sqlite3. `path` is a file path or `:memory:`. Claims are upserts inside one
 * immediate transaction (SQLite's write lock), so two processes on one file never both win a delivery.
 */
const KEY_WHERE = 'conversation = @conversation AND milestone_id = @milestoneId AND occurrence_date = @occurrenceDate AND lead_days = @leadDays';

export function openSqliteStore(path: string): Store {
  if (path !== ':memory:') ensureDirectory(dirname(path));
  const db = new Database(path);
  db.pragma('busy_timeout = 10000');
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrate(db);

  const st = {
    insertSub: db.prepare(
      `INSERT INTO subscriptions (id, conversation, address, insurers, sectors, lead_days, language, time_of_day, active, created_at)
       VALUES (@id, @conversation, @address, @insurers, @sectors, @lead_days, @language, @time_of_day, 1, @created_at)`,
    ),
    getSub: db.prepare('SELECT * FROM subscriptions WHERE id = ?'),
    setSubSectors: db.prepare('UPDATE subscriptions SET sectors = ?, next_due_at = 0 WHERE id = ?'),
    setSector: db.prepare(
      `INSERT INTO conversation_settings (conversation, sector, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (conversation) DO UPDATE SET sector = excluded.sector, updated_at = excluded.updated_at`,
    ),
    getSector: db.prepare('SELECT sector FROM conversation_settings WHERE conversation = ?'),
    removeSub: db.prepare('DELETE FROM subscriptions WHERE id = ?'),
    removeSubsFor: db.prepare('DELETE FROM subscriptions WHERE conversation = ?'),
    disableSubsFor: db.prepare('UPDATE subscriptions SET active = 0 WHERE conversation = ? AND active = 1'),
    dueSubs: db.prepare('SELECT * FROM subscriptions WHERE active = 1 AND next_due_at <= ? ORDER BY conversation, id'),
    // The due index, not the conversation index (which the planner prefers for DISTINCT): a quiet pass touches no row.
    dueConversations: db.prepare('SELECT DISTINCT conversation FROM subscriptions INDEXED BY subscriptions_next_due WHERE active = 1 AND next_due_at <= ? ORDER BY conversation'),
    dueSubsOf: db.prepare(
      `SELECT id, address, insurers, sectors, lead_days, language, time_of_day, active, created_at FROM subscriptions
       WHERE active = 1 AND next_due_at <= ? AND conversation IN (SELECT value FROM json_each(?)) ORDER BY conversation, id`,
    ),
    getMeta: db.prepare('SELECT value FROM scheduler_meta WHERE key = ?'),
    setMeta: db.prepare('INSERT INTO scheduler_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    // Rows already due are not rewritten (the first pass over a fresh table resets nothing).
    resetNextDue: db.prepare('UPDATE subscriptions SET next_due_at = 0 WHERE next_due_at <> 0'),
    delivered: db.prepare(
      `UPDATE deliveries SET status = 'delivered', finished_at = ${DB_NOW_MS}, late = ?, last_error = NULL
       WHERE conversation = ? AND milestone_id = ? AND occurrence_date = ? AND lead_days = ? AND status <> 'delivered'`,
    ),
    setNextDueBatch: db.prepare('UPDATE subscriptions SET next_due_at = ? WHERE id IN (SELECT value FROM json_each(?))'),
    heldFor: db.prepare(`SELECT lease_until - ${DB_NOW_MS} AS in_ms FROM deliveries WHERE ${KEY_WHERE} AND status IN ('leased', 'retry', 'unknown')`),
    waitAgain: db.prepare(
      `UPDATE deliveries SET status = @status, lease_until = ${DB_NOW_MS} + @retryAfterMs, last_error = @error
       WHERE ${KEY_WHERE} AND attempt = @attempt AND status = 'leased'`,
    ),
    failed: db.prepare(
      `UPDATE deliveries SET status = 'failed', finished_at = ${DB_NOW_MS}, last_error = @error
       WHERE ${KEY_WHERE} AND attempt = @attempt AND status = 'leased'`,
    ),
    released: db.prepare(
      `UPDATE deliveries SET status = CASE WHEN prior_status IN ('leased', 'unknown') THEN 'unknown' ELSE 'retry' END,
         attempt = attempt - 1, lease_until = ${DB_NOW_MS}
       WHERE ${KEY_WHERE} AND attempt = @attempt AND status = 'leased'`,
    ),
    deliveriesInRange: db.prepare('SELECT * FROM deliveries WHERE occurrence_date >= ? AND occurrence_date <= ? ORDER BY conversation, milestone_id, occurrence_date, lead_days'),
    mute: db.prepare(
      `INSERT INTO milestone_holds (conversation, milestone_id, muted_at) VALUES (?, ?, ?)
       ON CONFLICT (conversation, milestone_id) DO UPDATE SET muted_at = excluded.muted_at`,
    ),
    snooze: db.prepare(
      `INSERT INTO milestone_holds (conversation, milestone_id, snoozed_until) VALUES (?, ?, ?)
       ON CONFLICT (conversation, milestone_id) DO UPDATE SET snoozed_until = excluded.snoozed_until`,
    ),
    wakeAt: db.prepare('UPDATE subscriptions SET next_due_at = min(next_due_at, ?) WHERE conversation = ?'),
    hold: db.prepare('SELECT * FROM milestone_holds WHERE conversation = ? AND milestone_id = ?'),
    holds: db.prepare('SELECT * FROM milestone_holds'),
    saveRef: db.prepare(
      `INSERT INTO conversation_references (conversation, reference, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (conversation) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`,
    ),
    getRef: db.prepare('SELECT reference FROM conversation_references WHERE conversation = ?'),
    deleteRef: db.prepare('DELETE FROM conversation_references WHERE conversation = ?'),
    saveChecklist: db.prepare(
      `INSERT INTO checklists (conversation, id, state, updated_at, version) VALUES (?, ?, ?, ?, 1)
       ON CONFLICT (conversation, id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at, version = checklists.version + 1`,
    ),
    casChecklist: db.prepare('UPDATE checklists SET state = ?, updated_at = ?, version = version + 1 WHERE conversation = ? AND id = ? AND version = ?'),
    getChecklist: db.prepare('SELECT * FROM checklists WHERE conversation = ? AND id = ?'),
    latestChecklist: db.prepare('SELECT * FROM checklists WHERE conversation = ? ORDER BY updated_at DESC, id DESC LIMIT 1'),
    pruneEvents: db.prepare('DELETE FROM seen_events WHERE seen_at < ?'),
    seeEvent: db.prepare('INSERT INTO seen_events (event_id, seen_at) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING'),
    pruneOnce: db.prepare('DELETE FROM once_keys WHERE expires_at <= ?'),
    claimOnce: db.prepare('INSERT INTO once_keys (key, expires_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING'),
    saveFeedback: db.prepare('INSERT INTO feedback (address, helpful, subject, at, comment) VALUES (?, ?, ?, ?, ?)'),
    listFeedback: db.prepare('SELECT * FROM feedback ORDER BY id'),
  };

  /**
   * A claim of `rows` keys as one multi-row statement (prepared once per size and reused): an
   * upsert that takes a key never claimed, or one whose lease or retry wait ran out without a
   * final outcome. A fresh row returns only the claim id given for it; a taken-over one its key too.
   */
  const claimStatements = new Map<number, Database.Statement>();
  const claimStatement = (rows: number): Database.Statement => {
    let statement = claimStatements.get(rows);
    if (!statement) {
      statement = db.prepare(
        `INSERT INTO deliveries (conversation, milestone_id, occurrence_date, lead_days, claim_id, status, attempt, lease_until, first_claimed_at)
         SELECT column1, column2, column3, column4, column5, 'leased', 1, ${DB_NOW_MS} + ?, ${DB_NOW_MS}
         FROM (VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?)').join(', ')}) WHERE true
         ON CONFLICT (conversation, milestone_id, occurrence_date, lead_days) DO UPDATE
           SET status = 'leased', prior_status = deliveries.status, attempt = deliveries.attempt + 1, lease_until = excluded.lease_until
           WHERE deliveries.status IN ('leased', 'retry', 'unknown') AND deliveries.lease_until <= ${DB_NOW_MS}
         RETURNING claim_id, attempt, first_claimed_at, prior_status,
           CASE WHEN prior_status IS NULL THEN NULL ELSE conversation END AS conversation,
           CASE WHEN prior_status IS NULL THEN NULL ELSE milestone_id END AS milestone_id,
           CASE WHEN prior_status IS NULL THEN NULL ELSE occurrence_date END AS occurrence_date,
           CASE WHEN prior_status IS NULL THEN NULL ELSE lead_days END AS lead_days`,
      );
      claimStatements.set(rows, statement);
    }
    return statement;
  };

  const keyParams = (key: DeliveryKey) => ({
    conversation: key.conversation,
    milestoneId: key.milestoneId,
    occurrenceDate: key.occurrenceDate,
    leadDays: key.leadDays,
  });

  const hold = (conversation: Address, milestoneId: string): MilestoneHold | undefined => {
    const row = st.hold.get(conversationKey(conversation), milestoneId) as HoldRow | undefined;
    return row ? holdFromRow(row) : undefined;
  };

  /** One immediate transaction: the write lock is taken at BEGIN, so concurrent batches never interleave. */
  const inTransaction = <T>(work: () => T): T => db.transaction(work).immediate();

  const finish = (o: DeliveryOutcome): void => {
    const key = keyParams(o.key);
    switch (o.kind) {
      case 'delivered':
        st.delivered.run(o.late ? 1 : 0, o.key.conversation, o.key.milestoneId, o.key.occurrenceDate, o.key.leadDays);
        return;
      case 'retry':
      case 'unknown':
        st.waitAgain.run({ ...key, attempt: o.attempt, status: o.kind, retryAfterMs: Math.max(0, Math.round(o.retryAfterMs)), error: o.error.slice(0, MAX_ERROR_LENGTH) });
        return;
      case 'failed':
        st.failed.run({ ...key, attempt: o.attempt, error: o.error.slice(0, MAX_ERROR_LENGTH) });
        return;
      case 'released':
        st.released.run({ ...key, attempt: o.attempt });
        return;
      default: {
        const never: never = o;
        throw new Error(`unknown outcome ${String(never)}`);
      }
    }
  };

  let closed = false;
  const store: Store = {
    kind: 'sqlite',
    ...sqliteDocumentStore(db),
    ...sqliteMemoryStore(db),

    async addSubscription(input: NewSubscription, now: Date): Promise<Subscription> {
      const id = newSubscriptionId();
      const address = storedAddress(input.address);
      st.insertSub.run({
        id,
        conversation: conversationKey(address),
        address: JSON.stringify(address),
        insurers: JSON.stringify(input.insurers),
        sectors: JSON.stringify(input.sectors),
        lead_days: JSON.stringify(normalizeLeadDays(input.leadDays)),
        language: input.language,
        time_of_day: input.timeOfDay ?? DEFAULT_TIME_OF_DAY,
        created_at: now.toISOString(),
      });
      return subscriptionFromRow(st.getSub.get(id) as SubscriptionRow);
    },

    async listSubscriptions(filter = {}): Promise<Subscription[]> {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.conversation) {
        where.push('conversation = ?');
        params.push(conversationKey(filter.conversation));
      }
      if (filter.activeOnly) where.push('active = 1');
      const sql = `SELECT * FROM subscriptions ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY created_at, id`;
      return (db.prepare(sql).all(...params) as SubscriptionRow[]).map(subscriptionFromRow);
    },

    async getSubscription(id) {
      const row = st.getSub.get(id) as SubscriptionRow | undefined;
      return row ? subscriptionFromRow(row) : undefined;
    },

    async setSubscriptionSectors(id, sectors) {
      return st.setSubSectors.run(JSON.stringify(sectors), id).changes > 0;
    },

    async setConversationSector(conversation, sector, now) {
      st.setSector.run(conversationKey(conversation), sector, now.toISOString());
    },

    async conversationSector(conversation) {
      const row = st.getSector.get(conversationKey(conversation)) as { sector: string | null } | undefined;
      return row?.sector ?? undefined;
    },

    async removeSubscription(id) {
      return st.removeSub.run(id).changes > 0;
    },

    async removeSubscriptionsFor(conversation: Address) {
      return st.removeSubsFor.run(conversationKey(conversation)).changes;
    },

    async disableSubscriptionsFor(conversation: Address) {
      return st.disableSubsFor.run(conversationKey(conversation)).changes;
    },

    async listDueConversations(now) {
      return (st.dueConversations.all(now.getTime()) as { conversation: string }[]).map((r) => r.conversation);
    },

    async listDueSubscriptions(now, conversations) {
      const rows = conversations ? st.dueSubsOf.all(now.getTime(), JSON.stringify(conversations)) : st.dueSubs.all(now.getTime());
      return subscriptionsFromRows(rows as SubscriptionRow[]);
    },

    async setNextDue(updates) {
      if (updates.length === 0) return;
      // Many subscriptions share an instant: one statement per distinct instant.
      const byInstant = new Map<number, string[]>();
      for (const u of updates) {
        const at = u.at.getTime();
        const ids = byInstant.get(at);
        if (ids) ids.push(u.subscriptionId);
        else byInstant.set(at, [u.subscriptionId]);
      }
      inTransaction(() => {
        for (const [at, ids] of byInstant) st.setNextDueBatch.run(at, JSON.stringify(ids));
      });
    },

    async syncScheduleFingerprint(fingerprint) {
      // Nearly every pass finds it unchanged: a plain read, without taking the write lock.
      if ((st.getMeta.get('schedule_fingerprint') as { value: string } | undefined)?.value === fingerprint) return false;
      return inTransaction(() => {
        const row = st.getMeta.get('schedule_fingerprint') as { value: string } | undefined;
        if (row?.value === fingerprint) return false;
        st.resetNextDue.run();
        st.setMeta.run('schedule_fingerprint', fingerprint);
        return true;
      });
    },

    async claimDeliveries(keys, leaseMs) {
      const held: HeldDelivery[] = [];
      if (keys.length === 0) return { won: [], held };
      const lease = Math.max(0, Math.round(leaseMs));
      const ids = newClaimIds(keys.length);
      const items = keys.map((key, index) => ({ key, index }));
      let won: DeliveryClaim[] = [];
      inTransaction(() => {
        const rows: CompactClaimRow[] = [];
        // Statements of a few fixed sizes (the largest first), so each size is prepared once.
        for (let from = 0; from < keys.length; ) {
          const size = CLAIM_SIZES.find((n) => n <= keys.length - from) ?? 1;
          const params: unknown[] = [lease];
          for (let i = from; i < from + size; i++) {
            const k = keys[i] as DeliveryKey;
            params.push(k.conversation, k.milestoneId, k.occurrenceDate, k.leadDays, ids[i]);
          }
          for (const row of claimStatement(size).all(params) as CompactClaimRow[]) rows.push(row);
          from += size;
        }
        won = claimsInOrder(keys, items, ids, rows);
        if (won.length === keys.length) return;
        const wonKeys = new Set(won.map((c) => c.key));
        for (const key of keys) {
          if (wonKeys.has(key)) continue;
          const other = st.heldFor.get(keyParams(key)) as { in_ms: number } | undefined;
          if (other) held.push({ key, inMs: Math.max(0, Number(other.in_ms)) });
        }
      });
      return { won, held };
    },

    async finishDeliveries(outcomes: readonly DeliveryOutcome[]) {
      if (outcomes.length === 0) return;
      // One transaction of reused single-row statements (WAL, synchronous=NORMAL: the commit does not wait for the disk).
      inTransaction(() => {
        for (const o of outcomes) finish(o);
      });
    },

    async listDeliveries(range): Promise<DeliveryState[]> {
      return (st.deliveriesInRange.all(range.fromDate, range.toDate) as DeliveryRow[]).map(deliveryFromRow);
    },

    async muteMilestone(conversation, milestoneId, now) {
      st.mute.run(conversationKey(conversation), milestoneId, now.toISOString());
    },

    async isMilestoneMuted(conversation, milestoneId) {
      return hold(conversation, milestoneId)?.muted ?? false;
    },

    async snoozeMilestone(conversation, milestoneId, until) {
      // The follow-up is due when the snooze ends: wake the conversation's subscriptions then.
      inTransaction(() => {
        st.snooze.run(conversationKey(conversation), milestoneId, until.getTime());
        st.wakeAt.run(until.getTime(), conversationKey(conversation));
      });
    },

    async snoozedUntil(conversation, milestoneId) {
      return hold(conversation, milestoneId)?.snoozedUntil;
    },

    async listMilestoneHolds(): Promise<MilestoneHold[]> {
      return (st.holds.all() as HoldRow[]).map(holdFromRow);
    },

    async saveConversationReference(conversation, reference, now) {
      st.saveRef.run(conversationKey(conversation), JSON.stringify(reference), now.toISOString());
    },

    async getConversationReference(conversation) {
      const row = st.getRef.get(conversationKey(conversation)) as { reference: string } | undefined;
      return row ? (JSON.parse(row.reference) as unknown) : undefined;
    },

    async deleteConversationReference(conversation) {
      return st.deleteRef.run(conversationKey(conversation)).changes > 0;
    },

    async saveChecklist(checklist: Omit<StoredChecklist, 'version'>) {
      st.saveChecklist.run(checklist.conversation, checklist.id, JSON.stringify(checklist.state ?? null), checklist.updatedAt);
    },

    async compareAndSetChecklist(checklist, expectedVersion) {
      return st.casChecklist.run(JSON.stringify(checklist.state ?? null), checklist.updatedAt, checklist.conversation, checklist.id, expectedVersion).changes === 1;
    },

    async getChecklist(conversation, id) {
      const row = st.getChecklist.get(conversation, id) as ChecklistRow | undefined;
      return row ? checklistFromRow(row) : undefined;
    },

    async latestChecklist(conversation) {
      const row = st.latestChecklist.get(conversation) as ChecklistRow | undefined;
      return row ? checklistFromRow(row) : undefined;
    },

    async markEventSeen(eventId, now) {
      st.pruneEvents.run(now.getTime() - SEEN_EVENT_RETENTION_MS);
      return st.seeEvent.run(eventId, now.getTime()).changes > 0;
    },

    async claimOnce(key, now, keepMs) {
      st.pruneOnce.run(now.getTime());
      return st.claimOnce.run(key, now.getTime() + keepMs).changes > 0;
    },

    async saveFeedback(feedback) {
      st.saveFeedback.run(JSON.stringify(storedAddress(feedback.address)), feedback.helpful ? 1 : 0, feedback.subject, feedback.at, feedback.comment ?? null);
    },

    async listFeedback() {
      return (st.listFeedback.all() as FeedbackRow[]).map(feedbackFromRow);
    },

    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
  return store;
}

/** Applies the pending migrations in one immediate transaction (safe when two processes open at once). */
function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const apply = db.transaction(() => {
    const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sqlite);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, new Date().toISOString());
    }
  });
  apply.immediate();
}

import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { conversationKey } from '../../handlers/address-key.js';
import type { Address } from '../../handlers/types.js';
import type { ClaimResult, MilestoneHold, NewSubscription, OccurrenceKey, OccurrenceState, Store, StoredChecklist, Subscription } from '../../handlers/store.js';
import { ensureDirectory } from './ensure-directory.js';
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

/**
 * The embedded store: one SQLite file (WAL mode, so several processes may share it) through
 * better-sqlite3. `path` is a file path or `:memory:`. Claims are single upsert statements under
 * SQLite's write lock, so two processes on one file never both win an occurrence.
 */
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
      `INSERT INTO subscriptions (id, conversation, address, insurers, sectors, lead_days, language, active, created_at)
       VALUES (@id, @conversation, @address, @insurers, @sectors, @lead_days, @language, 1, @created_at)`,
    ),
    getSub: db.prepare('SELECT * FROM subscriptions WHERE id = ?'),
    removeSub: db.prepare('DELETE FROM subscriptions WHERE id = ?'),
    removeSubsFor: db.prepare('DELETE FROM subscriptions WHERE conversation = ?'),
    disableSubsFor: db.prepare('UPDATE subscriptions SET active = 0 WHERE conversation = ? AND active = 1'),
    claim: db.prepare(
      `INSERT INTO reminder_occurrences (subscription_id, milestone_id, occurrence_date, lead_days, status, attempt, lease_until, claimed_at)
       VALUES (@subscriptionId, @milestoneId, @occurrenceDate, @leadDays, 'leased', 1, @leaseUntil, @now)
       ON CONFLICT (subscription_id, milestone_id, occurrence_date, lead_days) DO UPDATE
         SET attempt = reminder_occurrences.attempt + 1, lease_until = excluded.lease_until, claimed_at = excluded.claimed_at
         WHERE reminder_occurrences.status = 'leased' AND reminder_occurrences.lease_until <= @nowMs
       RETURNING attempt`,
    ),
    occurrence: db.prepare(
      'SELECT * FROM reminder_occurrences WHERE subscription_id = ? AND milestone_id = ? AND occurrence_date = ? AND lead_days = ?',
    ),
    complete: db.prepare(
      `UPDATE reminder_occurrences SET status = 'delivered', finished_at = @now, late = @late, last_error = NULL
       WHERE subscription_id = @subscriptionId AND milestone_id = @milestoneId AND occurrence_date = @occurrenceDate AND lead_days = @leadDays`,
    ),
    fail: db.prepare(
      `UPDATE reminder_occurrences SET status = @status, lease_until = @leaseUntil, last_error = @error, finished_at = @finishedAt
       WHERE subscription_id = @subscriptionId AND milestone_id = @milestoneId AND occurrence_date = @occurrenceDate AND lead_days = @leadDays
         AND status = 'leased'`,
    ),
    occurrencesInRange: db.prepare('SELECT * FROM reminder_occurrences WHERE occurrence_date >= ? AND occurrence_date <= ?'),
    mute: db.prepare(
      `INSERT INTO milestone_holds (conversation, milestone_id, muted_at) VALUES (?, ?, ?)
       ON CONFLICT (conversation, milestone_id) DO UPDATE SET muted_at = excluded.muted_at`,
    ),
    snooze: db.prepare(
      `INSERT INTO milestone_holds (conversation, milestone_id, snoozed_until) VALUES (?, ?, ?)
       ON CONFLICT (conversation, milestone_id) DO UPDATE SET snoozed_until = excluded.snoozed_until`,
    ),
    hold: db.prepare('SELECT * FROM milestone_holds WHERE conversation = ? AND milestone_id = ?'),
    holds: db.prepare('SELECT * FROM milestone_holds'),
    saveRef: db.prepare(
      `INSERT INTO conversation_references (conversation, reference, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (conversation) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`,
    ),
    getRef: db.prepare('SELECT reference FROM conversation_references WHERE conversation = ?'),
    deleteRef: db.prepare('DELETE FROM conversation_references WHERE conversation = ?'),
    saveChecklist: db.prepare(
      `INSERT INTO checklists (conversation, id, state, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (conversation, id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
    ),
    getChecklist: db.prepare('SELECT * FROM checklists WHERE conversation = ? AND id = ?'),
    latestChecklist: db.prepare('SELECT * FROM checklists WHERE conversation = ? ORDER BY updated_at DESC, id DESC LIMIT 1'),
    pruneEvents: db.prepare('DELETE FROM seen_events WHERE seen_at < ?'),
    seeEvent: db.prepare('INSERT INTO seen_events (event_id, seen_at) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING'),
    pruneOnce: db.prepare('DELETE FROM once_keys WHERE expires_at <= ?'),
    claimOnce: db.prepare('INSERT INTO once_keys (key, expires_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING'),
    saveFeedback: db.prepare('INSERT INTO feedback (address, helpful, subject, at, comment) VALUES (?, ?, ?, ?, ?)'),
    listFeedback: db.prepare('SELECT * FROM feedback ORDER BY id'),
  };

  const keyParams = (key: OccurrenceKey) => ({
    subscriptionId: key.subscriptionId,
    milestoneId: key.milestoneId,
    occurrenceDate: key.occurrenceDate,
    leadDays: key.leadDays,
  });

  const hold = (conversation: Address, milestoneId: string): MilestoneHold | undefined => {
    const row = st.hold.get(conversationKey(conversation), milestoneId) as HoldRow | undefined;
    return row ? holdFromRow(row) : undefined;
  };

  // The upsert alone is atomic under SQLite's write lock (one statement, autocommit); the follow-up
  // read only explains a lost claim.
  const claim = (key: OccurrenceKey, now: Date, leaseMs: number): ClaimResult => {
    const won = st.claim.get({ ...keyParams(key), leaseUntil: now.getTime() + leaseMs, now: now.toISOString(), nowMs: now.getTime() }) as
      | { attempt: number }
      | undefined;
    if (won) return { claimed: true, attempt: won.attempt };
    const row = st.occurrence.get(key.subscriptionId, key.milestoneId, key.occurrenceDate, key.leadDays) as OccurrenceRow | undefined;
    return lostClaim(row?.status);
  };

  // Group commit: claims and completions issued in the same tick (a pass sends to several
  // conversations at once) share one immediate transaction, so 10,000 reminders are not 20,000
  // separate commits. Each caller still resolves only after its own write has committed.
  const queue: { op: () => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  const flush = (): void => {
    const batch = queue.splice(0);
    const results: { ok: boolean; value: unknown }[] = [];
    try {
      db.transaction(() => {
        for (const item of batch) {
          try {
            results.push({ ok: true, value: item.op() });
          } catch (error) {
            results.push({ ok: false, value: error });
          }
        }
      }).immediate();
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => (results[i]?.ok ? item.resolve(results[i]?.value) : item.reject(results[i]?.value)));
  };
  const grouped = <T>(op: () => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push({ op, resolve: resolve as (v: unknown) => void, reject });
      if (queue.length === 1) setImmediate(flush);
    });

  let closed = false;
  const store: Store = {
    kind: 'sqlite',

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

    async removeSubscription(id) {
      return st.removeSub.run(id).changes > 0;
    },

    async removeSubscriptionsFor(conversation: Address) {
      return st.removeSubsFor.run(conversationKey(conversation)).changes;
    },

    async disableSubscriptionsFor(conversation: Address) {
      return st.disableSubsFor.run(conversationKey(conversation)).changes;
    },

    claimOccurrence(key, now, leaseMs) {
      return grouped(() => claim(key, now, leaseMs));
    },

    async completeOccurrence(key, now, late) {
      await grouped(() => st.complete.run({ ...keyParams(key), now: now.toISOString(), late: late ? 1 : 0 }));
    },

    async failOccurrence(key, now, error, retryAt) {
      st.fail.run({
        ...keyParams(key),
        status: retryAt ? 'leased' : 'failed',
        leaseUntil: retryAt ? retryAt.getTime() : now.getTime(),
        error: error.slice(0, 500),
        finishedAt: retryAt ? null : now.toISOString(),
      });
    },

    async listOccurrenceStates(range): Promise<OccurrenceState[]> {
      return (st.occurrencesInRange.all(range.fromDate, range.toDate) as OccurrenceRow[]).map(occurrenceFromRow);
    },

    async muteMilestone(conversation, milestoneId, now) {
      st.mute.run(conversationKey(conversation), milestoneId, now.toISOString());
    },

    async isMilestoneMuted(conversation, milestoneId) {
      return hold(conversation, milestoneId)?.muted ?? false;
    },

    async snoozeMilestone(conversation, milestoneId, until) {
      st.snooze.run(conversationKey(conversation), milestoneId, until.getTime());
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

    async saveChecklist(checklist: StoredChecklist) {
      st.saveChecklist.run(checklist.conversation, checklist.id, JSON.stringify(checklist.state ?? null), checklist.updatedAt);
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
      if (queue.length > 0) flush();
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

/**
 * The schema, as an ordered list of migrations applied once each at open (recorded in
 * `schema_migrations`). Never edit a released migration: append a new one. Each has the SQL of
 * both dialects so the two stores stay the same shape.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sqlite: string;
  readonly postgres: string;
}

/** Migration 4 is the same SQL on both stores. */
const TIME_OF_DAY_AND_SECTOR = `
      ALTER TABLE subscriptions ADD COLUMN time_of_day TEXT NOT NULL DEFAULT '09:00';
      CREATE TABLE conversation_settings (
        conversation TEXT PRIMARY KEY,
        sector TEXT,
        updated_at TEXT NOT NULL
      );`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'subscriptions, reminder occurrences, holds, references, checklists, events, feedback',
    sqlite: `
      CREATE TABLE subscriptions (
        id TEXT PRIMARY KEY,
        conversation TEXT NOT NULL,
        address TEXT NOT NULL,
        insurers TEXT NOT NULL,
        sectors TEXT NOT NULL,
        lead_days TEXT NOT NULL,
        language TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
      );
      CREATE INDEX subscriptions_conversation ON subscriptions (conversation);
      CREATE TABLE reminder_occurrences (
        subscription_id TEXT NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        milestone_id TEXT NOT NULL,
        occurrence_date TEXT NOT NULL,
        lead_days INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('leased', 'delivered', 'failed')),
        attempt INTEGER NOT NULL,
        lease_until INTEGER NOT NULL,
        claimed_at TEXT NOT NULL,
        finished_at TEXT,
        late INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        PRIMARY KEY (subscription_id, milestone_id, occurrence_date, lead_days)
      );
      CREATE INDEX reminder_occurrences_date ON reminder_occurrences (occurrence_date);
      CREATE TABLE milestone_holds (
        conversation TEXT NOT NULL,
        milestone_id TEXT NOT NULL,
        muted_at TEXT,
        snoozed_until INTEGER,
        PRIMARY KEY (conversation, milestone_id)
      );
      CREATE TABLE conversation_references (
        conversation TEXT PRIMARY KEY,
        reference TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE checklists (
        conversation TEXT NOT NULL,
        id TEXT NOT NULL,
        state TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (conversation, id)
      );
      CREATE INDEX checklists_latest ON checklists (conversation, updated_at);
      CREATE TABLE seen_events (
        event_id TEXT PRIMARY KEY,
        seen_at INTEGER NOT NULL
      );
      CREATE INDEX seen_events_at ON seen_events (seen_at);
      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        address TEXT NOT NULL,
        helpful INTEGER NOT NULL,
        subject TEXT NOT NULL,
        at TEXT NOT NULL
      );`,
    postgres: `
      CREATE TABLE subscriptions (
        id TEXT PRIMARY KEY,
        conversation TEXT NOT NULL,
        address TEXT NOT NULL,
        insurers TEXT NOT NULL,
        sectors TEXT NOT NULL,
        lead_days TEXT NOT NULL,
        language TEXT NOT NULL,
        active BOOLEAN NOT NULL DEFAULT TRUE,
        created_at TEXT NOT NULL
      );
      CREATE INDEX subscriptions_conversation ON subscriptions (conversation);
      CREATE TABLE reminder_occurrences (
        subscription_id TEXT NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        milestone_id TEXT NOT NULL,
        occurrence_date TEXT NOT NULL,
        lead_days INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('leased', 'delivered', 'failed')),
        attempt INTEGER NOT NULL,
        lease_until BIGINT NOT NULL,
        claimed_at TEXT NOT NULL,
        finished_at TEXT,
        late BOOLEAN NOT NULL DEFAULT FALSE,
        last_error TEXT,
        PRIMARY KEY (subscription_id, milestone_id, occurrence_date, lead_days)
      );
      CREATE INDEX reminder_occurrences_date ON reminder_occurrences (occurrence_date);
      CREATE TABLE milestone_holds (
        conversation TEXT NOT NULL,
        milestone_id TEXT NOT NULL,
        muted_at TEXT,
        snoozed_until BIGINT,
        PRIMARY KEY (conversation, milestone_id)
      );
      CREATE TABLE conversation_references (
        conversation TEXT PRIMARY KEY,
        reference TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE checklists (
        conversation TEXT NOT NULL,
        id TEXT NOT NULL,
        state TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (conversation, id)
      );
      CREATE INDEX checklists_latest ON checklists (conversation, updated_at);
      CREATE TABLE seen_events (
        event_id TEXT PRIMARY KEY,
        seen_at BIGINT NOT NULL
      );
      CREATE INDEX seen_events_at ON seen_events (seen_at);
      CREATE TABLE feedback (
        id BIGSERIAL PRIMARY KEY,
        address TEXT NOT NULL,
        helpful BOOLEAN NOT NULL,
        subject TEXT NOT NULL,
        at TEXT NOT NULL
      );`,
  },
  {
    version: 2,
    name: 'once keys (request replay, welcome), feedback comments',
    sqlite: `
      CREATE TABLE once_keys (
        key TEXT PRIMARY KEY,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX once_keys_expires ON once_keys (expires_at);
      ALTER TABLE feedback ADD COLUMN comment TEXT;`,
    postgres: `
      CREATE TABLE once_keys (
        key TEXT PRIMARY KEY,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX once_keys_expires ON once_keys (expires_at);
      ALTER TABLE feedback ADD COLUMN comment TEXT;`,
  },
  {
    version: 3,
    name: 'deliveries per conversation with database-clock leases, due index, checklist versions',
    sqlite: `
      CREATE TABLE deliveries (
        conversation TEXT NOT NULL,
        milestone_id TEXT NOT NULL,
        occurrence_date TEXT NOT NULL,
        lead_days INTEGER NOT NULL,
        claim_id TEXT NOT NULL,
        subscription_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('leased', 'retry', 'unknown', 'delivered', 'failed')),
        prior_status TEXT,
        attempt INTEGER NOT NULL,
        lease_until INTEGER NOT NULL,
        first_claimed_at INTEGER NOT NULL,
        finished_at INTEGER,
        late INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        PRIMARY KEY (conversation, milestone_id, occurrence_date, lead_days)
      );
      CREATE INDEX deliveries_date ON deliveries (occurrence_date);
      INSERT INTO deliveries (conversation, milestone_id, occurrence_date, lead_days, claim_id, subscription_id, status, attempt, lease_until, first_claimed_at, finished_at, late, last_error)
        SELECT s.conversation, o.milestone_id, o.occurrence_date, o.lead_days, lower(hex(randomblob(8))), o.subscription_id,
               CASE o.status WHEN 'leased' THEN 'unknown' ELSE o.status END, o.attempt, o.lease_until, o.lease_until,
               CASE WHEN o.finished_at IS NULL THEN NULL ELSE o.lease_until END, o.late, o.last_error
        FROM reminder_occurrences o JOIN subscriptions s ON s.id = o.subscription_id
        WHERE true
        ON CONFLICT DO NOTHING;
      DROP TABLE reminder_occurrences;
      ALTER TABLE subscriptions ADD COLUMN next_due_at INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX subscriptions_next_due ON subscriptions (next_due_at) WHERE active = 1;
      ALTER TABLE checklists ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      CREATE TABLE scheduler_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
    postgres: `
      CREATE TABLE deliveries (
        conversation TEXT NOT NULL,
        milestone_id TEXT NOT NULL,
        occurrence_date TEXT NOT NULL,
        lead_days INTEGER NOT NULL,
        claim_id TEXT NOT NULL,
        subscription_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('leased', 'retry', 'unknown', 'delivered', 'failed')),
        prior_status TEXT,
        attempt INTEGER NOT NULL,
        lease_until BIGINT NOT NULL,
        first_claimed_at BIGINT NOT NULL,
        finished_at BIGINT,
        late BOOLEAN NOT NULL DEFAULT FALSE,
        last_error TEXT,
        PRIMARY KEY (conversation, milestone_id, occurrence_date, lead_days)
      );
      CREATE INDEX deliveries_date ON deliveries (occurrence_date);
      INSERT INTO deliveries (conversation, milestone_id, occurrence_date, lead_days, claim_id, subscription_id, status, attempt, lease_until, first_claimed_at, finished_at, late, last_error)
        SELECT s.conversation, o.milestone_id, o.occurrence_date, o.lead_days, md5(random()::text || o.subscription_id), o.subscription_id,
               CASE o.status WHEN 'leased' THEN 'unknown' ELSE o.status END, o.attempt, o.lease_until, o.lease_until,
               CASE WHEN o.finished_at IS NULL THEN NULL ELSE o.lease_until END, o.late, o.last_error
        FROM reminder_occurrences o JOIN subscriptions s ON s.id = o.subscription_id
        ON CONFLICT DO NOTHING;
      DROP TABLE reminder_occurrences;
      ALTER TABLE subscriptions ADD COLUMN next_due_at BIGINT NOT NULL DEFAULT 0;
      CREATE INDEX subscriptions_next_due ON subscriptions (next_due_at) WHERE active;
      ALTER TABLE checklists ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      CREATE TABLE scheduler_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  },
  {
    version: 4,
    name: 'a time of day per subscription, a sector per conversation',
    sqlite: TIME_OF_DAY_AND_SECTOR,
    postgres: TIME_OF_DAY_AND_SECTOR,
  },
  {
    // A delivery row is written by its claim and rewritten once by its outcome (status, times,
    // error: no indexed column). Room on each page lets PostgreSQL keep that update on the page
    // without new index entries (a heap-only tuple). SQLite has no such setting.
    version: 5,
    name: 'room for in-place delivery outcome updates',
    sqlite: 'SELECT 1;',
    postgres: 'ALTER TABLE deliveries SET (fillfactor = 50);',
  },
  {
    // Every claim inserts into each index of deliveries; no query of the product reads deliveries
    // by date (listing them for tests and operators scans), so the date index only cost claims.
    version: 6,
    name: 'no date index on deliveries',
    sqlite: 'DROP INDEX IF EXISTS deliveries_date;',
    postgres: 'DROP INDEX IF EXISTS deliveries_date;',
  },
  {
    // Versions from 100 on belong to the knowledge tables, so they never collide with the reminder
    // tables' migrations (applied by version, in list order).
    version: 100,
    name: 'uploaded documents, reviewed milestones and rules, knowledge version',
    sqlite: `
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        body TEXT NOT NULL,
        added_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE knowledge_items (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('proposed', 'confirmed', 'rejected')),
        body TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX knowledge_items_document ON knowledge_items (document_id, status);
      CREATE TABLE knowledge_state (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
      INSERT INTO knowledge_state (id, version) VALUES (1, 0);`,
    postgres: `
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        body TEXT NOT NULL,
        added_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE knowledge_items (
        seq BIGSERIAL PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('proposed', 'confirmed', 'rejected')),
        body TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX knowledge_items_document ON knowledge_items (document_id, status);
      CREATE TABLE knowledge_state (id INTEGER PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL);
      INSERT INTO knowledge_state (id, version) VALUES (1, 0);`,
  },
  {
    version: 101,
    name: 'serialised search index per knowledge version',
    sqlite: 'CREATE TABLE knowledge_index_cache (version INTEGER PRIMARY KEY, body TEXT NOT NULL);',
    postgres: 'CREATE TABLE knowledge_index_cache (version BIGINT PRIMARY KEY, body TEXT NOT NULL);',
  },
  {
    version: 102,
    name: "documents' heads (metadata and addedAt) beside their bodies, so a cold start lists documents without reading bodies",
    sqlite: `
      ALTER TABLE documents ADD COLUMN head TEXT;
      UPDATE documents SET head = json_object('meta', json(json_extract(body, '$.meta')), 'addedAt', json_extract(body, '$.addedAt'));`,
    postgres: `
      ALTER TABLE documents ADD COLUMN head TEXT;
      UPDATE documents SET head = jsonb_build_object('meta', body::jsonb -> 'meta', 'addedAt', body::jsonb -> 'addedAt')::text;`,
  },
  {
    // Versions from 200 on belong to conversation memory (the last understanding's slots per
    // conversation and thread, never message text), so they never collide with the others.
    version: 200,
    name: 'conversation memory',
    sqlite: `
      CREATE TABLE conversation_memory (
        key TEXT PRIMARY KEY,
        slots TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE INDEX conversation_memory_updated ON conversation_memory (updated_at);`,
    postgres: `
      CREATE TABLE conversation_memory (
        key TEXT PRIMARY KEY,
        slots TEXT NOT NULL,
        updated_at BIGINT NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE INDEX conversation_memory_updated ON conversation_memory (updated_at);`,
  },
];

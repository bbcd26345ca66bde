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
];

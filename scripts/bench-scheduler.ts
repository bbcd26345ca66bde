import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { ChatAdapter } from '../adapters/adapter.js';
import { silentLogger } from '../bot/logger.js';
import { runSchedulerPass } from '../bot/scheduler/run-scheduler-pass.js';
import { openStore } from '../bot/storage/open-store.js';
import { postgresTarget } from '../bot/storage/postgres-target.js';
import type { Platform } from '../handlers/types.js';
import { testKnowledge } from '../knowledge/test-support/test-knowledge.js';

export type BenchStore = 'sqlite' | 'postgres';

export interface SchedulerBench {
  readonly store: BenchStore;
  readonly subscriptions: number;
  /** The pass in which every subscription has a reminder due (reads, claims, sends, completions, due index). */
  readonly busyPassMs: number;
  /** CPU time (user + system) of this process during the busy pass: less sensitive to a loaded machine (PostgreSQL's own work not included). */
  readonly busyCpuMs: number;
  readonly delivered: number;
  /** The next pass a minute later: nothing is due, so it reads no subscription. */
  readonly quietPassMs: number;
  readonly quietRead: number;
  /** Peak resident set size of the bench process (setup included: an upper bound for the pass). */
  readonly peakRssMb: number;
  /**
   * PostgreSQL: CPU time of the server processes serving this bench's connections during the busy
   * pass (read from /proc, so only when the server runs on this machine); undefined otherwise.
   */
  readonly serverCpuMs?: number;
  /** The machine's 1-minute load average before and after the busy pass (its cores are shared). */
  readonly loadAverage: readonly [number, number];
}

/** CPU milliseconds of the PostgreSQL backends whose application_name is `name`, by pid (empty when /proc cannot tell). */
async function backendCpu(adminUrl: string, name: string): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [name]);
    for (const { pid } of rows) {
      try {
        // Fields 14 and 15 of /proc/<pid>/stat (after the command name): user and system time in clock ticks (100 per second).
        const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
        out.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
      } catch {
        return new Map();
      }
    }
  } finally {
    await client.end();
  }
  return out;
}

/**
 * Bulk setup (not what is measured), generated inside the database so the bench process holds none
 * of it: `count` subscriptions, each its own conversation `local:bench-<i>`, with a mix of insurer
 * and sector filters and lead days that all include 7, in Dutch or English.
 */
export async function fill(kind: BenchStore, url: string, count: number): Promise<void> {
  const pick = (column: string, values: readonly string[]) =>
    `CASE ${column} % ${values.length} ${values.map((v, i) => `WHEN ${i} THEN '${v}'`).join(' ')} END`;
  const insurers = pick('i', ['"all"', '["VGZ"]', '["Zorg en Zekerheid"]', '["VGZ","CZ"]']);
  const sectors = pick('i', ['"all"', '["huisartsenzorg"]']);
  const leads = pick('i', ['[30,14,7,1]', '[14,7]', '[7]', '[7,1]']);
  const language = pick('i', ['en', 'nl', 'nl']);
  const created = '2027-01-04T10:00:00.000Z';
  if (kind === 'sqlite') {
    const db = new Database(url.slice('file:'.length));
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
       INSERT INTO subscriptions (id, conversation, address, insurers, sectors, lead_days, language, active, created_at)
       SELECT printf('%012x', i), 'local:bench-' || i, json_object('platform', 'local', 'conversationId', 'bench-' || i), ${insurers}, ${sectors}, ${leads}, ${language}, 1, '${created}' FROM n`,
    ).run(count);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `INSERT INTO subscriptions (id, conversation, address, insurers, sectors, lead_days, language, active, created_at)
     SELECT lpad(to_hex(i), 12, '0'), 'local:bench-' || i, json_build_object('platform', 'local', 'conversationId', 'bench-' || i)::text, ${insurers}, ${sectors}, ${leads}, ${language}, TRUE, '${created}'
     FROM generate_series(0, $1::int - 1) AS i`,
    [count],
  );
  await client.query('ANALYZE subscriptions');
  await client.end();
}

/**
 * Times a busy and a quiet scheduler pass over `count` subscriptions in a fresh database (SQLite
 * file, or a fresh PostgreSQL schema at BENCH_DATABASE_URL or TEST_DATABASE_URL). At 25 March 2027
 * 09:00 every subscription has the 1 April reminder due. The adapter accepts every message at once
 * and, like Slack with message metadata, can find an earlier arrival (so completions are batched):
 * the network is not what is measured.
 */
export async function benchSchedulerPass(count: number, kind: BenchStore): Promise<SchedulerBench> {
  let url: string;
  let drop: () => Promise<void>;
  const appName = `contractbot-bench-${process.pid}`;
  let serverCpu: (() => Promise<Map<number, number>>) | undefined;
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'contractbot-bench-'));
    url = `file:${join(dir, 'bench.db')}`;
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const target = await postgresTarget({ TEST_DATABASE_URL: process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL });
    if ('skip' in target) throw new Error(`PostgreSQL bench: ${target.skip}`);
    const db = await target.target.freshDatabase();
    const named = new URL(db.url);
    named.searchParams.set('application_name', appName);
    url = named.toString();
    drop = db.drop;
    const local = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(named.hostname);
    const admin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? '';
    if (local) serverCpu = () => backendCpu(admin, appName);
  }
  const store = await openStore(url);
  try {
    await fill(kind, url, count);
    let sent = 0;
    const adapter: ChatAdapter = { platform: 'local', findsEarlierArrivals: true, send: async () => (sent++, { ok: true }), stop: async () => undefined };
    const adapters = new Map<Platform, ChatAdapter>([['local', adapter]]);
    const options = { store, knowledge: testKnowledge(), adapters, holidays: { goodFriday: false, liberationDay: false }, log: silentLogger, minIntervalMs: 0 };

    const now = new Date('2027-03-25T09:00:00+01:00');
    const server0 = await serverCpu?.();
    const load0 = loadavg()[0] ?? 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const busy = await runSchedulerPass({ ...options, now });
    const busyPassMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const load1 = loadavg()[0] ?? 0;
    const server1 = await serverCpu?.();
    let serverCpuMs: number | undefined;
    if (server0 && server1 && server1.size > 0) {
      serverCpuMs = 0;
      for (const [pid, ms] of server1) serverCpuMs += ms - (server0.get(pid) ?? 0);
    }

    const later = new Date(now.getTime() + 60_000);
    const t1 = performance.now();
    const quiet = await runSchedulerPass({ ...options, now: later });
    const quietPassMs = performance.now() - t1;
    if (quiet.delivered.length > 0 || busy.delivered.length !== sent || sent !== count) throw new Error(`bench: expected ${count} deliveries once, got ${busy.delivered.length} then ${quiet.delivered.length}`);
    return {
      store: kind,
      subscriptions: count,
      busyPassMs: Math.round(busyPassMs),
      busyCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      delivered: busy.delivered.length,
      quietPassMs: Math.round(quietPassMs * 10) / 10,
      quietRead: quiet.subscriptionsRead,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      ...(serverCpuMs !== undefined ? { serverCpuMs } : {}),
      loadAverage: [Math.round(load0 * 10) / 10, Math.round(load1 * 10) / 10],
    };
  } finally {
    await store.close();
    await drop();
  }
}

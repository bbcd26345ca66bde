/**
 * `npm run chaos`: the large exactly-once run (the suite runs a bounded one). Needs
 * TEST_DATABASE_URL (a PostgreSQL server; a fresh schema is created and dropped). Options:
 * `--conversations N` (default 250), `--deadlines K` (default 4; occurrences = N × K),
 * `--kill-rounds R` (default 4), `--late SHARE` (default 0.15), `--skew-minutes M` (default 30).
 */
import { parseArgs } from 'node:util';
import { runChaos } from '../bot/scheduler/chaos/chaos-run.js';
import { postgresTarget } from '../bot/storage/postgres-target.js';

const { values } = parseArgs({
  options: { conversations: { type: 'string', default: '250' }, deadlines: { type: 'string', default: '4' }, 'kill-rounds': { type: 'string', default: '4' }, late: { type: 'string', default: '0.15' }, 'skew-minutes': { type: 'string', default: '30' } },
});
const pg = await postgresTarget();
if ('skip' in pg) {
  process.stderr.write(`chaos: ${pg.skip}\n`);
  process.exit(2);
}
const db = await pg.target.freshDatabase();
try {
  const report = await runChaos({
    databaseUrl: db.url,
    conversations: Number(values.conversations),
    deadlines: Number(values.deadlines),
    doubleEvery: 3,
    killRounds: Number(values['kill-rounds']),
    lateShare: Number(values.late),
    skewMs: Number(values['skew-minutes']) * 60_000,
  });
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  process.exitCode = report.duplicates === 0 && report.missed === 0 ? 0 : 1;
} finally {
  await db.drop();
}

import { describe, expect, it } from 'vitest';
import { postgresTarget } from '../../storage/postgres-target.js';
import { runChaos } from './chaos-run.js';

const pg = await postgresTarget();

/**
 * The bounded chaos run of the suite (the large one is `npm run chaos`, figures in the README):
 * 300 Slack reminder occurrences, two scheduler processes on one PostgreSQL with clocks 30 minutes
 * apart, each killed with SIGKILL right after Slack accepted a post and before the commit (two
 * rounds), and a Slack stand-in that answers 15% of the posts after the client timeout.
 */
describe.skipIf('skip' in pg)(`Chaos: exactly-once Slack reminders${'skip' in pg ? ` (skipped: ${pg.skip})` : ''}`, () => {
  it('delivers 300 occurrences with 0 duplicates and 0 missed despite kills, late answers and skewed clocks', async () => {
    if (!('target' in pg)) return;
    const db = await pg.target.freshDatabase();
    try {
      const report = await runChaos({ databaseUrl: db.url, conversations: 100, deadlines: 3, doubleEvery: 3, killRounds: 2, lateShare: 0.15, skewMs: 30 * 60_000 });
      console.info('chaos report', JSON.stringify(report));
      expect(report.occurrences).toBe(300);
      expect({ duplicates: report.duplicates, missed: report.missed }).toEqual({ duplicates: 0, missed: 0 });
      expect(report.messages).toBe(300);
      // The faults really happened: kills after acceptance, late answers, and recoveries from the history.
      expect(report.kills).toBeGreaterThanOrEqual(3);
      expect(report.lateAnswers).toBeGreaterThan(0);
      expect(report.unknown).toBeGreaterThan(0);
      expect(report.recovered).toBeGreaterThan(0);
    } finally {
      await db.drop();
    }
  }, 240_000);
});

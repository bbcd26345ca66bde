/**
 * A scheduler pass in its own process, for the contract tests (run with vite-node):
 * DATABASE_URL, PASS_NOW (ISO instant), PASS_LEASE_MS, PASS_MILESTONES (JSON array, or unset for the
 * catalog) and PASS_MODE: `deliver` prints each delivery as one JSON line; `kill-after-claim` kills
 * the process with SIGKILL inside the first send, i.e. after the claim and before the send finishes.
 */
import { silentLogger } from '../../logger.js';
import { openStore } from '../../storage/open-store.js';
import { knowledgeWithMilestones, testKnowledge } from '../../../knowledge/test-support/test-knowledge.js';
import type { Milestone } from '../../../knowledge/milestones/milestone.js';
import { runSchedulerPass } from '../run-scheduler-pass.js';
import { recordingAdapter } from './recording-adapter.js';

const env = process.env;
const store = await openStore(env.DATABASE_URL ?? '');
const knowledge = env.PASS_MILESTONES ? knowledgeWithMilestones(JSON.parse(env.PASS_MILESTONES) as Milestone[]) : testKnowledge();
const kill = env.PASS_MODE === 'kill-after-claim';
const adapter = recordingAdapter('local', async () => {
  if (kill) process.kill(process.pid, 'SIGKILL');
  // Give the other process room to interleave.
  await new Promise((resolve) => setTimeout(resolve, 5));
  return { ok: true };
});
// Both racing processes open their store first, then start together when the test says "go".
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
process.stdin.pause();
const result = await runSchedulerPass({
  store,
  knowledge,
  adapters: new Map([['local', adapter]]),
  holidays: { goodFriday: false, liberationDay: false },
  log: silentLogger,
  now: new Date(env.PASS_NOW ?? ''),
  clock: () => new Date(env.PASS_NOW ?? ''),
  leaseMs: Number(env.PASS_LEASE_MS ?? 60_000),
  minIntervalMs: 0,
  claimBatch: 10,
});
for (const d of result.delivered) process.stdout.write(JSON.stringify(d) + '\n');
await store.close();

/**
 * One scheduler replica for the chaos runs (started by chaos-run.ts with vite-node): repeats
 * scheduler passes against the real Slack adapter (real Web API client over HTTP to the stand-in)
 * until it has been idle for a while, printing one JSON line per pass. Its clock is the run's
 * as-of start plus real elapsed time plus CHAOS_SKEW_MS. With CHAOS_KILL_AFTER=n it kills itself
 * with SIGKILL right after Slack accepted its n-th post, before that delivery was committed.
 */
import { createSlackAdapter } from '../../../adapters/slack/slack-adapter.js';
import { createSlackWebClient } from '../../../adapters/slack/slack-web-client.js';
import type { ChatAdapter } from '../../../adapters/adapter.js';
import type { Milestone } from '../../../knowledge/milestones/milestone.js';
import { knowledgeWithMilestones } from '../../../knowledge/test-support/test-knowledge.js';
import { silentLogger } from '../../logger.js';
import { openStore } from '../../storage/open-store.js';
import { runSchedulerPass } from '../run-scheduler-pass.js';

const env = process.env;
const store = await openStore(env.DATABASE_URL ?? '');
const knowledge = knowledgeWithMilestones(JSON.parse(env.CHAOS_MILESTONES ?? '[]') as Milestone[]);
const t0 = Date.parse(env.CHAOS_T0 ?? '');
const startedAt = Number(env.CHAOS_STARTED_AT);
const skew = Number(env.CHAOS_SKEW_MS ?? 0);
const leaseMs = Number(env.CHAOS_LEASE_MS ?? 3000);
const killAfter = env.CHAOS_KILL_AFTER ? Number(env.CHAOS_KILL_AFTER) : undefined;
const clock = () => new Date(t0 + skew + (Date.now() - startedAt));

const slack = createSlackAdapter(createSlackWebClient('xoxb-chaos', env.SLACK_API_URL, silentLogger, 'delivery', Number(env.CHAOS_TIMEOUT_MS ?? 300)), silentLogger);
let accepted = 0;
const adapter: ChatAdapter = {
  ...slack,
  async send(to, reply, tag) {
    const result = await slack.send(to, reply, tag);
    if (result.ok && !result.alreadyThere && ++accepted === killAfter) process.kill(process.pid, 'SIGKILL');
    return result;
  },
};

let idleSince: number | undefined;
for (let pass = 0; pass < 500; pass++) {
  const result = await runSchedulerPass({
    store,
    knowledge,
    adapters: new Map([['slack', adapter]]),
    holidays: { goodFriday: false, liberationDay: false },
    log: silentLogger,
    now: clock(),
    clock,
    leaseMs,
    minIntervalMs: 0,
    maxAttempts: 50,
    retryDelay: () => 300,
    claimBatch: 50,
  });
  process.stdout.write(
    JSON.stringify({ read: result.subscriptionsRead, delivered: result.delivered.length, recovered: result.recovered.length, unknown: result.failed.filter((f) => f.outcome === 'unknown').length, failed: result.failed.filter((f) => f.outcome !== 'unknown').length }) + '\n',
  );
  if (result.subscriptionsRead > 0) idleSince = undefined;
  else if (idleSince === undefined) idleSince = Date.now();
  else if (Date.now() - idleSince > leaseMs + 1500) break;
  await new Promise((resolve) => setTimeout(resolve, 150));
}
await store.close();

import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchAcks, runAckStandIns } from './bench-acks.js';
import { benchColdStart } from './bench-cold-start.js';
import { benchKnowledgeScale } from './bench-knowledge-scale.js';
import { benchSchedulerPass, type BenchStore, type SchedulerBench } from './bench-scheduler.js';

/** Targets of issue 13: quiet pass < 100 ms on both stores; busy pass < 3 s (SQLite) / 5 s (PostgreSQL) at 100k; peak < 300 MB. */
const LIMITS = { quietMs: 100, busyMs: { sqlite: 3000, postgres: 5000 }, rssMb: 300 } as const;

// `bench.js --scheduler <store> <count>`: one scheduler bench in its own process (so its peak RSS is its own).
const [flag, kind, count] = process.argv.slice(2);
if (flag === '--ack-stand-ins') {
  await runAckStandIns();
} else if (flag === '--scheduler') {
  process.stdout.write(JSON.stringify(await benchSchedulerPass(Number(count), kind as BenchStore)) + '\n');
  process.exit(0);
}

/** Scheduler passes at 1k, 10k and 100k subscriptions on both stores, each in its own process. */
function schedulerFigures(): string {
  const lines: string[] = [];
  let failed = false;
  const self = fileURLToPath(import.meta.url);
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  for (const store of ['sqlite', 'postgres'] as const) {
    if (store === 'postgres' && !pgUrl) {
      lines.push('scheduler pass (PostgreSQL): skipped, set BENCH_DATABASE_URL or TEST_DATABASE_URL\n');
      continue;
    }
    for (const n of [1_000, 10_000, 100_000]) {
      const child = spawnSync(process.execPath, ['--max-old-space-size=1024', self, '--scheduler', store, String(n)], { encoding: 'utf8', env: process.env });
      if (child.status !== 0) {
        lines.push(`scheduler pass (${n} subscriptions, ${store}): failed: ${(child.stderr || child.stdout).trim().split('\n').slice(-3).join(' ')}\n`);
        failed = true;
        continue;
      }
      const r = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as SchedulerBench;
      const over = n === 100_000 && (r.busyPassMs > LIMITS.busyMs[store] || r.quietPassMs > LIMITS.quietMs || r.peakRssMb > LIMITS.rssMb);
      lines.push(
        `scheduler pass (${n.toLocaleString('en')} subscriptions, ${store === 'sqlite' ? 'SQLite' : 'PostgreSQL'}): busy ${r.busyPassMs} ms (CPU ${r.busyCpuMs} ms${r.serverCpuMs !== undefined ? `, server CPU ${r.serverCpuMs} ms` : ''}, load average ${r.loadAverage[0]} → ${r.loadAverage[1]}) delivering ${r.delivered}, quiet ${r.quietPassMs} ms reading ${r.quietRead}, peak RSS ${r.peakRssMb} MB${n === 100_000 ? ` (limits: busy ${LIMITS.busyMs[store]} ms, quiet ${LIMITS.quietMs} ms, ${LIMITS.rssMb} MB)${over ? ' OVER' : ''}` : ''}\n`,
      );
    }
  }
  if (failed) process.exitCode = 1;
  return `\n${lines.map((l) => `  ${l.trimEnd()}`).join('\n')}`;
}


/** The benchmarks `npm run bench` runs, in order: a name and a function printing its figures. */
const BENCHES: readonly { name: string; run: () => Promise<string> }[] = [
  ...[1, 20, 100].map((factor) => ({
    name: `knowledge at ${factor}× (${factor * 5} documents, SQLite)`,
    run: async () => {
      const r = await benchKnowledgeScale(factor);
      // Targets (issue 10): at 20× (100 documents) a cold ask at most 6× node -e 0 and an in-process p99 of at most
      // 20 ms; at 1× p99 at most 5 ms (and the cold-start target of 4×). 100× is measured without a target.
      const coldLimit = factor === 1 ? ' (limit 4)' : factor === 20 ? ' (limit 6)' : '';
      const p99Limit = factor === 1 ? ' (limit 5 ms)' : factor === 20 ? ' (limit 20 ms)' : '';
      return (
        `\n  cold ask --json (${r.coldRuns} interleaved runs, medians): wall ${r.askMedianMs} ms vs node -e 0 ${r.nodeMedianMs} ms, ratio ${r.ratio}${coldLimit}; ` +
        `CPU ${r.askCpuMs} ms vs ${r.nodeCpuMs} ms, ratio ${r.cpuRatio}` +
        `\n  in-process answers (${r.answers}): wall p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms${p99Limit}; CPU p50 ${r.cpuP50Ms} ms, p99 ${r.cpuP99Ms} ms; slowest question's best round ${r.slowestBestMs} ms` +
        `\n  load average (1 min, ${availableParallelism()} cores): ${r.load.before} before the cold runs, ${r.load.after} after`
      );
    },
  })),
  {
    name: 'cold start (ask --json vs node -e 0)',
    run: async () => {
      const r = await benchColdStart();
      return `node -e 0 median ${r.nodeMedianMs} ms, ask --json median ${r.askMedianMs} ms, ratio ${r.ratio} (limit 4), ${r.runs} interleaved runs`;
    },
  },
  {
    name: 'scheduler passes (1k, 10k, 100k subscriptions; SQLite and PostgreSQL)',
    run: async () => schedulerFigures(),
  },
  {
    name: 'acks under load (contractbot serve, answer pool on, Slack and Teams stand-ins)',
    run: async () => {
      const r = await benchAcks();
      const lines = r.figures.map(
        (f) => `  ${f.platform} ${String(f.concurrency).padStart(2)} concurrent: ack p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, max ${f.maxMs} ms (${f.requests} requests${f.platform === 'slack' ? `, ${f.over3s} over 3 s` : ''}); CPU per request: main thread ${f.mainCpuMsPerRequest ?? '?'} ms, other threads ${f.otherCpuMsPerRequest ?? '?'} ms`,
      );
      const mem = r.memory.map((m) => `  ${m.platform} RSS after each round of 50: ${m.rssMb.join(' → ')} MB`);
      return `\n${[...lines, ...mem, `  answers delivered to the stand-ins: slack ${r.answered.slack}, teams ${r.answered.teams}; requests re-sent on a new connection (idle kept-alive one closed): ${r.staleRetries}`, `  load average (1 min, ${availableParallelism()} cores): ${r.load.before} before, ${r.load.after} after`].join('\n')}`;
    },
  },
];

// `npm run bench -- acks` runs only the benches whose name contains the word.
const only = process.argv[2];
if (flag !== '--ack-stand-ins') {
  for (const bench of BENCHES) {
    if (only && !bench.name.includes(only)) continue;
    process.stdout.write(`${bench.name}: ${await bench.run()}\n`);
  }
}

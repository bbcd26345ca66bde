import { benchAcks } from './bench-acks.js';
import { benchColdStart } from './bench-cold-start.js';
import { benchKnowledgeScale } from './bench-knowledge-scale.js';
import { benchSchedulerPass } from './bench-scheduler.js';

/** The benchmarks `npm run bench` runs, in order: a name and a function printing its figures. */
const BENCHES: readonly { name: string; run: () => Promise<string> }[] = [
  ...[1, 20, 100].map((factor) => ({
    name: `knowledge at ${factor}× (${factor * 5} documents, SQLite)`,
    run: async () => {
      const r = await benchKnowledgeScale(factor);
      return `cold ask --json median ${r.askMedianMs} ms vs node -e 0 ${r.nodeMedianMs} ms, ratio ${r.ratio} (limit ${factor === 1 ? 4 : 6}); in-process answers p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms over ${r.answers} (limit ${factor === 1 ? 5 : 20} ms)`;
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
    name: 'scheduler pass (10,000 subscriptions, SQLite)',
    run: async () => {
      const r = await benchSchedulerPass(10_000);
      return `${r.busyPassMs} ms for the pass delivering ${r.delivered} reminders (limit 1000), ${r.quietPassMs} ms for the next pass (nothing due), peak RSS ${r.peakRssMb} MB, heap +${r.heapDeltaMb} MB`;
    },
  },
  {
    name: 'acks under load (contractbot serve, answer pool on, Slack and Teams stand-ins)',
    run: async () => {
      const r = await benchAcks();
      const lines = r.figures.map(
        (f) => `  ${f.platform} ${String(f.concurrency).padStart(2)} concurrent: ack p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, max ${f.maxMs} ms (${f.requests} requests${f.platform === 'slack' ? `, ${f.over3s} over 3 s` : ''})`,
      );
      const mem = r.memory.map((m) => `  ${m.platform} RSS after each round of 50: ${m.rssMb.join(' → ')} MB`);
      return `\n${[...lines, ...mem, `  answers delivered to the stand-ins: slack ${r.answered.slack}, teams ${r.answered.teams}`].join('\n')}`;
    },
  },
];

// `npm run bench -- acks` runs only the benches whose name contains the word.
const only = process.argv[2];
for (const bench of BENCHES) {
  if (only && !bench.name.includes(only)) continue;
  process.stdout.write(`${bench.name}: ${await bench.run()}\n`);
}

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../knowledge/paths.js';

export interface ColdStartFigures {
  readonly nodeMedianMs: number;
  readonly askMedianMs: number;
  readonly ratio: number;
  readonly runs: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function timeRun(args: readonly string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'silent' } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${String(result.stderr).split('\n')[0]}`);
  return ms;
}

/**
 * Cold start of `node bin/contractbot.js ask --json "…"` against a bare `node -e 0`, run
 * interleaved (node, ask, node, ask, …) so machine load affects both alike; medians.
 */
export async function benchColdStart(runs = 11, question = 'Wat vindt de NZa van dezelfde afslagen na nieuwe maximumtarieven?'): Promise<ColdStartFigures> {
  const bin = join(projectRoot(), 'bin', 'contractbot.js');
  const node: number[] = [];
  const ask: number[] = [];
  // One warm-up of each so the OS file cache is equally warm for both.
  timeRun(['-e', '0']);
  timeRun([bin, 'ask', '--json', '--', question]);
  for (let i = 0; i < runs; i++) {
    node.push(timeRun(['-e', '0']));
    ask.push(timeRun([bin, 'ask', '--json', '--', question]));
  }
  const nodeMedianMs = Math.round(median(node) * 10) / 10;
  const askMedianMs = Math.round(median(ask) * 10) / 10;
  return { nodeMedianMs, askMedianMs, ratio: Math.round((askMedianMs / nodeMedianMs) * 100) / 100, runs };
}

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createKnowledgeSource } from '../bot/knowledge-source.js';
import { silentLogger } from '../bot/logger.js';
import { openStore } from '../bot/storage/open-store.js';
import { handlers } from '../handlers/registry.js';
import { createRouter } from '../handlers/router.js';
import { readBundle } from '../knowledge/bundle.js';
import { buildCleanedDocument } from '../knowledge/cleaned-documents.js';
import { buildPassages } from '../knowledge/ingest/passages.js';
import type { StoredDocument } from '../knowledge/knowledge-base.js';
import { projectRoot } from '../knowledge/paths.js';

export interface ScaleFigures {
  readonly factor: number;
  readonly documents: number;
  readonly nodeMedianMs: number;
  readonly askMedianMs: number;
  readonly ratio: number;
  /** CPU time (user + system, all threads) of the same runs, medians: steadier than wall time on a shared machine. */
  readonly nodeCpuMs: number;
  readonly askCpuMs: number;
  readonly cpuRatio: number;
  readonly coldRuns: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** CPU time per in-process answer (this process, all threads). */
  readonly cpuP50Ms: number;
  readonly cpuP99Ms: number;
  /** The slowest question's fastest round (wall): what an answer costs without the machine's noise. */
  readonly slowestBestMs: number;
  readonly answers: number;
  /** 1-minute load average before and after (the machine is shared). */
  readonly load: { readonly before: number; readonly after: number };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Preloaded into both timed processes: writes the process's own CPU time at exit. */
const CPU_HOOK = "process.on('exit', () => require('node:fs').writeFileSync(process.env.CB_CPU_FILE, JSON.stringify(process.cpuUsage())));\n";

/** Runs one process; its wall time and its CPU time (user + system) in ms. */
function timeRun(args: readonly string[], env: NodeJS.ProcessEnv, dir: string): { wallMs: number; cpuMs: number } {
  const cpuFile = join(dir, 'cpu.json');
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--require', join(dir, 'cpu-hook.cjs'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'silent', CB_CPU_FILE: cpuFile, ...env },
  });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${String(result.stderr).split('\n')[0]}`);
  const cpu = JSON.parse(readFileSync(cpuFile, 'utf8')) as { user: number; system: number };
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const round = (ms: number): number => Math.round(ms * 10) / 10;
const load = (): number => Math.round((loadavg()[0] ?? 0) * 10) / 10;

/**
 * Knowledge at scale: the shipped corpus plus (factor − 1) uploaded copies of it in a fresh SQLite
 * database (so factor 20 is 100 documents), then a cold `ask --json` against `node -e 0`
 * (interleaved, medians of wall and CPU time) and the in-process answer latency of the dev
 * questions (p50, p99 of wall and CPU time; one warm-up round not counted).
 */
export async function benchKnowledgeScale(factor: number, coldRuns = 11, rounds = 10): Promise<ScaleFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'cb-scale-'));
  writeFileSync(join(dir, 'cpu-hook.cjs'), CPU_HOOK);
  const url = `file:${join(dir, 'bench.db')}`;
  const store = await openStore(url);
  try {
    const bundle = readBundle();
    const now = new Date('2026-11-23T10:00:00Z');
    const originals = bundle.documents.map((meta) => {
      const cleaned = buildCleanedDocument(meta.id, bundle.rawText(meta.id) ?? '');
      return { meta, cleaned, passages: buildPassages(cleaned) };
    });
    for (let copy = 1; copy < factor; copy++) {
      for (const { meta, cleaned, passages } of originals) {
        const id = `${meta.id}-copy${copy}`;
        const document: StoredDocument = {
          meta: { ...meta, id, title: `${meta.title} (${copy})`, insurer: meta.insurer ? `${meta.insurer} ${copy}` : null, origin: 'upload' },
          cleaned: { ...cleaned, documentId: id },
          passages: passages.map((p) => ({ ...p, id: `${id}#${p.id.split('#')[1] ?? ''}`, documentId: id })),
          pages: [],
          addedAt: now.toISOString(),
        };
        await store.saveDocument(document, [], now);
      }
    }
    // The first load builds the index and stores it, as the first replica after an upload does.
    const source = createKnowledgeSource({}, async () => store);
    const kb = await source.refresh();

    const loadBefore = load();
    const bin = join(projectRoot(), 'bin', 'contractbot.js');
    const env = { DATABASE_URL: url };
    const question = 'Wat vindt de NZa van dezelfde afslagen na nieuwe maximumtarieven?';
    timeRun(['-e', '0'], {}, dir);
    timeRun([bin, 'ask', '--json', '--', question], env, dir);
    const node: { wallMs: number; cpuMs: number }[] = [];
    const ask: { wallMs: number; cpuMs: number }[] = [];
    for (let i = 0; i < coldRuns; i++) {
      node.push(timeRun(['-e', '0'], {}, dir));
      ask.push(timeRun([bin, 'ask', '--json', '--', question], env, dir));
    }

    const dev = JSON.parse(readFileSync(join(projectRoot(), '..', 'shared', 'eval', 'dev-questions.json'), 'utf8')) as { questions: { q: string }[] };
    const route = createRouter(handlers);
    const context = { now, knowledge: kb, holidays: { goodFriday: false, liberationDay: false }, store: async () => store, log: silentLogger };
    const times: number[] = [];
    const cpu: number[] = [];
    const best = dev.questions.map(() => Infinity);
    for (let r = 0; r < rounds + 1; r++) {
      for (const [k, { q }] of dev.questions.entries()) {
        const started = performance.now();
        const startedCpu = process.cpuUsage();
        await route({ address: { platform: 'local', conversationId: 'bench' }, text: q, receivedAt: now }, context);
        const used = process.cpuUsage(startedCpu);
        if (r > 0) {
          // Round 0 warms up (lazily loaded modules, the index's first decoded terms).
          const ms = performance.now() - started;
          times.push(ms);
          cpu.push((used.user + used.system) / 1000);
          best[k] = Math.min(best[k] ?? Infinity, ms);
        }
      }
    }
    const nodeMedianMs = round(median(node.map((n) => n.wallMs)));
    const askMedianMs = round(median(ask.map((a) => a.wallMs)));
    const nodeCpuMs = round(median(node.map((n) => n.cpuMs)));
    const askCpuMs = round(median(ask.map((a) => a.cpuMs)));
    return {
      factor,
      documents: kb.documents.length,
      nodeMedianMs,
      askMedianMs,
      ratio: Math.round((askMedianMs / nodeMedianMs) * 100) / 100,
      nodeCpuMs,
      askCpuMs,
      cpuRatio: Math.round((askCpuMs / nodeCpuMs) * 100) / 100,
      coldRuns,
      p50Ms: round(percentile(times, 50)),
      p99Ms: round(percentile(times, 99)),
      cpuP50Ms: round(percentile(cpu, 50)),
      cpuP99Ms: round(percentile(cpu, 99)),
      slowestBestMs: round(Math.max(...best)),
      answers: times.length,
      load: { before: loadBefore, after: load() },
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

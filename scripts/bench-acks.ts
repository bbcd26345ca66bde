import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { slackSignature } from '../adapters/slack/test-support/signed-request.js';
import { startSlackStandIn } from '../adapters/slack/test-support/slack-stand-in.js';
import { startConnectorStandIn } from '../adapters/teams/test-support/connector-stand-in.js';
import { projectRoot } from '../knowledge/paths.js';

const SECRET = 'bench-signing-secret-0123456789';
/** Questions that make the core work (retrieval, deadlines, checklists), so answers compete for the CPU. */
const QUESTIONS = [
  'Wat moet ik vermelden bij een signaal aan de NZa?',
  'When must I sign with Zorg en Zekerheid?',
  'maak een escalatieplan voor Zorg en Zekerheid over tarieven, cruciale ggz, wachttijden en het contracteerproces',
  'Vraag gesteld aan VGZ op 11 mei 2026, wanneer moet er antwoord zijn?',
  'Wat vindt de NZa van dezelfde afslagen na nieuwe maximumtarieven?',
];

export interface AckFigures {
  readonly platform: 'slack' | 'teams';
  readonly concurrency: number;
  readonly requests: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Slack acks slower than Slack's 3 s. */
  readonly over3s: number;
}

export interface AckBench {
  readonly figures: AckFigures[];
  /** RSS of the serve process after each repeated round of 50 concurrent requests (MB), per platform. */
  readonly memory: { readonly platform: 'slack' | 'teams'; readonly rssMb: number[] }[];
  readonly answered: { readonly slack: number; readonly teams: number };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function figures(platform: 'slack' | 'teams', concurrency: number, samples: number[]): AckFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { platform, concurrency, requests: samples.length, p50Ms: round(percentile(sorted, 50)), p99Ms: round(percentile(sorted, 99)), maxMs: round(sorted[sorted.length - 1] ?? 0), over3s: samples.filter((s) => s > 3000).length };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** Starts `contractbot serve` as a child process (`BENCH_PROFILE_DIR` set: with --cpu-prof into that folder). */
async function startServe(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...(process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []), join(projectRoot(), 'bin', 'contractbot.js'), 'serve'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr?.on('data', (d: Buffer) => (errors = (errors + d.toString()).slice(-2000)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${errors}`)), 30_000);
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${errors}`)));
  });
  return { child, url };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Waits until `count()` stops growing for `quietMs` or reaches `target` (answers done), at most `maxMs`. */
async function settle(count: () => number, target: number, maxMs = 120_000, quietMs = 1500): Promise<void> {
  const deadline = Date.now() + maxMs;
  let last = -1;
  let since = Date.now();
  while (Date.now() < deadline && count() < target) {
    const now = count();
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since > quietMs * 10) break;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Ack latency of `contractbot serve` (a separate process, answer pool on) under concurrent load:
 * for Slack, signed `/contract` slash commands and `app_mention` events (time to the HTTP 200 Bolt
 * sends at ack); for Teams, message activities in emulator mode (time to the HTTP 200). At each
 * concurrency the requests go in waves of that size; the answers are computed meanwhile in the
 * worker pool and posted to local stand-ins. Then rounds of 50 concurrent requests to new
 * conversations are repeated and the serve process's RSS is read after each round.
 */
export async function benchAcks(options: { levels?: readonly number[]; wavesPerLevel?: number; memoryRounds?: number } = {}): Promise<AckBench> {
  const levels = options.levels ?? [1, 10, 50];
  const waves = options.wavesPerLevel ?? 4;
  const memoryRounds = options.memoryRounds ?? Number(process.env.BENCH_ROUNDS ?? 8);
  const slack = await startSlackStandIn();
  const teams = await startConnectorStandIn();
  const dir = mkdtempSync(join(tmpdir(), 'contractbot-bench-'));
  const { child, url } = await startServe({
    DATABASE_URL: `file:${join(dir, 'bench.db')}`,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'error',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    TEAMS_EMULATOR: '1',
    REMINDER_INTERVAL_SECONDS: '0',
  });
  let seq = 0;
  const slackRequest = async (): Promise<number> => {
    const n = ++seq;
    const text = QUESTIONS[n % QUESTIONS.length]!;
    const asCommand = n % 2 === 0;
    const raw = asCommand
      ? new URLSearchParams({ command: '/contract', text, channel_id: `C${n}`, user_id: 'U1', team_id: 'T0001', response_url: slack.responseUrl(`r${n}`), trigger_id: `t.${n}.${Date.now()}` }).toString()
      : JSON.stringify({ type: 'event_callback', team_id: 'T0001', api_app_id: 'A1', event_id: `Ev${n}`, event_time: 1, event: { type: 'app_mention', user: 'U1', channel: `C${n}`, ts: `1769220000.${String(n).padStart(6, '0')}`, text: `<@UBOT> ${text}` } });
    const ts = Math.floor(Date.now() / 1000);
    const started = performance.now();
    const res = await fetch(`${url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': asCommand ? 'application/x-www-form-urlencoded' : 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': slackSignature(SECRET, ts, raw) },
      body: raw,
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`slack ack ${res.status}`);
    return performance.now() - started;
  };
  const teamsRequest = async (): Promise<number> => {
    const n = ++seq;
    const activity = {
      type: 'message',
      id: `m${n}`,
      channelId: 'msteams',
      serviceUrl: teams.serviceUrl,
      from: { id: `29:user-${n}`, name: 'Bench', aadObjectId: `aad-${n}` },
      recipient: { id: '28:bot', name: 'ContractBot' },
      conversation: { id: `a:conversation-${n}`, conversationType: 'personal', tenantId: 't' },
      text: QUESTIONS[n % QUESTIONS.length],
      textFormat: 'plain',
    };
    const started = performance.now();
    const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`teams ack ${res.status}`);
    return performance.now() - started;
  };
  const slackAnswers = () => slack.calls.filter((c) => c.method === 'response' || c.method === 'chat.postMessage').length;
  const teamsAnswers = () => teams.calls.length;

  const out: AckFigures[] = [];
  const memory: AckBench['memory'] = [];
  try {
    for (const [platform, request, answers] of [
      ['slack', slackRequest, slackAnswers],
      ['teams', teamsRequest, teamsAnswers],
    ] as const) {
      // Warm-up: load the index and the workers.
      await Promise.all(Array.from({ length: 4 }, () => request()));
      await settle(answers, 4);
      for (const concurrency of levels) {
        const samples: number[] = [];
        const before = answers();
        for (let w = 0; w < (concurrency === 1 ? 20 : waves); w++) samples.push(...(await Promise.all(Array.from({ length: concurrency }, () => request()))));
        out.push(figures(platform, concurrency, samples));
        await settle(answers, before + samples.length);
      }
      const rss: number[] = [];
      for (let round = 0; round < memoryRounds; round++) {
        const before = answers();
        await Promise.all(Array.from({ length: 50 }, () => request()));
        await settle(answers, before + 50);
        rss.push(rssMb(child.pid!));
      }
      memory.push({ platform, rssMb: rss });
    }
    return { figures: out, memory, answered: { slack: slackAnswers(), teams: teamsAnswers() } };
  } finally {
    await stop(child);
    await slack.close();
    await teams.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

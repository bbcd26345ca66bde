import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  /** CPU of serve's main thread per request, acks and answer delivery included (ms). */
  readonly mainCpuMsPerRequest?: number;
  /** CPU of the other threads (answer workers, GC, libuv) per request (ms). */
  readonly otherCpuMsPerRequest?: number;
}

export interface AckBench {
  readonly figures: AckFigures[];
  /** RSS of the serve process after each repeated round of 50 concurrent requests (MB), per platform. */
  readonly memory: { readonly platform: 'slack' | 'teams'; readonly rssMb: number[] }[];
  readonly answered: { readonly slack: number; readonly teams: number };
  /** The 1-minute load average at the start and at the end (the machine's cores are shared). */
  readonly load: { readonly before: number; readonly after: number };
  /** Requests sent again on a new connection after a kept-alive one turned out closed. */
  readonly staleRetries: number;
}

/** What the stand-in process tells the bench: where to point serve, and how many answers arrived. */
type StandInMessage = { readonly kind: 'ready'; readonly apiUrl: string; readonly responseBase: string; readonly serviceUrl: string } | { readonly kind: 'counts'; readonly slack: number; readonly teams: number };

/**
 * `bench.js --ack-stand-ins`: the Slack and Teams stand-ins in a process of their own, so receiving
 * and parsing the answers (large cards) never delays the bench's own view of an ack. Reports its
 * URLs, then the number of answers received whenever the parent asks.
 */
export async function runAckStandIns(): Promise<void> {
  const slack = await startSlackStandIn();
  const teams = await startConnectorStandIn();
  const counts = (): StandInMessage => ({ kind: 'counts', slack: slack.calls.filter((c) => c.method === 'response' || c.method === 'chat.postMessage').length, teams: teams.calls.length });
  process.on('message', (m: unknown) => {
    if (m === 'counts') process.send?.(counts());
    if (m === 'stop') void Promise.all([slack.close(), teams.close()]).then(() => process.exit(0));
  });
  process.send?.({ kind: 'ready', apiUrl: slack.apiUrl, responseBase: slack.responseUrl(''), serviceUrl: teams.serviceUrl } satisfies StandInMessage);
}

interface StandIns {
  readonly apiUrl: string;
  readonly responseUrl: (id: string) => string;
  readonly serviceUrl: string;
  counts(): Promise<{ slack: number; teams: number }>;
  close(): Promise<void>;
}

async function startStandInProcess(): Promise<StandIns> {
  const child = fork(fileURLToPath(import.meta.url), ['--ack-stand-ins'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<Extract<StandInMessage, { kind: 'ready' }>>((resolve, reject) => {
    child.once('message', (m: StandInMessage) => (m.kind === 'ready' ? resolve(m) : reject(new Error('stand-ins: unexpected message'))));
    child.once('exit', (code) => reject(new Error(`stand-ins exited ${code}`)));
  });
  const waiting: ((m: { slack: number; teams: number }) => void)[] = [];
  child.on('message', (m: StandInMessage) => {
    if (m.kind === 'counts') waiting.shift()?.({ slack: m.slack, teams: m.teams });
  });
  return {
    apiUrl: ready.apiUrl,
    responseUrl: (id) => `${ready.responseBase}${id}`,
    serviceUrl: ready.serviceUrl,
    counts: () =>
      new Promise((resolve) => {
        waiting.push(resolve);
        child.send('counts');
      }),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send('stop');
      await exited;
    },
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function figures(platform: 'slack' | 'teams', concurrency: number, samples: number[]): AckFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { platform, concurrency, requests: samples.length, p50Ms: round(percentile(sorted, 50)), p99Ms: round(percentile(sorted, 99)), maxMs: round(sorted[sorted.length - 1] ?? 0), over3s: samples.filter((s) => s > 3000).length };
}

/** CPU time (ms, user + system) of the serve process's main thread (the one that acknowledges) and of all its other threads. */
function threadCpuMs(pid: number): { main: number; others: number } {
  const ticks = (path: string): number => {
    const fields = readFileSync(path, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  };
  const total = ticks(`/proc/${pid}/stat`);
  const main = ticks(`/proc/${pid}/task/${pid}/stat`);
  // Linux reports clock ticks of 10 ms (USER_HZ 100).
  return { main: main * 10, others: (total - main) * 10 };
}

/** The bench's client: node:http over kept-alive connections (light, so the client's own CPU adds little to what it measures). */
const clientAgent = new Agent({ keepAlive: true, maxSockets: 64 });

/** Requests sent again because a kept-alive connection had been closed by the server while idle. */
let staleRetries = 0;

/**
 * POSTs a body and resolves with the time (ms) until the whole response has arrived. A reused idle
 * connection the server had just closed (ECONNRESET before any answer) is retried once on a new
 * connection, timed from the retry: the first attempt never reached the server.
 */
async function post(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; ms: number }> {
  try {
    return await postOnce(url, headers, body, clientAgent);
  } catch (error) {
    if (!(error instanceof Error && error.message === 'stale socket')) throw error;
    staleRetries++;
    return postOnce(url, headers, body, false);
  }
}

function postOnce(url: string, headers: Record<string, string>, body: string, agent: Agent | false): Promise<{ status: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let answered = false;
    const req = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      answered = true;
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('error', (error: NodeJS.ErrnoException) => reject(!answered && req.reusedSocket && error.code === 'ECONNRESET' ? new Error('stale socket') : error));
    req.end(body);
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** Starts `contractbot serve` as a child process (`BENCH_PROFILE_DIR` set: with --cpu-prof into that folder; `BENCH_NODE_FLAGS`: more node flags, e.g. `--heapsnapshot-signal=SIGUSR2`). */
async function startServe(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const flags = [...(process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []), ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter((f) => f !== '') ?? [])];
  const child = spawn(process.execPath, [...flags, join(projectRoot(), 'bin', 'contractbot.js'), 'serve'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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

/** Waits until `count()` reaches `target` (answers done) or stops growing for 15 s, at most `maxMs`. */
async function settle(count: () => Promise<number>, target: number, maxMs = 120_000, quietMs = 15_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let last = -1;
  let since = Date.now();
  for (;;) {
    const now = await count();
    if (now >= target || Date.now() >= deadline) return;
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since > quietMs) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Ack latency of `contractbot serve` (a separate process, answer pool on) under concurrent load:
 * for Slack, signed `/contract` slash commands and `app_mention` events (time to the HTTP 200
 * serve sends before Bolt runs); for Teams, message activities in emulator mode (time to the HTTP
 * 200). At each concurrency the requests go in waves of that size (`BENCH_WAVES`, default 8; 20
 * single requests at 1); the answers are computed meanwhile in the worker pool and posted to local
 * stand-ins in a third process. Then rounds of 50 concurrent requests to new conversations are
 * repeated (`BENCH_ROUNDS`, default 8) and the serve process's RSS is read after each round.
 * `BENCH_PLATFORMS=slack` (or `teams`) runs one platform only.
 */
export async function benchAcks(options: { levels?: readonly number[]; wavesPerLevel?: number; memoryRounds?: number; platforms?: readonly ('slack' | 'teams')[] } = {}): Promise<AckBench> {
  const levels = options.levels ?? [1, 10, 50];
  const waves = options.wavesPerLevel ?? Number(process.env.BENCH_WAVES ?? 8);
  const memoryRounds = options.memoryRounds ?? Number(process.env.BENCH_ROUNDS ?? 8);
  const platforms = options.platforms ?? ((process.env.BENCH_PLATFORMS?.split(',').filter((p) => p === 'slack' || p === 'teams') as ('slack' | 'teams')[] | undefined) ?? ['slack', 'teams']);
  const loadBefore = loadavg()[0] ?? 0;
  const standIns = await startStandInProcess();
  const slack = { apiUrl: standIns.apiUrl, responseUrl: standIns.responseUrl };
  const teams = { serviceUrl: standIns.serviceUrl };
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
    const headers = { 'content-type': asCommand ? 'application/x-www-form-urlencoded' : 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': slackSignature(SECRET, ts, raw) };
    const { status, ms } = await post(`${url}/slack/events`, headers, raw);
    if (status !== 200) throw new Error(`slack ack ${status}`);
    return ms;
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
    const body = JSON.stringify(activity);
    const { status, ms } = await post(`${url}/api/messages`, { 'content-type': 'application/json' }, body);
    if (status !== 200) throw new Error(`teams ack ${status}`);
    return ms;
  };
  const slackAnswers = async () => (await standIns.counts()).slack;
  const teamsAnswers = async () => (await standIns.counts()).teams;

  const out: AckFigures[] = [];
  const memory: AckBench['memory'] = [];
  try {
    for (const [platform, request, answers] of [
      ['slack', slackRequest, slackAnswers],
      ['teams', teamsRequest, teamsAnswers],
    ] as const) {
      if (!platforms.includes(platform)) continue;
      // Warm-up: load the index and the workers.
      await Promise.all(Array.from({ length: 4 }, () => request()));
      await settle(answers, 4);
      for (const concurrency of levels) {
        const samples: number[] = [];
        const before = await answers();
        const cpuBefore = threadCpuMs(child.pid!);
        for (let w = 0; w < (concurrency === 1 ? 20 : waves); w++) samples.push(...(await Promise.all(Array.from({ length: concurrency }, () => request()))));
        await settle(answers, before + samples.length);
        const cpuAfter = threadCpuMs(child.pid!);
        const perRequest = (ms: number) => Math.round((ms / samples.length) * 100) / 100;
        out.push({ ...figures(platform, concurrency, samples), mainCpuMsPerRequest: perRequest(cpuAfter.main - cpuBefore.main), otherCpuMsPerRequest: perRequest(cpuAfter.others - cpuBefore.others) });
      }
      const rss: number[] = [];
      for (let round = 0; round < memoryRounds; round++) {
        const before = await answers();
        await Promise.all(Array.from({ length: 50 }, () => request()));
        await settle(answers, before + 50);
        rss.push(rssMb(child.pid!));
        // BENCH_HEAP_ROUNDS=10,40 with BENCH_NODE_FLAGS=--heapsnapshot-signal=SIGUSR2: a heap snapshot of serve's main thread after those rounds.
        if (process.env.BENCH_HEAP_ROUNDS?.split(',').map(Number).includes(round + 1)) {
          child.kill('SIGUSR2');
          await new Promise((r) => setTimeout(r, 20_000));
        }
      }
      memory.push({ platform, rssMb: rss });
    }
    const counts = await standIns.counts();
    return { figures: out, memory, answered: counts, staleRetries, load: { before: Math.round(loadBefore * 10) / 10, after: Math.round((loadavg()[0] ?? 0) * 10) / 10 } };
  } finally {
    clientAgent.destroy();
    await stop(child);
    await standIns.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

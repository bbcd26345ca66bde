import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Milestone } from '../../../knowledge/milestones/milestone.js';
import type { Delivery } from '../run-scheduler-pass.js';

const SCRIPT = fileURLToPath(new URL('./pass-process.ts', import.meta.url));
const VITE_NODE = fileURLToPath(new URL('../../../node_modules/vite-node/vite-node.mjs', import.meta.url));

export interface PassProcess {
  /** Resolves when the child has opened its store and waits for {@link go}. */
  readonly ready: Promise<void>;
  go(): void;
  /** Resolves when the child exits: its deliveries, exit code and signal. */
  readonly done: Promise<{ deliveries: Delivery[]; code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts a scheduler pass in a real child process (see pass-process.ts). */
export function spawnPass(options: { databaseUrl: string; now: Date; leaseMs: number; mode: 'deliver' | 'kill-after-claim'; milestones?: readonly Milestone[] }): PassProcess {
  const child: ChildProcess = spawn(process.execPath, [VITE_NODE, SCRIPT], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PASS_NOW: options.now.toISOString(),
      PASS_LEASE_MS: String(options.leaseMs),
      PASS_MODE: options.mode,
      ...(options.milestones ? { PASS_MILESTONES: JSON.stringify(options.milestones) } : {}),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let signalReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (signalReady = resolve));
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('ready\n')) signalReady();
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ deliveries: Delivery[]; code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => {
      signalReady();
      const deliveries = stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Delivery);
      resolve({ deliveries, code, signal, stderr });
    });
  });
  return { ready, go: () => child.stdin?.end('go\n'), done };
}

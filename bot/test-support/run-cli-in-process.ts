import { PassThrough } from 'node:stream';
import type { CliIo } from '../cli-io.js';
import { runCli } from '../cli.js';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs the real CLI in-process with captured stdout/stderr, the given environment and a frozen
 * clock (default 2026-11-23T10:00:00Z; pass a throwing clock to prove a command never reads it).
 */
export async function runCliInProcess(
  argv: readonly string[],
  options: { env?: NodeJS.ProcessEnv; clock?: () => Date } = {},
): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const io: CliIo = {
    stdin: new PassThrough(),
    stdout,
    stderr,
    env: options.env ?? {},
    clock: options.clock ?? (() => new Date('2026-11-23T10:00:00Z')),
  };
  const code = await runCli([...argv], io);
  return { code, out, err };
}

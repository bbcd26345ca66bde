import { runCli } from './cli.js';

/** Process entry: wires the real streams, environment and clock into the CLI. */
export async function main(argv: string[]): Promise<void> {
  const code = await runCli(argv, {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    clock: () => new Date(),
  });
  process.exitCode = code;
}

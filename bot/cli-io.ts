import type { Readable, Writable } from 'node:stream';

/** What a CLI command may touch: its streams, the environment and the clock (injected for tests). */
export interface CliIo {
  readonly stdin: Readable & { isTTY?: boolean };
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable;
  readonly env: NodeJS.ProcessEnv;
  readonly clock: () => Date;
}

/** A CLI command: receives the arguments after its name, resolves to the exit code. */
export type Command = (args: string[], io: CliIo) => Promise<number>;

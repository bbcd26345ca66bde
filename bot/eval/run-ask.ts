import { spawn } from 'node:child_process';
import type { AskOutcome } from './check-answer.js';

/**
 * Runs `node <bin> ask --json --now <now> --conversation <address> -- <question>` as a child
 * process: exactly the code path of a user's `ask --json`. Resolves with the exit code and output
 * (killed after `timeoutMs`).
 */
export function runAsk(bin: string, question: string, now: string, env: NodeJS.ProcessEnv, conversation = 'local:cli', timeoutMs = 60_000): Promise<AskOutcome> {
  return new Promise((resolve) => {
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(process.execPath, [bin, 'ask', '--json', '--now', now, '--conversation', conversation, '--', question], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      // E.g. a NUL byte: no operating system passes it in a command-line argument.
      resolve({ exitCode: null, stdout: '', stderr: `cannot run ask with this question: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code, stdout, stderr });
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ exitCode: null, stdout, stderr: stderr + String(error) });
    });
  });
}

/** Maps over items with at most `limit` promises in flight, keeping order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  });
  await Promise.all(workers);
  return results;
}

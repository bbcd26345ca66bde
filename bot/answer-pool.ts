import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IncomingMessage, Reply } from '../handlers/types.js';
import type { Logger } from '../handlers/logger.js';
import { projectRoot } from '../knowledge/paths.js';
import type { AnswerTask } from './answer-worker.js';

/** Answers computed off the request path, in worker threads. */
export interface AnswerPool {
  readonly threads: number;
  answer(message: IncomingMessage, now: Date): Promise<Reply>;
  close(): Promise<void>;
}

/** The bundled worker; the pool needs `npm run build` (which `npm ci` runs). */
export function answerWorkerPath(): string {
  return join(projectRoot(), 'dist', 'cli', 'answer-worker.js');
}

/**
 * A piscina pool of answer workers, one per core (`os.availableParallelism()`), so a CPU-heavy
 * answer never holds up the HTTP server's event loop and the acks it sends. Undefined when the
 * store cannot be shared with other threads (`file::memory:`) or the worker bundle is missing:
 * then answers run in the main thread.
 */
export async function createAnswerPool(options: { env: NodeJS.ProcessEnv; databaseUrl: string; log: Logger; threads?: number }): Promise<AnswerPool | undefined> {
  const path = answerWorkerPath();
  if (options.databaseUrl === 'file::memory:' || options.databaseUrl.includes(':memory:')) {
    options.log.info('answer pool off: an in-memory store cannot be shared with worker threads');
    return undefined;
  }
  if (!existsSync(path)) {
    options.log.warn('answer pool off: dist/cli/answer-worker.js is missing (run npm run build)');
    return undefined;
  }
  const { Piscina } = await import('piscina');
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const pool = new Piscina<AnswerTask, Reply>({
    filename: pathToFileURL(path).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    workerData: { env: options.env },
  });
  options.log.info('answer pool started', { threads });
  return {
    threads,
    // A finished answer resumes on a later turn of the event loop: its rendering and delivery wait
    // until the requests already read in this turn have had their acks.
    answer: async (message, now) => {
      const reply = await pool.run({ message, now: now.getTime() });
      await new Promise<void>((resolve) => setImmediate(resolve));
      return reply;
    },
    close: () => pool.destroy(),
  };
}

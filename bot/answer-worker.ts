import { setPriority } from 'node:os';
import { workerData } from 'node:worker_threads';
import type { IncomingMessage, Reply } from '../handlers/types.js';
import { loadConfig } from './config.js';
import { createHandlerContext, lazyStore } from './create-context.js';
import { createKnowledgeSource, KNOWLEDGE_REFRESH_MS } from './knowledge-source.js';
import { createLogger } from './logger.js';

/** How much lower the answer threads' priority is than the HTTP thread's (Linux nice +10). */
const ANSWER_THREAD_NICE = 10;

/**
 * A worker thread of the answer pool (bundled as `dist/cli/answer-worker.js`): runs the router for
 * one message with its own store connection (same DATABASE_URL) and returns the reply. The
 * environment comes from the parent as `workerData.env` and is parsed once here.
 */
// On Linux a thread has its own nice value: answer threads yield the CPU to the HTTP thread, so
// acks go out first even when every core is busy answering. (Elsewhere this may apply to the whole
// process, or fail; it is only a priority hint.)
if (process.platform === 'linux') {
  try {
    setPriority(0, ANSWER_THREAD_NICE);
  } catch {
    // Not allowed here: answers simply run at normal priority.
  }
}

const env = (workerData as { env?: NodeJS.ProcessEnv } | undefined)?.env ?? process.env;
const config = loadConfig(env);
const log = createLogger(config.logLevel);
const store = lazyStore(config.databaseUrl);
// The worker's own hold on the knowledge base (bundle + database), refreshed like the main thread's.
const knowledge = createKnowledgeSource({ glossaryPath: config.glossaryPath, log }, store.get);
let refreshedAt = 0;

export interface AnswerTask {
  readonly message: IncomingMessage;
  /** The composition root's clock for this message (ms since epoch). */
  readonly now: number;
}

export default async function answer(task: AnswerTask): Promise<Reply> {
  const { route } = await import('./core.js');
  if (Date.now() - refreshedAt >= KNOWLEDGE_REFRESH_MS) {
    await knowledge.refresh();
    refreshedAt = Date.now();
  }
  return route(task.message, createHandlerContext(config, new Date(task.now), log, store.get, knowledge.latest()));
}

import type { ChatAdapter } from '../adapters/adapter.js';
import type { ServeDeps as PlatformServeDeps } from '../adapters/platform-deps.js';
import type { Logger } from '../handlers/logger.js';
import type { Store } from '../handlers/store.js';
import type { IncomingMessage, Reply } from '../handlers/types.js';
import type { AnswerPool } from './answer-pool.js';
import type { Config } from './config.js';
import { createHandlerContext } from './create-context.js';
import type { KnowledgeSource } from './knowledge-source.js';

/** What `contractbot serve` hands every part it composes: the platform parts' deps, with the whole configuration. */
export interface ServeDeps extends PlatformServeDeps {
  readonly config: Config;
}

/** The proactive-send adapters of the running platforms, by platform; filled as parts are created. */
export type AdapterRegistry = Map<ChatAdapter['platform'], ChatAdapter>;

/**
 * The deps of `serve` and of `remind run-due`'s platform parts: the router as core, contexts on
 * `store`. With a `pool` the core runs in its worker threads (falling back to this thread if a
 * worker fails), so the HTTP server only translates and acknowledges.
 */
export async function createServeDeps(config: Config, log: Logger, clock: () => Date, store: () => Promise<Store>, source: KnowledgeSource, pool?: AnswerPool): Promise<ServeDeps> {
  const { route } = await import('./core.js');
  await source.refresh();
  const context = (now: Date) => createHandlerContext(config, now, log, store, source.latest());
  const inline = (message: IncomingMessage) => route(message, context(clock()));
  const handle = pool
    ? async (message: IncomingMessage): Promise<Reply> => {
        try {
          return await pool.answer(message, clock());
        } catch (error) {
          log.error('answer worker failed; answering in the main thread', { error: error instanceof Error ? error.name : 'unknown' });
          return inline(message);
        }
      }
    : inline;
  return {
    config,
    log,
    clock,
    store,
    knowledge: () => source.latest(),
    refreshKnowledge: () => source.refresh(),
    handle,
    context,
  };
}

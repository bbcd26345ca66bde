import type { ChatAdapter } from '../adapters/adapter.js';
import type { ServeDeps as PlatformServeDeps } from '../adapters/platform-deps.js';
import type { Logger } from '../handlers/logger.js';
import type { Store } from '../handlers/store.js';
import type { Config } from './config.js';
import { createHandlerContext } from './create-context.js';
import type { KnowledgeSource } from './knowledge-source.js';

/** What `contractbot serve` hands every part it composes: the platform parts' deps, with the whole configuration. */
export interface ServeDeps extends PlatformServeDeps {
  readonly config: Config;
}

/** The proactive-send adapters of the running platforms, by platform; filled as parts are created. */
export type AdapterRegistry = Map<ChatAdapter['platform'], ChatAdapter>;

/** The deps of `serve` and of `remind run-due`'s platform parts: the router as core, contexts on `store`. */
export async function createServeDeps(config: Config, log: Logger, clock: () => Date, store: () => Promise<Store>, source: KnowledgeSource): Promise<ServeDeps> {
  const { route } = await import('./core.js');
  await source.refresh();
  const context = (now: Date) => createHandlerContext(config, now, log, store, source.latest());
  return {
    config,
    log,
    clock,
    store,
    knowledge: () => source.latest(),
    refreshKnowledge: () => source.refresh(),
    handle: (message) => route(message, context(clock())),
    context,
  };
}

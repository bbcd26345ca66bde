import type { ChatAdapter } from '../adapters/adapter.js';
import type { HandlerContext } from '../handlers/context.js';
import type { Logger } from '../handlers/logger.js';
import type { Store } from '../handlers/store.js';
import type { IncomingMessage, Reply } from '../handlers/types.js';
import type { Config } from './config.js';
import { createHandlerContext } from './create-context.js';

/** What `contractbot serve` hands every part it composes. */
export interface ServeDeps {
  readonly config: Config;
  readonly log: Logger;
  /** The clock: real time, or `--now` advancing from start-up. */
  readonly clock: () => Date;
  readonly store: () => Promise<Store>;
  /** The core: route a normalised message to its handler (builds the handler context itself). */
  readonly handle: (message: IncomingMessage) => Promise<Reply>;
  /** Builds a handler context for an instant (for parts that call handlers directly). */
  readonly context: (now: Date) => HandlerContext;
}

/** The proactive-send adapters of the running platforms, by platform; filled as parts are created. */
export type AdapterRegistry = Map<ChatAdapter['platform'], ChatAdapter>;

/** The deps of `serve` and of `remind run-due`'s platform parts: the router as core, contexts on `store`. */
export async function createServeDeps(config: Config, log: Logger, clock: () => Date, store: () => Promise<Store>): Promise<ServeDeps> {
  const { route } = await import('./core.js');
  const context = (now: Date) => createHandlerContext(config, now, log, store);
  return { config, log, clock, store, handle: (message) => route(message, context(clock())), context };
}

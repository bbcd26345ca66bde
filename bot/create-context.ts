import type { HandlerContext } from '../handlers/context.js';
import type { Logger } from '../handlers/logger.js';
import type { Store } from '../handlers/store.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Config } from './config.js';
import { openStore } from './storage/open-store.js';

/** Opens the configured store on first use, once; `close()` closes it if it was opened. */
export function lazyStore(databaseUrl: string): { get: () => Promise<Store>; close: () => Promise<void> } {
  let opening: Promise<Store> | undefined;
  return {
    get: () => (opening ??= openStore(databaseUrl)),
    close: async () => {
      if (opening) await (await opening.catch(() => undefined))?.close();
    },
  };
}

/** The handler context for one message: the composition root decides `now` (clock or `--now`) and the knowledge. */
export function createHandlerContext(config: Config, now: Date, log: Logger, store: () => Promise<Store>, knowledge: KnowledgeBase): HandlerContext {
  return { now, knowledge, holidays: config.holidays, store, log, publicUrl: config.publicUrl, admins: config.admins };
}

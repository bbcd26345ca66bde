import type { Express } from 'express';
import type { ChatAdapter } from './adapter.js';

/**
 * One piece of `contractbot serve`: a platform adapter, the calendar feed, the scheduler.
 * `mount` adds HTTP routes to the shared server before it listens; `start`/`stop` run after
 * listening and on shutdown (in reverse order).
 */
export interface ServerPart {
  readonly name: string;
  /** The proactive-send side of a platform adapter, if this part is one. */
  readonly adapter?: ChatAdapter;
  mount?(app: Express): void;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

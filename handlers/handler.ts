import type { HandlerContext } from './context.js';
import type { IncomingMessage, Intent, Reply } from './types.js';
import type { Understanding } from './understand/understanding.js';

/**
 * One capability of the bot: a plain decision over the message's {@link Understanding}, which the
 * router built once. Handlers never re-parse the text; the router picks the handler by the
 * understanding's intent (or by an action id's prefix), never by competing scores.
 */
export interface Handler {
  readonly intent: Intent;
  /** Action ids starting with this prefix (e.g. `checklist.`) are routed here. */
  readonly actionPrefix?: string;
  handle(message: IncomingMessage, understanding: Understanding, context: HandlerContext): Promise<Reply>;
}

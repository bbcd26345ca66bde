import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { HandlerContext } from './context.js';
import type { IncomingMessage, Intent, Language, Reply } from './types.js';

/**
 * One capability of the bot. The router asks every handler how well it matches a message
 * (0 = not at all, 1 = certainly) and lets the best one answer; ties go to the earlier handler.
 */
export interface Handler {
  readonly intent: Intent;
  /** Action ids starting with this prefix (e.g. `checklist.`) are routed here. */
  readonly actionPrefix?: string;
  match(text: string, language: Language, knowledge: KnowledgeBase): number;
  handle(message: IncomingMessage, context: HandlerContext, language: Language): Promise<Reply>;
}

import type { HandlerContext } from './context.js';
import { recallTurn, rememberTurn } from './conversation/turn-memory.js';
import { withMemory } from './conversation/with-memory.js';
import { detectLanguage } from './detect-language.js';
import { withFeedbackButtons } from './feedback.js';
import type { Handler } from './handler.js';
import { messages } from './messages/messages.js';
import { guardPrivacy } from './privacy.js';
import { handlers as defaultHandlers, type Handlers } from './registry.js';
import { makeReply, withWarnings } from './reply.js';
import { MAX_INPUT_CHARS, sanitizeInput } from './sanitize-input.js';
import { assertNever, type IncomingMessage, type Language, type Reply } from './types.js';
import { understand } from './understand/understand.js';
import type { IntentKind, Understanding } from './understand/understanding.js';

/**
 * The single entry point of the core: every adapter hands its normalised message here. The router
 * builds the message's one {@link Understanding}, completes a follow-up from the conversation's
 * memory (recalled before, the new slots remembered after answering) and picks the handler with a
 * plain switch over its intent. Bad input gets a clear reply and changes nothing; handler failures become an apology,
 * never a stack trace (the error is logged without the user's text).
 */
export function createRouter(handlers: Handlers = defaultHandlers): (message: IncomingMessage, context: HandlerContext) => Promise<Reply> {
  const all: readonly Handler[] = Object.values(handlers);
  return async (message, context) => {
    const input = sanitizeInput(message.text);

    if (message.action || message.file) {
      const text = input.kind === 'ok' ? guardPrivacy(input.text, detectLanguage(input.text)).text : '';
      const understanding = understand(text, { knowledge: context.knowledge, now: context.now });
      // A file sent to the bot is a document to add (the handler checks the sender may).
      const target = message.action ? all.find((h) => h.actionPrefix && message.action?.id.startsWith(h.actionPrefix)) : handlers.documents;
      if (!target) return makeReply('unknown', understanding.language, [{ kind: 'text', markdown: messages(understanding.language).router.unknownAction }]);
      return runSafely(target, { ...message, text }, understanding, context);
    }

    switch (input.kind) {
      case 'empty':
        return makeReply('unknown', 'nl', [{ kind: 'text', markdown: messages('nl').router.empty }]);
      case 'too-long':
        return makeReply('unknown', 'nl', [{ kind: 'text', markdown: messages('nl').router.tooLong(input.length, MAX_INPUT_CHARS) }]);
      case 'ok': {
        // Personal data never reaches a handler, the store or the logs: placeholders replace it.
        const guarded = guardPrivacy(input.text, detectLanguage(input.text));
        // The conversation's last understanding (slots only, 30 minutes): a follow-up changes only
        // the slots it names ("and for VGZ?"), a language switch asks the last question again.
        const memory = await recallTurn(context, message.address);
        const own = understand(guarded.text, { knowledge: context.knowledge, now: context.now, memory, ...(memory ? { fallbackLanguage: memory.language } : {}) });
        const understanding = withMemory(own, memory, context.knowledge);
        const handler = handlerFor(handlers, understanding.intent);
        if (!handler) {
          return withWarnings(makeReply('unknown', understanding.language, [{ kind: 'text', markdown: messages(understanding.language).router.notUnderstood }]), guarded.warnings);
        }
        const reply = await runSafely(handler, { ...message, text: guarded.text }, understanding, context);
        await rememberTurn(context, message.address, understanding);
        // Answers get "Was this helpful?" on every platform (buttons, or a typed command in the terminal).
        return withWarnings(withFeedbackButtons(reply), guarded.warnings);
      }
    }
  };
}

/** The handler of an intent; undefined for `unknown`. */
function handlerFor(handlers: Handlers, intent: IntentKind): Handler | undefined {
  switch (intent) {
    case 'deadline':
    case 'deadlines-window':
    case 'compare':
      return handlers.deadline;
    case 'calculation':
      return handlers.calculation;
    case 'question':
      return handlers.question;
    case 'escalation':
    case 'checklist-command':
      return handlers.escalation;
    case 'reminder':
      return handlers.reminder;
    case 'calendar':
      return handlers.calendar;
    case 'smalltalk':
      return handlers.smalltalk;
    case 'control':
      return handlers.control;
    case 'home':
      return handlers.home;
    case 'feedback':
      return handlers.feedback;
    case 'documents':
      return handlers.documents;
    case 'unknown':
      return undefined;
    default:
      return assertNever(intent);
  }
}

async function runSafely(handler: Handler, message: IncomingMessage, understanding: Understanding, context: HandlerContext): Promise<Reply> {
  try {
    return await handler.handle(message, understanding, context);
  } catch (error) {
    context.log.error('handler failed', {
      intent: handler.intent,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
    const language: Language = understanding.language;
    return makeReply('unknown', language, [{ kind: 'text', markdown: messages(language).router.failed }]);
  }
}

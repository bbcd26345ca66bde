import type { HandlerContext } from './context.js';
import { detectLanguage } from './detect-language.js';
import { withFeedbackButtons } from './feedback.js';
import type { Handler } from './handler.js';
import { helpHandler } from './help.js';
import { guardPrivacy } from './privacy.js';
import { makeReply, withWarnings } from './reply.js';
import { MAX_INPUT_CHARS, sanitizeInput } from './sanitize-input.js';
import type { IncomingMessage, Language, Reply } from './types.js';

/**
 * The single entry point of the core: every adapter hands its normalised message here.
 * Bad input gets a clear reply and changes nothing; handler failures become an apology, never a
 * stack trace (the error is logged without the user's text).
 */
export function createRouter(handlers: readonly Handler[]): (message: IncomingMessage, context: HandlerContext) => Promise<Reply> {
  const all = [helpHandler, ...handlers];
  return async (message, context) => {
    const input = sanitizeInput(message.text);
    const language: Language = input.kind === 'ok' ? detectLanguage(input.text) : 'nl';

    if (message.action) {
      const target = all.find((h) => h.actionPrefix && message.action?.id.startsWith(h.actionPrefix));
      if (!target) return makeReply('unknown', language, [{ kind: 'text', markdown: unknownAction(language) }]);
      return runSafely(target, { ...message, text: input.kind === 'ok' ? guardPrivacy(input.text, language).text : '' }, context, language);
    }
    // A file sent to the bot is a document to add (the handler checks the sender may).
    if (message.file) {
      const target = all.find((h) => h.intent === 'documents');
      if (target) return runSafely(target, { ...message, text: input.kind === 'ok' ? guardPrivacy(input.text, language).text : '' }, context, language);
    }

    switch (input.kind) {
      case 'empty':
        return makeReply('unknown', 'nl', [
          { kind: 'text', markdown: 'Stel een vraag, bijvoorbeeld: "Wanneer moet ik tekenen bij Zorg en Zekerheid?" — or ask in English. Typ "help" voor meer.' },
        ]);
      case 'too-long':
        return makeReply('unknown', 'nl', [
          {
            kind: 'text',
            markdown: `Je bericht is te lang (${input.length} tekens); stel je vraag in hooguit ${MAX_INPUT_CHARS} tekens. / Your message is too long (${input.length} characters); please ask in at most ${MAX_INPUT_CHARS} characters.`,
          },
        ]);
      case 'ok': {
        // Personal data never reaches a handler, the store or the logs: placeholders replace it.
        const guarded = guardPrivacy(input.text, language);
        let best: Handler | undefined;
        let bestScore = 0;
        for (const handler of all) {
          const score = handler.match(guarded.text, language, context.knowledge);
          if (score > bestScore) {
            best = handler;
            bestScore = score;
          }
        }
        if (!best) return withWarnings(makeReply('unknown', language, [{ kind: 'text', markdown: notUnderstood(language) }]), guarded.warnings);
        // Answers get "Was this helpful?" on every platform (buttons, or a typed command in the terminal).
        return withWarnings(withFeedbackButtons(await runSafely(best, { ...message, text: guarded.text }, context, language)), guarded.warnings);
      }
    }
  };
}

async function runSafely(handler: Handler, message: IncomingMessage, context: HandlerContext, language: Language): Promise<Reply> {
  try {
    return await handler.handle(message, context, language);
  } catch (error) {
    context.log.error('handler failed', {
      intent: handler.intent,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
    return makeReply('unknown', language, [
      {
        kind: 'text',
        markdown:
          language === 'nl'
            ? 'Er ging iets mis bij het beantwoorden. Probeer het nog eens of formuleer je vraag anders.'
            : 'Something went wrong while answering. Please try again or rephrase your question.',
      },
    ]);
  }
}

function unknownAction(language: Language): string {
  return language === 'nl' ? 'Deze knop wordt niet (meer) herkend.' : 'That button is not recognised (any more).';
}

function notUnderstood(language: Language): string {
  return language === 'nl' ? 'Dat begrijp ik niet. Typ "help" voor voorbeelden.' : 'I did not understand that. Type "help" for examples.';
}

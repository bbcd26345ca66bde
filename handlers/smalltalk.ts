import type { Handler } from './handler.js';
import { helpReply } from './help.js';
import { messages } from './messages/messages.js';
import { makeReply } from './reply.js';
import { assertNever } from './types.js';

/**
 * Greetings, thanks, "what can you do" and help (knowledge/data/vocabulary/smalltalk.json), answered
 * as such in the user's language: thanks is never "nothing found".
 */
export const smalltalkHandler: Handler = {
  intent: 'smalltalk',
  handle: async (_message, understanding) => {
    const { language } = understanding;
    const m = messages(language).smalltalk;
    const kind = understanding.smalltalk ?? 'help';
    switch (kind) {
      case 'greeting':
        return makeReply('smalltalk', language, [{ kind: 'text', markdown: m.greeting }]);
      case 'thanks':
        return makeReply('smalltalk', language, [{ kind: 'text', markdown: m.thanks }]);
      case 'capabilities':
        return helpReply(language, 'capabilities');
      case 'help':
        return helpReply(language);
      default:
        return assertNever(kind);
    }
  },
};

import type { Handler } from './handler.js';
import { messages } from './messages/messages.js';
import { makeReply } from './reply.js';
import { assertNever } from './types.js';

/**
 * Control phrases (knowledge/data/vocabulary/control.json): "in English please" / "in het
 * Nederlands" confirm the switch in the new language (the understanding's language is the one
 * switched to; conversation memory keeps it), "stop" and "cancel" are acknowledged and change nothing.
 */
export const controlHandler: Handler = {
  intent: 'control',
  handle: async (_message, understanding) => {
    const { language } = understanding;
    const m = messages(language).control;
    const kind = understanding.control ?? 'stop';
    switch (kind) {
      case 'language-en':
      case 'language-nl':
        return makeReply('control', language, [{ kind: 'text', markdown: m.switched }]);
      case 'stop':
        return makeReply('control', language, [{ kind: 'text', markdown: m.stopped }]);
      case 'cancel':
        return makeReply('control', language, [{ kind: 'text', markdown: m.cancelled }]);
      default:
        return assertNever(kind);
    }
  },
};

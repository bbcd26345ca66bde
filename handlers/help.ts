import { messages } from './messages/messages.js';
import { makeReply } from './reply.js';
import type { Language, Reply } from './types.js';

/** What the bot does, with examples, in the user's language (also the start of the welcome). */
export function helpReply(language: Language, intro: 'help' | 'capabilities' = 'help'): Reply {
  const m = messages(language).smalltalk;
  const text = [intro === 'help' ? m.helpIntro : m.capabilitiesIntro, '', m.examplesHeading, ...m.examples.map((e) => `• ${e}`)].join('\n');
  return makeReply('help', language, [{ kind: 'text', markdown: text }]);
}

import { createHash } from 'node:crypto';
import type { Handler } from './handler.js';
import { makeReply } from './reply.js';
import { readVerdict } from './chat-commands.js';
import type { HandlerContext } from './context.js';
import type { Address, IncomingMessage, Intent, Language, Reply } from './types.js';

/** Intents whose answers get "Was this helpful?" buttons. */
const RATED_INTENTS: ReadonlySet<Intent> = new Set(['question', 'deadline', 'calculation']);

export const FEEDBACK_HELPFUL = 'feedback.helpful';
export const FEEDBACK_NOT_HELPFUL = 'feedback.not_helpful';

/**
 * What a feedback is about: the intent and a short hash of the answer text, e.g. `deadline:3f2a9c1b04de`.
 * Never the user's words: the answer is built from guarded text and the hash cannot be read back.
 */
export function feedbackSubject(reply: Reply): string {
  return `${reply.intent}:${createHash('sha256').update(reply.fallbackText).digest('hex').slice(0, 12)}`;
}

/**
 * Adds 👍/👎 buttons to answers (question, deadline, calculation) for platforms with buttons;
 * other replies come back unchanged. The plain-text fallback stays as it was.
 */
export function withFeedbackButtons(reply: Reply): Reply {
  if (!RATED_INTENTS.has(reply.intent) || reply.replaceOriginal) return reply;
  const value = `${reply.language}|${feedbackSubject(reply)}`;
  const nl = reply.language === 'nl';
  return {
    ...reply,
    blocks: [
      ...reply.blocks,
      {
        kind: 'actions',
        buttons: [
          { id: FEEDBACK_HELPFUL, label: nl ? '👍 Nuttig' : '👍 Helpful', value, command: 'feedback 👍' },
          { id: FEEDBACK_NOT_HELPFUL, label: nl ? '👎 Niet nuttig' : '👎 Not helpful', value, command: 'feedback 👎' },
        ],
      },
    ],
  };
}

export const FEEDBACK_COMMENT = 'feedback.comment';

/** Subject of feedback typed as a chat command, not tied to one answer. */
export const CHAT_SUBJECT = 'chat';

/** The longest comment kept; longer ones are cut (the router already refuses very long messages). */
const MAX_COMMENT = 1000;

const VALUE = /^(nl|en)\|((?:question|deadline|calculation):[0-9a-f]{12})$/;
const COMMENT_VALUE = /^(nl|en)\|((?:question|deadline|calculation):[0-9a-f]{12}|chat)\|([01])$/;

/**
 * Feedback for review (`contractbot feedback list`), the same on every platform:
 * - the 👍/👎 buttons under answers (`feedback.helpful`, `feedback.not_helpful`): stored, then a
 *   field to add a comment (`feedback.comment`, the typed text arrives as the message text);
 * - the chat command `feedback 👍|👎 [comment]` (the terminal, or anyone typing it).
 * Only the conversation (no user id), the verdict, the subject, the time and the privacy-guarded
 * comment are stored.
 */
export const feedbackHandler: Handler = {
  intent: 'unknown',
  actionPrefix: 'feedback.',
  handle: async (message, understanding, context) => {
    const routerLanguage = understanding.language;
    if (!message.action) return typedFeedback(message, understanding.feedback ?? '', context, routerLanguage);
    const id = message.action.id;
    if (id === FEEDBACK_COMMENT) return commentFeedback(message, context, routerLanguage);
    const parsed = VALUE.exec(message.action.value ?? '');
    const language: Language = (parsed?.[1] as Language | undefined) ?? routerLanguage;
    const helpful = id === FEEDBACK_HELPFUL ? true : id === FEEDBACK_NOT_HELPFUL ? false : undefined;
    if (!parsed || helpful === undefined) return notRecognised(language);
    const subject = parsed[2]!;
    await save(message, context, { helpful, subject });
    const nl = language === 'nl';
    const text = nl
      ? helpful
        ? 'Dank je, fijn dat het hielp. Je feedback is opgeslagen.'
        : 'Dank je, je feedback is opgeslagen. Probeer je vraag specifieker te stellen, of bekijk de genoemde bron.'
      : helpful
        ? 'Thanks, glad it helped. Your feedback has been saved.'
        : 'Thanks, your feedback has been saved. Try asking more specifically, or check the cited source.';
    const verdict = helpful ? '👍' : '👎';
    return makeReply('unknown', language, [
      { kind: 'text', markdown: text },
      {
        kind: 'input',
        id: FEEDBACK_COMMENT,
        label: nl ? 'Wil je er iets bij zeggen? (optioneel)' : 'Anything to add? (optional)',
        placeholder: nl ? 'Wat ontbrak of klopte niet?' : 'What was missing or wrong?',
        submitLabel: nl ? 'Versturen' : 'Send',
        value: `${language}|${subject}|${helpful ? 1 : 0}`,
        command: `feedback ${verdict} <${nl ? 'opmerking' : 'comment'}>`,
      },
    ]);
  },
};

async function commentFeedback(message: IncomingMessage, context: HandlerContext, routerLanguage: Language): Promise<Reply> {
  const parsed = COMMENT_VALUE.exec(message.action?.value ?? '');
  const language: Language = (parsed?.[1] as Language | undefined) ?? routerLanguage;
  if (!parsed) return notRecognised(language);
  const comment = message.text.trim();
  const nl = language === 'nl';
  if (comment === '') {
    return makeReply('unknown', language, [{ kind: 'text', markdown: nl ? 'Er stond niets in het opmerkingenveld; er is niets opgeslagen.' : 'The comment field was empty; nothing was saved.' }]);
  }
  await save(message, context, { helpful: parsed[3] === '1', subject: parsed[2]!, comment });
  return makeReply('unknown', language, [{ kind: 'text', markdown: nl ? 'Dank je, je opmerking is opgeslagen.' : 'Thanks, your comment has been saved.' }]);
}

async function typedFeedback(message: IncomingMessage, rest: string, context: HandlerContext, language: Language): Promise<Reply> {
  const nl = language === 'nl';
  const { helpful, comment } = readVerdict(context.knowledge.chatCommands, rest);
  if (helpful === undefined) {
    return makeReply('unknown', language, [
      {
        kind: 'text',
        markdown: nl
          ? 'Zeg wat je ervan vond: `feedback 👍` of `feedback 👎`, eventueel met een opmerking, bijvoorbeeld `feedback 👎 de bron ontbrak`.'
          : 'Say what you thought: `feedback 👍` or `feedback 👎`, optionally with a comment, e.g. `feedback 👎 the source was missing`.',
      },
    ]);
  }
  await save(message, context, { helpful, subject: CHAT_SUBJECT, ...(comment ? { comment } : {}) });
  return makeReply('unknown', language, [{ kind: 'text', markdown: nl ? 'Dank je, je feedback is opgeslagen.' : 'Thanks, your feedback has been saved.' }]);
}

async function save(message: IncomingMessage, context: HandlerContext, feedback: { helpful: boolean; subject: string; comment?: string }): Promise<void> {
  const store = await context.store();
  const comment = feedback.comment === undefined ? undefined : feedback.comment.slice(0, MAX_COMMENT);
  await store.saveFeedback({ address: conversationOnly(message.address), helpful: feedback.helpful, subject: feedback.subject, at: context.now.toISOString(), ...(comment ? { comment } : {}) });
  context.log.info('feedback stored', { helpful: feedback.helpful, subject: feedback.subject, comment: comment !== undefined });
}

function notRecognised(language: Language): Reply {
  return makeReply('unknown', language, [
    { kind: 'text', markdown: language === 'nl' ? 'Deze feedbackknop wordt niet herkend.' : 'That feedback button is not recognised.' },
  ]);
}

function conversationOnly(address: Address): Address {
  return address.threadId
    ? { platform: address.platform, conversationId: address.conversationId, threadId: address.threadId }
    : { platform: address.platform, conversationId: address.conversationId };
}

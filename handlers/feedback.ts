import { createHash } from 'node:crypto';
import type { Handler } from './handler.js';
import { messages } from './messages/messages.js';
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
  const t = messages(reply.language).feedback;
  return {
    ...reply,
    blocks: [
      ...reply.blocks,
      {
        kind: 'actions',
        buttons: [
          { id: FEEDBACK_HELPFUL, label: t.helpful, value, command: 'feedback 👍' },
          { id: FEEDBACK_NOT_HELPFUL, label: t.notHelpful, value, command: 'feedback 👎' },
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

/** What feedback can be about: an answer of these intents (`<intent>:<12 hex digits>`), or the chat itself. */
const SUBJECT_INTENTS = ['question', 'deadline', 'calculation'];
const SUBJECT_ID_LENGTH = 12;
const HEX = '0123456789abcdef';

function isLanguage(text: string | undefined): text is Language {
  return text === 'nl' || text === 'en';
}

function isAnswerSubject(subject: string | undefined): subject is string {
  const [intent, id, ...rest] = (subject ?? '').split(':');
  return rest.length === 0 && SUBJECT_INTENTS.includes(intent ?? '') && id !== undefined && id.length === SUBJECT_ID_LENGTH && [...id].every((c) => HEX.includes(c));
}

/** "nl|question:0123456789ab" (a 👍/👎 button) → its language and subject. */
function parseValue(value: string): { language: Language; subject: string } | undefined {
  const [language, subject, ...rest] = value.split('|');
  return rest.length === 0 && isLanguage(language) && isAnswerSubject(subject) ? { language, subject } : undefined;
}

/** "en|chat|1" (the comment field after a verdict) → its language, subject and verdict. */
function parseCommentValue(value: string): { language: Language; subject: string; helpful: boolean } | undefined {
  const [language, subject, verdict, ...rest] = value.split('|');
  if (rest.length > 0 || !isLanguage(language) || !(subject === CHAT_SUBJECT || isAnswerSubject(subject)) || (verdict !== '0' && verdict !== '1')) return undefined;
  return { language, subject, helpful: verdict === '1' };
}

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
    const parsed = parseValue(message.action.value ?? '');
    const language: Language = parsed?.language ?? routerLanguage;
    const helpful = id === FEEDBACK_HELPFUL ? true : id === FEEDBACK_NOT_HELPFUL ? false : undefined;
    if (!parsed || helpful === undefined) return notRecognised(language);
    const subject = parsed.subject;
    await save(message, context, { helpful, subject });
    const t = messages(language).feedback;
    const text = helpful ? t.savedHelpful : t.savedNotHelpful;
    const verdict = helpful ? '👍' : '👎';
    return makeReply('unknown', language, [
      { kind: 'text', markdown: text },
      {
        kind: 'input',
        id: FEEDBACK_COMMENT,
        label: t.commentLabel,
        placeholder: t.commentPlaceholder,
        submitLabel: t.send,
        value: `${language}|${subject}|${helpful ? 1 : 0}`,
        command: `feedback ${verdict} <${t.commentWord}>`,
      },
    ]);
  },
};

async function commentFeedback(message: IncomingMessage, context: HandlerContext, routerLanguage: Language): Promise<Reply> {
  const parsed = parseCommentValue(message.action?.value ?? '');
  const language: Language = parsed?.language ?? routerLanguage;
  if (!parsed) return notRecognised(language);
  const comment = message.text.trim();
  const t = messages(language).feedback;
  if (comment === '') {
    return makeReply('unknown', language, [{ kind: 'text', markdown: t.commentEmpty }]);
  }
  await save(message, context, { helpful: parsed.helpful, subject: parsed.subject, comment });
  return makeReply('unknown', language, [{ kind: 'text', markdown: t.commentSaved }]);
}

async function typedFeedback(message: IncomingMessage, rest: string, context: HandlerContext, language: Language): Promise<Reply> {
  const t = messages(language).feedback;
  const { helpful, comment } = readVerdict(context.knowledge.chatCommands, rest);
  if (helpful === undefined) {
    return makeReply('unknown', language, [
      {
        kind: 'text',
        markdown: t.howTo,
      },
    ]);
  }
  await save(message, context, { helpful, subject: CHAT_SUBJECT, ...(comment ? { comment } : {}) });
  return makeReply('unknown', language, [{ kind: 'text', markdown: t.saved }]);
}

async function save(message: IncomingMessage, context: HandlerContext, feedback: { helpful: boolean; subject: string; comment?: string }): Promise<void> {
  const store = await context.store();
  const comment = feedback.comment === undefined ? undefined : feedback.comment.slice(0, MAX_COMMENT);
  await store.saveFeedback({ address: conversationOnly(message.address), helpful: feedback.helpful, subject: feedback.subject, at: context.now.toISOString(), ...(comment ? { comment } : {}) });
  context.log.info('feedback stored', { helpful: feedback.helpful, subject: feedback.subject, comment: comment !== undefined });
}

function notRecognised(language: Language): Reply {
  return makeReply('unknown', language, [
    { kind: 'text', markdown: messages(language).feedback.buttonUnknown },
  ]);
}

function conversationOnly(address: Address): Address {
  return address.threadId
    ? { platform: address.platform, conversationId: address.conversationId, threadId: address.threadId }
    : { platform: address.platform, conversationId: address.conversationId };
}

import { createHash } from 'node:crypto';
import type { Handler } from './handler.js';
import { makeReply } from './reply.js';
import type { Address, Intent, Language, Reply } from './types.js';

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
          { id: FEEDBACK_HELPFUL, label: nl ? '👍 Nuttig' : '👍 Helpful', value },
          { id: FEEDBACK_NOT_HELPFUL, label: nl ? '👎 Niet nuttig' : '👎 Not helpful', value },
        ],
      },
    ],
  };
}

const VALUE = /^(nl|en)\|((?:question|deadline|calculation):[0-9a-f]{12})$/;

/**
 * Stores "Was this helpful?" clicks for review (`listFeedback`). Only the conversation (no user id),
 * the verdict, the subject and the time are stored. Reached only through `feedback.*` actions.
 */
export const feedbackHandler: Handler = {
  intent: 'unknown',
  actionPrefix: 'feedback.',
  match: () => 0,
  handle: async (message, context, routerLanguage) => {
    const id = message.action?.id;
    const parsed = VALUE.exec(message.action?.value ?? '');
    const language: Language = (parsed?.[1] as Language | undefined) ?? routerLanguage;
    const helpful = id === FEEDBACK_HELPFUL ? true : id === FEEDBACK_NOT_HELPFUL ? false : undefined;
    if (!parsed || helpful === undefined) {
      return makeReply('unknown', language, [
        { kind: 'text', markdown: language === 'nl' ? 'Deze feedbackknop wordt niet herkend.' : 'That feedback button is not recognised.' },
      ]);
    }
    const store = await context.store();
    await store.saveFeedback({ address: conversationOnly(message.address), helpful, subject: parsed[2]!, at: context.now.toISOString() });
    context.log.info('feedback stored', { helpful, subject: parsed[2]! });
    const text =
      language === 'nl'
        ? helpful
          ? 'Dank je, fijn dat het hielp. Je feedback is opgeslagen.'
          : 'Dank je, je feedback is opgeslagen. Probeer je vraag specifieker te stellen, of bekijk de genoemde bron.'
        : helpful
          ? 'Thanks, glad it helped. Your feedback has been saved.'
          : 'Thanks, your feedback has been saved. Try asking more specifically, or check the cited source.';
    return makeReply('unknown', language, [{ kind: 'text', markdown: text }]);
  },
};

function conversationOnly(address: Address): Address {
  return address.threadId
    ? { platform: address.platform, conversationId: address.conversationId, threadId: address.threadId }
    : { platform: address.platform, conversationId: address.conversationId };
}

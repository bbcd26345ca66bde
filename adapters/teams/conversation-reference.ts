import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { Address } from '../../handlers/types.js';
import { splitConversationId } from './to-incoming.js';

const account = z.object({ id: z.string().min(1), name: z.string().optional() }).passthrough();

/** What a stored reference must contain to continue a conversation; anything else is unusable. */
const storedReference = z
  .object({
    channelId: z.string().min(1),
    serviceUrl: z.string().url(),
    bot: account,
    conversation: z.object({ id: z.string().min(1) }).passthrough(),
    user: account.optional(),
    locale: z.string().optional(),
  })
  .passthrough();

/** The store key of a Teams conversation: platform and conversation id, no thread or user. */
export function conversationAddress(address: Address): Address {
  return { platform: 'teams', conversationId: splitConversationId(address.conversationId).base };
}

/**
 * The reference to keep for proactive messages: botbuilder's `TurnContext.getConversationReference`
 * for the conversation itself (thread suffix and triggering activity removed), as plain JSON.
 */
export function storableReference(activity: Partial<Activity>): Partial<ConversationReference> {
  const reference = TurnContext.getConversationReference(activity);
  const conversationId = splitConversationId(reference.conversation?.id ?? '').base;
  const { activityId: _activityId, ...rest } = reference;
  return JSON.parse(JSON.stringify({ ...rest, conversation: { ...reference.conversation, id: conversationId } })) as Partial<ConversationReference>;
}

/**
 * A stored reference made ready for `continueConversationAsync`, pointed at the address's channel
 * thread when it has one; undefined when the stored JSON is not a usable reference.
 */
export function referenceFor(stored: unknown, address: Address): ConversationReference | undefined {
  const parsed = storedReference.safeParse(stored);
  if (!parsed.success) return undefined;
  const reference = parsed.data as unknown as ConversationReference;
  const base = splitConversationId(reference.conversation.id).base;
  const id = address.threadId ? `${base};messageid=${address.threadId}` : base;
  return { ...reference, conversation: { ...reference.conversation, id } };
}

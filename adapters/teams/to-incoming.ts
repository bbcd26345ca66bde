import { TurnContext, type Activity } from 'botbuilder';
import { z } from 'zod';
import type { Address, IncomingMessage } from '../../handlers/types.js';

const submitValue = z.object({
  action: z.object({ id: z.string().min(1).max(100), value: z.string().max(500).optional() }),
  /** The card's input field (see render-adaptive-card `INPUT_TEXT_ID`), when it has one. */
  text: z.string().max(4000).optional(),
});

/** `value` of an `adaptiveCard/action` invoke (Universal Actions, Action.Execute). */
const executeValue = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().max(100).optional(),
    data: z.unknown().optional(),
  }),
});

/**
 * Splits a Teams conversation id into the conversation and the channel thread it names:
 * `19:abc@thread.tacv2;messageid=1700000000000` → base `19:abc@thread.tacv2`, thread `1700000000000`.
 */
export function splitConversationId(id: string): { base: string; messageId?: string } {
  const [base = id, ...params] = id.split(';');
  const messageId = params.find((p) => p.startsWith('messageid='))?.slice('messageid='.length);
  return messageId ? { base, messageId } : { base };
}

/**
 * The neutral address of an activity: the conversation without the thread suffix (personal chat,
 * group chat or channel); for channels also the thread the message belongs to, so replies and
 * thread-bound reminders land there; the sender's AAD object id (or channel account id).
 */
export function teamsAddress(activity: Partial<Activity>): Address {
  const conversation = activity.conversation?.id ?? '';
  const { base, messageId } = splitConversationId(conversation);
  const isChannel = activity.conversation?.conversationType === 'channel';
  const threadId = isChannel ? (messageId ?? activity.replyToId ?? activity.id) : undefined;
  const userId = activity.from?.aadObjectId ?? activity.from?.id;
  return {
    platform: 'teams',
    conversationId: base,
    ...(threadId ? { threadId } : {}),
    ...(userId ? { userId } : {}),
  };
}

/**
 * The user's text without the bot's @mention (botbuilder's `TurnContext.removeRecipientMention`,
 * applied to a copy and to every repetition), other mentions reduced to the plain name, and the
 * few HTML entities Teams puts in plain text decoded.
 */
export function messageText(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  if (activity.recipient?.id && text && Array.isArray(activity.entities)) {
    const copy = { ...activity, text } as Activity;
    try {
      let previous: string;
      do {
        previous = copy.text;
        TurnContext.removeRecipientMention(copy);
      } while (copy.text !== previous && copy.text.length > 0);
      text = copy.text;
    } catch {
      // Malformed mention entities: the markup stripping below still removes `<at>` tags.
    }
  }
  const botName = activity.recipient?.name;
  if (botName) text = text.split(`<at>${botName}</at>`).join(' ');
  text = text.replace(/<at>(.*?)<\/at>/g, '$1');
  text = text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  return text.replace(/[ \t]+/g, ' ').trim();
}

/**
 * Translates a Teams message activity into the core's {@link IncomingMessage}: an Action.Submit
 * (value `{ action: { id, value } }`) becomes an action, anything else text without the mention.
 * Returns undefined for a submit whose value does not have that shape.
 */
export function toIncoming(activity: Partial<Activity>, receivedAt: Date): IncomingMessage | undefined {
  const address = teamsAddress(activity);
  const userName = activity.from?.name;
  const named = userName ? { userName } : {};
  if (activity.value !== undefined && activity.value !== null) {
    const parsed = submitValue.safeParse(activity.value);
    if (!parsed.success) return undefined;
    return submitToIncoming(address, parsed.data, receivedAt, named);
  }
  const direct = activity.conversation?.conversationType === 'personal' ? { direct: true } : {};
  return { address, text: messageText(activity), receivedAt, ...named, ...direct };
}

/**
 * An Action.Execute invoke (`adaptiveCard/action`): the same action as the Action.Submit it
 * stands for. Its `data` is our `{ action: { id, value }, text? }` (input values are merged into
 * it); a card that only names a `verb` gives that verb as the action id. Undefined otherwise.
 */
export function executeToIncoming(activity: Partial<Activity>, receivedAt: Date): IncomingMessage | undefined {
  const parsed = executeValue.safeParse(activity.value);
  if (!parsed.success) return undefined;
  const address = teamsAddress(activity);
  const named = activity.from?.name ? { userName: activity.from.name } : {};
  const data = submitValue.safeParse(parsed.data.action.data);
  if (data.success) return submitToIncoming(address, data.data, receivedAt, named);
  const verb = parsed.data.action.verb;
  if (!verb) return undefined;
  const raw = parsed.data.action.data as { value?: unknown; text?: unknown } | undefined;
  const value = typeof raw?.value === 'string' ? raw.value.slice(0, 500) : undefined;
  const text = typeof raw?.text === 'string' ? raw.text.slice(0, 4000) : '';
  return { address, text, action: value === undefined ? { id: verb } : { id: verb, value }, receivedAt, ...named };
}

function submitToIncoming(address: Address, data: z.infer<typeof submitValue>, receivedAt: Date, named: { userName?: string }): IncomingMessage {
  const { id, value } = data.action;
  return { address, text: data.text ?? '', action: value === undefined ? { id } : { id, value }, receivedAt, ...named };
}

import type { Address, IncomingMessage } from '../../handlers/types.js';
import { normalizeSlackText } from './normalize-slack-text.js';
import type { SlackFilePayload } from './slack-file.js';
import { actionIdFromSlack, INPUT_BLOCK_PREFIX } from './render-block-kit.js';

/** The fields of a slash command payload this adapter reads. */
export interface SlashCommandPayload {
  readonly text: string;
  readonly channel_id: string;
  readonly user_id: string;
}

/** The fields of an `app_mention` or `message` event this adapter reads. */
export interface MessageEventPayload {
  readonly type: string;
  readonly channel: string;
  readonly channel_type?: string;
  readonly user?: string;
  readonly bot_id?: string;
  readonly subtype?: string;
  readonly text?: string;
  readonly ts: string;
  readonly thread_ts?: string;
  /** Files shared with the message (`subtype: 'file_share'`). */
  readonly files?: readonly SlackFilePayload[];
}

/** The fields of a `block_actions` payload this adapter reads. */
export interface BlockActionsPayload {
  readonly user: { readonly id: string; readonly name?: string; readonly username?: string };
  readonly channel?: { readonly id: string };
  readonly container?: { readonly type?: string; readonly channel_id?: string; readonly message_ts?: string; readonly thread_ts?: string };
  readonly message?: { readonly ts: string; readonly thread_ts?: string };
}

/** The fields of one action (a pressed button, or Enter in a one-line input field). */
export interface ButtonActionPayload {
  readonly type?: string;
  readonly action_id: string;
  readonly block_id?: string;
  readonly value?: string;
}

/** `/contract <text>`: the channel (or DM) it was typed in; slash commands carry no thread. */
export function commandToIncoming(command: SlashCommandPayload, receivedAt: Date): IncomingMessage {
  return {
    address: { platform: 'slack', conversationId: command.channel_id, userId: command.user_id },
    text: normalizeSlackText(command.text),
    receivedAt,
  };
}

/**
 * A mention in a channel, or a direct message. The reply goes to the event's thread: the existing
 * thread for a message inside one, otherwise a new thread under the mention; a top-level DM stays
 * top-level.
 */
export function messageToIncoming(event: MessageEventPayload, botUserId: string | undefined, receivedAt: Date): IncomingMessage {
  const threadId = event.type === 'app_mention' ? (event.thread_ts ?? event.ts) : event.thread_ts;
  const address: Address = {
    platform: 'slack',
    conversationId: event.channel,
    ...(threadId ? { threadId } : {}),
    ...(event.user ? { userId: event.user } : {}),
  };
  return { address, text: normalizeSlackText(event.text ?? '', botUserId), receivedAt, ...(event.channel_type === 'im' ? { direct: true } : {}) };
}

/** Message subtypes that are still a person writing (everything else — edits, joins, bots — is ignored). */
const USER_SUBTYPES: ReadonlySet<string | undefined> = new Set([undefined, 'file_share', 'thread_broadcast']);

/** True for a message a person sent in a direct conversation with the bot. */
export function isDirectUserMessage(event: MessageEventPayload, botUserId: string | undefined): boolean {
  if (event.type !== 'message' || event.channel_type !== 'im') return false;
  return isFromPerson(event, botUserId);
}

/** Slack's own system user (Slackbot) writes in DMs too: tips, reminders, notices. Never a question. */
const SYSTEM_USERS: ReadonlySet<string> = new Set(['USLACKBOT']);

/** True when the event was written by a person (not this bot, not another bot or Slackbot, not a system subtype). */
export function isFromPerson(event: MessageEventPayload, botUserId: string | undefined): boolean {
  if (!USER_SUBTYPES.has(event.subtype)) return false;
  if (event.bot_id || !event.user || SYSTEM_USERS.has(event.user)) return false;
  return event.user !== botUserId;
}

/**
 * A button press. The address is where the button's message lives (with its thread), so replies and
 * stored state land in the same conversation; undefined for surfaces without a conversation (App Home).
 */
export function actionToIncoming(body: BlockActionsPayload, action: ButtonActionPayload, receivedAt: Date): IncomingMessage | undefined {
  const channel = body.channel?.id ?? body.container?.channel_id;
  if (!channel) return undefined;
  const threadId = body.message?.thread_ts ?? body.container?.thread_ts;
  const userName = body.user.name ?? body.user.username;
  const common = {
    address: { platform: 'slack' as const, conversationId: channel, ...(threadId ? { threadId } : {}), userId: body.user.id },
    receivedAt,
    ...(userName ? { userName } : {}),
  };
  if (action.type === 'plain_text_input') {
    // The field's own value rides in the block id (see render-block-kit `renderInput`); the typed text is the message.
    const value = action.block_id?.startsWith(INPUT_BLOCK_PREFIX) ? action.block_id.slice(INPUT_BLOCK_PREFIX.length) : undefined;
    return { ...common, text: action.value ?? '', action: { id: actionIdFromSlack(action.action_id), ...(value !== undefined ? { value } : {}) } };
  }
  if (action.type !== undefined && action.type !== 'button') return undefined;
  return { ...common, text: '', action: { id: actionIdFromSlack(action.action_id), ...(action.value !== undefined ? { value: action.value } : {}) } };
}

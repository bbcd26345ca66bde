import type { App } from '@slack/bolt';
import { APP_WELCOME } from '../../handlers/app-home.js';
import { parseChecklistToggleValue } from '../../handlers/checklist-action.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { Logger } from '../../handlers/logger.js';
import type { Store } from '../../handlers/store.js';
import type { FetchedFile, IncomingMessage, Language, Reply } from '../../handlers/types.js';
import { makeReply } from '../../handlers/reply.js';
import { postMessages } from './post-messages.js';
import { publishHome } from './publish-home.js';
import { pageHolding, renderBlockKit, renderBlockKitPages, type SlackMessage } from './render-block-kit.js';
import { withPageButtons } from './page-buttons.js';
import { PAGE_GONE, PagedReplies, parsePageAction } from '../paged-replies.js';
import { readSlackFiles, slackFileName, type SlackFilePayload, type SlackFileResult } from './slack-file.js';
import type { SlackWebClient } from './slack-web-client.js';
import {
  actionToIncoming,
  commandToIncoming,
  isDirectUserMessage,
  isFromPerson,
  messageToIncoming,
  type MessageEventPayload,
} from './to-incoming.js';

/** How long a message (channel + ts) is remembered as answered: Slack allows edits for a long time. */
const MESSAGE_KEEP_MS = 7 * 24 * 60 * 60 * 1000;

export interface ListenerDeps {
  readonly handle: (message: IncomingMessage) => Promise<Reply>;
  readonly clock: () => Date;
  readonly store: () => Promise<Store>;
  readonly knowledge: () => KnowledgeBase;
  readonly log: Logger;
  readonly botUserId: string;
  /** Fetches a file shared in a DM with the bot token (see `downloadSlackFile`). */
  readonly downloadFile: (file: SlackFilePayload, client: SlackWebClient) => Promise<SlackFileResult>;
  /** Long replies kept for their page buttons (default: a new, bounded store). */
  readonly paged?: PagedReplies;
}

/** How long "welcome" is remembered per user: the first DM or App Home visit gets it, later ones not. */
const WELCOME_KEEP_MS = 5 * 365 * 24 * 60 * 60 * 1000;

/**
 * Wires Bolt to the core (translation only; what to answer is the core's):
 * - any slash command of this app (`/contract …`): acknowledged first, answered via the response URL;
 * - `app_mention` in a channel: answered in the mention's thread; a direct message: answered in the DM;
 * - button presses (`block_actions`): routed as actions; `replaceOriginal` replies update the message;
 * - `app_home_opened`: publishes the App Home.
 * Listener errors are logged without user text; the user gets a short apology where possible.
 */
export function registerListeners(app: App, deps: ListenerDeps): void {
  const { log, clock, botUserId } = deps;
  const paged = deps.paged ?? new PagedReplies();

  /** True the first time this process family sees `key` within `keepMs` (store shared by replicas); true when the store fails. */
  const firstTime = async (key: string, keepMs: number): Promise<boolean> => {
    try {
      return await (await deps.store()).claimOnce(key, clock(), keepMs);
    } catch (error) {
      log.warn('slack: could not record a once-key; processing anyway', { error: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
      return true;
    }
  };

  /** Posts the core's welcome once per user (first DM or App Home visit). */
  const welcomeOnce = async (userId: string, channel: string, client: SlackWebClient): Promise<void> => {
    if (!(await firstTime(`slack:welcome:${userId}`, WELCOME_KEEP_MS))) return;
    const reply = await handleSafely(deps, { address: { platform: 'slack', conversationId: channel, userId }, text: '', action: { id: APP_WELCOME }, receivedAt: clock() });
    await postMessages(client, channel, undefined, renderBlockKit(reply));
  };

  /**
   * A mention or a direct message: answered in its thread (see {@link messageToIncoming}), once per
   * message: Slack re-sends a mention the user edited with a new event id and the same `ts`.
   */
  /**
   * The messages to post for a reply: all of them when it fits in one, else its first page with
   * "next" / "show all" buttons (the reply kept in {@link PagedReplies} for those buttons).
   */
  const firstPage = (reply: Reply): SlackMessage[] => {
    const pages = renderBlockKitPages(reply);
    if (pages.length <= 1) return pages;
    return [withPageButtons(pages[0]!, paged.keep(reply), 0, pages.length, reply.language)];
  };

  const answerMessage = async (e: MessageEventPayload, client: SlackWebClient): Promise<void> => {
    if (!(await firstTime(`slack:message:${e.channel}:${e.ts}`, MESSAGE_KEEP_MS))) {
      log.info('slack: message already answered (edited or re-sent)', {});
      return;
    }
    if (e.channel_type === 'im' && e.user) await welcomeOnce(e.user, e.channel, client);
    const message = messageToIncoming(e, botUserId, clock());
    if (e.channel_type === 'im' && e.subtype === 'file_share' && e.files && e.files.length > 0) {
      for (const file of e.files) await answerFile(message, file, client);
      return;
    }
    const reply = await handleSafely(deps, message);
    await postMessages(client, e.channel, message.address.threadId, firstPage(reply));
  };

  /**
   * A file shared in a DM: handed to the core with a way to fetch it; the core downloads it (with
   * the bot token) only for a sender who may add documents, so nobody else's file is ever fetched.
   */
  const answerFile = async (message: IncomingMessage, file: SlackFilePayload, client: SlackWebClient): Promise<void> => {
    const fetch = async (): Promise<FetchedFile> => {
      const fetched = await deps.downloadFile(file, client);
      if (fetched.kind === 'ok') return { kind: 'ok', name: fetched.name, bytes: fetched.bytes, ...(fetched.mimeType ? { mimeType: fetched.mimeType } : {}) };
      log.warn('slack: shared file not downloaded', { reason: fetched.kind, detail: fetched.kind === 'failed' ? fetched.detail : `over ${fetched.limit} bytes` });
      return { kind: fetched.kind };
    };
    const incoming: IncomingMessage = { ...message, file: { name: slackFileName(file), ...(file.mimetype ? { mimeType: file.mimetype } : {}), fetch } };
    const reply = await handleSafely(deps, incoming);
    await postMessages(client, message.address.conversationId, message.address.threadId, firstPage(reply));
  };

  app.command(/^\/.+/, async ({ command, ack, respond }) => {
    await ack();
    const message = commandToIncoming(command, clock());
    const reply = await handleSafely(deps, message);
    const responseType = commandResponseType(reply);
    for (const m of firstPage(reply)) {
      await respond({ response_type: responseType, replace_original: false, ...payload(m) });
    }
  });

  app.event('app_mention', async ({ event, client }) => {
    const e = readMessageEvent(event);
    // Direct messages arrive as `message.im`; answering the mention too would answer twice.
    if (!e || e.channel_type === 'im' || e.channel.startsWith('D') || !isFromPerson(e, botUserId)) return;
    await answerMessage(e, client);
  });

  app.event('message', async ({ event, client }) => {
    const e = readMessageEvent(event);
    if (!e || !isDirectUserMessage(e, botUserId)) return;
    await answerMessage(e, client);
  });

  app.action({ type: 'block_actions' }, async ({ body, action, ack, respond, client }) => {
    await ack();
    if (body.type !== 'block_actions') return;
    const message = actionToIncoming(body, action, clock());
    if (!message) return; // a button outside a conversation (App Home): nothing to route yet
    const messageTs = body.container?.message_ts ?? body.message?.ts;
    const replace = async (m: SlackMessage): Promise<void> => {
      if (respond) await respond({ replace_original: true, ...payload(m) });
      else if (messageTs) await client.chat.update({ channel: message.address.conversationId, ts: messageTs, ...payload(m) });
    };
    const ephemeral = async (m: SlackMessage): Promise<void> => {
      if (respond) await respond({ response_type: 'ephemeral', replace_original: false, ...payload(m) });
      else {
        await client.chat.postEphemeral({
          channel: message.address.conversationId,
          user: body.user.id,
          ...(message.address.threadId ? { thread_ts: message.address.threadId } : {}),
          ...payload(m),
        });
      }
    };
    const pageRequest = parsePageAction(message.action);
    if (pageRequest) {
      // "next" / "show all": the pressed page loses its buttons, the next page (or all the rest) follows it.
      const kept = paged.get(pageRequest.id);
      if (!kept) {
        await ephemeral({ text: PAGE_GONE, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: PAGE_GONE } }] });
        return;
      }
      const pages = renderBlockKitPages(kept);
      const pressed = pages[pageRequest.page - 1];
      if (pressed) await replace(pressed);
      const shown = pageRequest.all ? pages.slice(pageRequest.page) : pages.slice(pageRequest.page, pageRequest.page + 1).map((p) => withPageButtons(p, pageRequest.id, pageRequest.page, pages.length, kept.language));
      if (body.container?.is_ephemeral) for (const m of shown) await ephemeral(m);
      else await postMessages(client, message.address.conversationId, message.address.threadId, shown);
      return;
    }
    const reply = await handleSafely(deps, message);
    if (reply.replaceOriginal) {
      // A tick updates the page holding its item, buttons included when the reply is paged.
      const pages = renderBlockKitPages(reply);
      const index = pageHolding(pages, parseChecklistToggleValue(message.action?.value)?.itemId);
      const page = pages[index];
      if (!page) return;
      await replace(pages.length > 1 ? withPageButtons(page, paged.keep(reply), index, pages.length, reply.language) : page);
      return;
    }
    for (const m of firstPage(reply)) {
      await ephemeral(m);
    }
  });

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.channel) await welcomeOnce(event.user, event.channel, client);
    if (event.tab !== 'home') return;
    await publishHome({ client, userId: event.user, channel: event.channel, now: clock(), log, handle: (m) => handleSafely(deps, m) });
  });

  app.error(async (error) => {
    const e = error as { code?: string; message?: string; original?: { message?: string } };
    log.error('slack: listener failed', { code: e.code ?? 'unknown', error: (e.original?.message ?? e.message ?? '').slice(0, 300) });
  });
}

/**
 * Who sees a slash-command answer: the channel for answers, only the asker for help, "not
 * understood" and anything the privacy guard flagged (an in-channel response would echo the command
 * text, personal data included, to everyone).
 */
export function commandResponseType(reply: Reply): 'in_channel' | 'ephemeral' {
  if (reply.warnings && reply.warnings.length > 0) return 'ephemeral';
  return reply.intent === 'help' || reply.intent === 'unknown' ? 'ephemeral' : 'in_channel';
}

async function handleSafely(deps: ListenerDeps, message: IncomingMessage): Promise<Reply> {
  try {
    return await deps.handle(message);
  } catch (error) {
    deps.log.error('slack: the core failed', { error: error instanceof Error ? error.name : 'unknown' });
    const language: Language = 'nl';
    return makeReply('unknown', language, [
      { kind: 'text', markdown: 'Er ging iets mis bij het beantwoorden; probeer het later nog eens. / Something went wrong; please try again later.' },
    ]);
  }
}

function payload(m: SlackMessage): { text: string; blocks: SlackMessage['blocks'] } {
  return { text: m.text, blocks: m.blocks };
}

/** The message-like fields of an Events API event, checked at runtime (Bolt's union types are wide). */
function readMessageEvent(event: unknown): MessageEventPayload | undefined {
  if (typeof event !== 'object' || event === null) return undefined;
  const e = event as Record<string, unknown>;
  if (typeof e.type !== 'string' || typeof e.channel !== 'string' || typeof e.ts !== 'string') return undefined;
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  return {
    type: e.type,
    channel: e.channel,
    ts: e.ts,
    channel_type: str(e.channel_type),
    user: str(e.user),
    bot_id: str(e.bot_id),
    subtype: str(e.subtype),
    text: str(e.text),
    thread_ts: str(e.thread_ts),
    files: readSlackFiles(e.files),
  };
}

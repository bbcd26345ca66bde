import { personalConversationId } from '../../handlers/address-key.js';
import { TeamsActivityHandler, type Activity, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type InvokeResponse, type TurnContext } from 'botbuilder';
import { APP_WELCOME } from '../../handlers/app-home.js';
import { parseChecklistToggleValue } from '../../handlers/checklist-action.js';
import type { Logger } from '../../handlers/logger.js';
import type { Store } from '../../handlers/store.js';
import type { FetchedFile, IncomingMessage, Reply } from '../../handlers/types.js';
import { BoundedSet } from './bounded-set.js';
import { conversationAddress, storableReference } from './conversation-reference.js';
import { PAGE_GONE, PagedReplies, parsePageAction, type PageRequest } from '../paged-replies.js';
import { renderTeamsPages, renderTeamsUpdate, teamsPageHolding } from './render-teams-message.js';
import { downloadTeamsFile, readTeamsFiles } from './teams-file.js';
import { executeToIncoming, teamsAddress, toIncoming } from './to-incoming.js';
import { unhandledInvokeResponse } from './unhandled-invoke.js';

export interface TeamsBotDeps {
  /** Long replies kept for their page buttons (default: a new, bounded store). */
  readonly paged?: PagedReplies;
  readonly handle: (message: IncomingMessage) => Promise<Reply>;
  readonly clock: () => Date;
  readonly store: () => Promise<Store>;
  readonly log: Logger;
}

/** Conversations whose reference this process stored recently: bounded, and re-stored daily. */
const REMEMBERED_CAPACITY = 10_000;
const REMEMBERED_TTL_MS = 24 * 60 * 60 * 1000;
/** The welcome is sent once per conversation (Teams sends installationUpdate and conversationUpdate for one install). */
const WELCOME_KEEP_MS = 5 * 365 * 24 * 60 * 60 * 1000;

const NOT_RECOGNISED = 'Deze knop wordt niet herkend. / That button is not recognised.';

/**
 * The bot's turn logic, translation only:
 * - messages (personal, group chat, channel) and Action.Submit card submits go to the core; a
 *   `replaceOriginal` reply updates the card the submit came from (the page with the ticked item);
 * - `adaptiveCard/action` invokes (Action.Execute, Universal Actions) do the same as the Submit
 *   they stand for and answer 200 with the refreshed card (or a message) as invoke response;
 *   every other invoke (messaging extensions, dialogs, tabs, sign-in, …) gets 200 with the
 *   smallest body Teams accepts for it ({@link unhandledInvokeResponse}), never 501;
 * - installation and membership events keep the conversation reference for proactive reminders
 *   (stored on install and first contact, deleted with the subscriptions disabled on removal), and
 *   an install gets the core's welcome once.
 */
export function createTeamsBot(deps: TeamsBotDeps): TeamsActivityHandler {
  const remembered = new BoundedSet(REMEMBERED_CAPACITY, REMEMBERED_TTL_MS);
  const paged = deps.paged ?? new PagedReplies();

  /**
   * Sends a reply: whole when it fits in one message (or is plain text, which carries no buttons),
   * else its first card with "next" / "show all" buttons, the reply kept for them.
   */
  const sendReply = async (context: TurnContext, reply: Reply): Promise<void> => {
    const pages = renderTeamsPages(reply);
    if (pages.messages.length > 1 && pages.cards) {
      await context.sendActivity(pages.withButtons(0, paged.keep(reply)));
      return;
    }
    for (const message of pages.messages) await context.sendActivity(message);
  };

  /**
   * A page button: the next card (with its own buttons) or all the rest is sent; returns the
   * pressed card without its buttons, for the caller to put in place (update or invoke response).
   */
  const showPages = async (context: TurnContext, request: PageRequest): Promise<Partial<Activity> | undefined> => {
    const kept = paged.get(request.id);
    if (!kept) {
      await context.sendActivity({ type: 'message', text: PAGE_GONE });
      return undefined;
    }
    const pages = renderTeamsPages(kept);
    const shown = request.all ? pages.messages.slice(request.page) : pages.messages[request.page] ? [pages.withButtons(request.page, request.id)] : [];
    for (const message of shown) await context.sendActivity(message);
    return pages.messages[request.page - 1];
  };

  /** The in-place update for a reply replacing the card an action came from: the page holding `itemId`, buttons included when paged. */
  const updateFor = (reply: Reply, itemId: string | undefined): Partial<Activity> => {
    const pages = renderTeamsPages(reply);
    if (pages.messages.length <= 1) return renderTeamsUpdate(reply, itemId);
    const index = teamsPageHolding(pages.messages, itemId);
    return pages.withButtons(index, paged.keep(reply));
  };

  const remember = async (context: TurnContext, force: boolean): Promise<void> => {
    const address = conversationAddress(teamsAddress(context.activity));
    const key = `${address.conversationId}\n${context.activity.serviceUrl}`;
    if (!force && remembered.has(key)) return;
    const store = await deps.store();
    const reference = storableReference(context.activity);
    await store.saveConversationReference(address, reference, deps.clock());
    // A personal chat is also kept under its user, so "remind me" in a channel can reach them there.
    const userId = context.activity.from?.aadObjectId ?? context.activity.from?.id;
    if (context.activity.conversation?.conversationType === 'personal' && userId) {
      await store.saveConversationReference({ platform: 'teams', conversationId: personalConversationId(userId) }, reference, deps.clock());
    }
    remembered.add(key);
    deps.log.info('teams conversation reference stored', { conversationType: context.activity.conversation.conversationType ?? 'unknown' });
  };

  const forget = async (context: TurnContext): Promise<void> => {
    const address = conversationAddress(teamsAddress(context.activity));
    const store = await deps.store();
    await store.deleteConversationReference(address);
    const disabled = await store.disableSubscriptionsFor(address);
    remembered.deletePrefix(`${address.conversationId}\n`);
    deps.log.info('teams bot removed from conversation', { subscriptionsDisabled: disabled });
  };

  const welcome = async (context: TurnContext): Promise<void> => {
    const address = conversationAddress(teamsAddress(context.activity));
    if (!(await (await deps.store()).claimOnce(`teams:welcome:${address.conversationId}`, deps.clock(), WELCOME_KEEP_MS))) return;
    const locale = (context.activity.locale ?? '').toLowerCase();
    const language = locale.startsWith('en') ? 'en' : locale.startsWith('nl') ? 'nl' : undefined;
    const reply = await deps.handle({ address, text: '', action: { id: APP_WELCOME, ...(language ? { value: language } : {}) }, receivedAt: deps.clock() });
    await sendReply(context, reply);
  };

  /** True the first time an activity id is seen (Teams re-sends on timeouts). */
  const firstDelivery = async (context: TurnContext): Promise<boolean> => {
    const activity = context.activity;
    if (!activity.id) return true;
    return (await deps.store()).markEventSeen(`teams:${activity.conversation.id}:${activity.id}`, deps.clock());
  };

  class ContractBotTeamsHandler extends TeamsActivityHandler {
    /** Every invoke gets an invoke response: botbuilder's 501 for the ones not handled here becomes a 200 Teams accepts. */
    protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
      const response = await super.onInvokeActivity(context);
      if (response.status !== 501) return response;
      deps.log.debug('teams invoke not handled; acknowledged', { name: context.activity.name ?? '(none)' });
      return unhandledInvokeResponse(context.activity.name);
    }

    protected override async onAdaptiveCardInvoke(context: TurnContext, _value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
      if (!(await firstDelivery(context))) return messageResponse('ok');
      await remember(context, false);
      const incoming = executeToIncoming(context.activity, deps.clock());
      if (!incoming?.action) {
        deps.log.warn('teams Action.Execute without an action', {});
        return messageResponse(NOT_RECOGNISED);
      }
      const pageRequest = parsePageAction(incoming.action);
      if (pageRequest) {
        const pressed = cardOf(await showPages(context, pageRequest));
        return pressed ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: pressed } : messageResponse(PAGE_GONE);
      }
      const reply = await deps.handle(incoming);
      if (reply.replaceOriginal) {
        const itemId = parseChecklistToggleValue(incoming.action.value)?.itemId;
        const card = cardOf(updateFor(reply, itemId));
        if (card) return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
      }
      await sendReply(context, reply);
      return messageResponse(reply.fallbackText.split('\n')[0]?.slice(0, 200) ?? '');
    }
  }
  const bot = new ContractBotTeamsHandler();

  bot.onMessage(async (context, next) => {
    const activity = context.activity;
    if (!(await firstDelivery(context))) {
      deps.log.debug('teams activity already handled', {});
      return next();
    }
    await remember(context, false);
    const incoming = toIncoming(activity, deps.clock());
    if (!incoming) {
      deps.log.warn('teams card submit without an action', {});
      await context.sendActivity({ type: 'message', text: NOT_RECOGNISED });
      return next();
    }
    const files = incoming.action ? [] : readTeamsFiles(activity);
    if (files.length > 0) {
      for (const file of files) {
        // The core fetches the file (with the bot's token on the connector) only for a sender who may
        // add documents: nobody else's attachment is ever downloaded.
        const fetch = async (): Promise<FetchedFile> => {
          const fetched = await downloadTeamsFile(file, () => botAuthorization(context));
          if (fetched.kind === 'ok') return { kind: 'ok', name: fetched.name, bytes: fetched.bytes, ...(fetched.mimeType ? { mimeType: fetched.mimeType } : {}) };
          deps.log.warn('teams: attached file not downloaded', { reason: fetched.kind, detail: fetched.kind === 'failed' ? fetched.detail : `over ${fetched.limit} bytes` });
          return { kind: fetched.kind };
        };
        const withFile: IncomingMessage = { ...incoming, file: { name: file.name, ...(file.mimeType ? { mimeType: file.mimeType } : {}), fetch } };
        await sendReply(context, await deps.handle(withFile));
      }
      return next();
    }
    const pageRequest = parsePageAction(incoming.action);
    if (pageRequest) {
      // "next" / "show all": the pressed card loses its buttons, the next card (or all the rest) follows.
      const pressed = await showPages(context, pageRequest);
      if (pressed && activity.replyToId) await context.updateActivity({ ...pressed, id: activity.replyToId });
      return next();
    }
    const reply = await deps.handle(incoming);
    if (incoming.action && reply.replaceOriginal && activity.replyToId) {
      const itemId = parseChecklistToggleValue(incoming.action.value)?.itemId;
      await context.updateActivity({ ...updateFor(reply, itemId), id: activity.replyToId });
    } else {
      await sendReply(context, reply);
    }
    return next();
  });

  bot.onInstallationUpdate(async (context, next) => {
    const action = context.activity.action;
    if (action === 'add' || action === 'add-upgrade') {
      await remember(context, true);
      await welcome(context);
    } else if (action === 'remove') await forget(context);
    return next();
  });

  bot.onConversationUpdate(async (context, next) => {
    const botId = context.activity.recipient?.id;
    if (botId && context.activity.membersRemoved?.some((m) => m.id === botId)) await forget(context);
    else if (botId && context.activity.membersAdded?.some((m) => m.id === botId)) {
      await remember(context, true);
      await welcome(context);
    }
    return next();
  });

  return bot;
}

/**
 * The `Authorization` header the bot's own connector calls carry (the credentials of this turn's
 * ConnectorClient), for attachment URLs on the Bot Connector; undefined without credentials
 * (emulator mode).
 */
async function botAuthorization(context: TurnContext): Promise<string | undefined> {
  const client = context.turnState.get(context.adapter.ConnectorClientKey) as { credentials?: { signRequest(resource: unknown): Promise<unknown> } } | undefined;
  if (!client?.credentials) return undefined;
  const headers = new Map<string, string>();
  // signRequest only sets the header on the resource it is given (TokenCredentials / AppCredentials).
  await client.credentials.signRequest({ headers: { set: (name: string, value: string) => headers.set(name.toLowerCase(), value) } });
  return headers.get('authorization');
}

/** The Adaptive Card of a card message (undefined for text). */
function cardOf(message: Partial<Activity> | undefined): Record<string, unknown> | undefined {
  const attachment = message?.attachments?.length === 1 ? message.attachments[0] : undefined;
  return attachment?.contentType === 'application/vnd.microsoft.card.adaptive' ? { ...(attachment.content as Record<string, unknown>) } : undefined;
}

/** The Universal Actions invoke response that shows a short message instead of refreshing the card. */
function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } as unknown as AdaptiveCardInvokeResponse;
}

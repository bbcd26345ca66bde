import { personalConversationId } from '../../handlers/address-key.js';
import { TeamsActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type InvokeResponse, type TurnContext } from 'botbuilder';
import { APP_WELCOME } from '../../handlers/app-home.js';
import { parseChecklistToggleValue } from '../../handlers/checklist-action.js';
import type { Logger } from '../../handlers/logger.js';
import type { Store } from '../../handlers/store.js';
import type { FetchedFile, IncomingMessage, Reply } from '../../handlers/types.js';
import { BoundedSet } from './bounded-set.js';
import { conversationAddress, storableReference } from './conversation-reference.js';
import { renderAdaptiveCardPage } from './render-adaptive-card.js';
import { renderTeamsMessages, renderTeamsUpdate } from './render-teams-message.js';
import { downloadTeamsFile, readTeamsFiles } from './teams-file.js';
import { executeToIncoming, teamsAddress, toIncoming } from './to-incoming.js';
import { unhandledInvokeResponse } from './unhandled-invoke.js';

export interface TeamsBotDeps {
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
    for (const message of renderTeamsMessages(reply)) await context.sendActivity(message);
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
      const reply = await deps.handle(incoming);
      if (reply.replaceOriginal) {
        const itemId = parseChecklistToggleValue(incoming.action.value)?.itemId;
        return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { ...renderAdaptiveCardPage(reply, itemId) } };
      }
      for (const message of renderTeamsMessages(reply)) await context.sendActivity(message);
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
        for (const message of renderTeamsMessages(await deps.handle(withFile))) await context.sendActivity(message);
      }
      return next();
    }
    const reply = await deps.handle(incoming);
    if (incoming.action && reply.replaceOriginal && activity.replyToId) {
      const itemId = parseChecklistToggleValue(incoming.action.value)?.itemId;
      await context.updateActivity({ ...renderTeamsUpdate(reply, itemId), id: activity.replyToId });
    } else {
      for (const message of renderTeamsMessages(reply)) await context.sendActivity(message);
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

/** The Universal Actions invoke response that shows a short message instead of refreshing the card. */
function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } as unknown as AdaptiveCardInvokeResponse;
}

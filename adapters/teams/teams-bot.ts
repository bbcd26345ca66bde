import { TeamsActivityHandler, type TurnContext } from 'botbuilder';
import type { Logger } from '../../handlers/logger.js';
import type { Store } from '../../handlers/store.js';
import type { IncomingMessage, Reply } from '../../handlers/types.js';
import { conversationAddress, storableReference } from './conversation-reference.js';
import { renderTeamsMessage } from './render-teams-message.js';
import { teamsAddress, toIncoming } from './to-incoming.js';

export interface TeamsBotDeps {
  readonly handle: (message: IncomingMessage) => Promise<Reply>;
  readonly clock: () => Date;
  readonly store: () => Promise<Store>;
  readonly log: Logger;
}

/**
 * The bot's turn logic: messages (personal, group chat, channel) and card submits go to the core;
 * installation and membership events keep the conversation reference for proactive reminders up
 * to date (stored on install and first contact, deleted with the subscriptions disabled on removal).
 */
export function createTeamsBot(deps: TeamsBotDeps): TeamsActivityHandler {
  const bot = new TeamsActivityHandler();
  // Conversations whose reference this process already stored (by conversation and service URL).
  const remembered = new Set<string>();

  const remember = async (context: TurnContext, force: boolean): Promise<void> => {
    const address = conversationAddress(teamsAddress(context.activity));
    const key = `${address.conversationId}\n${context.activity.serviceUrl}`;
    if (!force && remembered.has(key)) return;
    await (await deps.store()).saveConversationReference(address, storableReference(context.activity), deps.clock());
    remembered.add(key);
    deps.log.info('teams conversation reference stored', { conversationType: context.activity.conversation.conversationType ?? 'unknown' });
  };

  const forget = async (context: TurnContext): Promise<void> => {
    const address = conversationAddress(teamsAddress(context.activity));
    const store = await deps.store();
    await store.deleteConversationReference(address);
    const disabled = await store.disableSubscriptionsFor(address);
    for (const key of remembered) if (key.startsWith(`${address.conversationId}\n`)) remembered.delete(key);
    deps.log.info('teams bot removed from conversation', { subscriptionsDisabled: disabled });
  };

  bot.onMessage(async (context, next) => {
    const activity = context.activity;
    const now = deps.clock();
    const store = await deps.store();
    if (activity.id && !(await store.markEventSeen(`teams:${activity.conversation.id}:${activity.id}`, now))) {
      deps.log.debug('teams activity already handled', {});
      return next();
    }
    await remember(context, false);
    const incoming = toIncoming(activity, now);
    if (!incoming) {
      deps.log.warn('teams card submit without an action', {});
      await context.sendActivity({ type: 'message', text: 'Deze knop wordt niet herkend. / That button is not recognised.' });
      return next();
    }
    const reply = await deps.handle(incoming);
    const message = renderTeamsMessage(reply);
    if (incoming.action && reply.replaceOriginal && activity.replyToId) {
      await context.updateActivity({ ...message, id: activity.replyToId });
    } else {
      await context.sendActivity(message);
    }
    return next();
  });

  bot.onInstallationUpdate(async (context, next) => {
    const action = context.activity.action;
    if (action === 'add' || action === 'add-upgrade') await remember(context, true);
    else if (action === 'remove') await forget(context);
    return next();
  });

  bot.onConversationUpdate(async (context, next) => {
    const botId = context.activity.recipient?.id;
    if (botId && context.activity.membersRemoved?.some((m) => m.id === botId)) await forget(context);
    else if (botId && context.activity.membersAdded?.some((m) => m.id === botId)) await remember(context, true);
    return next();
  });

  return bot;
}

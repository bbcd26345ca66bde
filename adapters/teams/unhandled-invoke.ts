import type { InvokeResponse } from 'botbuilder';

/** Shown where Teams displays an invoke's answer (a dialog), for features this bot does not offer. */
export const NOT_SUPPORTED = 'ContractBot biedt dit niet aan; stel je vraag in de chat. / ContractBot does not offer this; ask your question in the chat.';

const emptySearchResult = { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } };
const taskMessage = { task: { type: 'message', value: NOT_SUPPORTED } };
const emptyTab = { tab: { type: 'continue', value: { cards: [] } } };

/**
 * The invoke response for an invoke the bot does not handle, instead of botbuilder's 501
 * (`ActivityHandler.onInvokeActivity` / `TeamsActivityHandler.onInvokeActivity` answer
 * `{ status: 501 }` for every name they have no override for). A 200 with the smallest body
 * the Teams client accepts for that invoke (Microsoft Learn, the Bot Framework schema's
 * `MessagingExtensionResponse`, `TaskModuleResponse`, `TabResponse`, `ConfigResponse`,
 * `SearchInvokeResponse`):
 * - search-like messaging extension invokes: an empty result list;
 * - dialogs (task modules, the extension's fetchTask, bot config): a message saying the bot does not offer it;
 * - tabs: a tab with no cards;
 * - `application/search`: an empty search response;
 * - everything else (sign-in, file consent, O365 connector cards, a submit of a dialog, unknown
 *   names): 200 without a body, which Teams takes as "done".
 */
export function unhandledInvokeResponse(name: string | undefined): InvokeResponse {
  switch (name) {
    case 'composeExtension/query':
    case 'composeExtension/selectItem':
    case 'composeExtension/queryLink':
    case 'composeExtension/anonymousQueryLink':
    case 'composeExtension/querySettingUrl':
      return { status: 200, body: emptySearchResult };
    case 'composeExtension/fetchTask':
    case 'task/fetch':
      return { status: 200, body: taskMessage };
    case 'config/fetch':
    case 'config/submit':
      return { status: 200, body: { responseType: 'config', config: taskMessage.task } };
    case 'tab/fetch':
    case 'tab/submit':
      return { status: 200, body: emptyTab };
    case 'application/search':
      return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.search.searchResponse', value: { results: [] } } };
    default:
      return { status: 200 };
  }
}

/**
 * Recorded Microsoft Teams activity shapes, rewritten with this repository's ids, each with where
 * its shape comes from and what the bot must do with it. Replayed over HTTP against the real
 * botbuilder CloudAdapter (emulator mode) and a stand-in Bot Connector by `teams-replay.test.ts`.
 *
 * Sources (shapes copied; values ours):
 * - vercel/chat packages/integration-tests/fixtures/replay/teams.json (mention, groupMention, followUp)
 * - Microsoft Learn, "Universal Actions for Adaptive Cards" → "Work with Universal Actions"
 *   (invoke `adaptiveCard/action`, value.action { type: 'Action.Execute', verb, data }, trigger)
 *   and the OfficeDev/Microsoft-Teams-Samples Universal Actions samples
 * - Microsoft Learn, "Conversation events in your Teams bot" (conversationUpdate membersAdded /
 *   membersRemoved, installationUpdate add/remove, messageReaction, messageUpdate, messageDelete)
 * - Microsoft Learn, "Search commands" / "Link unfurling" / "Respond to action commands" (message
 *   extension invokes composeExtension/query, queryLink, fetchTask, submitAction), "Use dialogs"
 *   (task/fetch, task/submit), "Build tabs with Adaptive Cards" (tab/fetch), "Bot configuration
 *   experience" (config/fetch), "Send and receive files using bot" (fileConsent/invoke), "Enable
 *   SSO for your bot" (signin/verifyState), "Universal Actions for search based message
 *   extensions" (application/search); the invoke names as botbuilder's TeamsActivityHandler and
 *   ActivityHandler dispatch them
 */

/** What the fixture sends; `SERVICE_URL` is replaced by the stand-in connector's URL. */
export type TeamsRequest = { readonly activity: Record<string, unknown> } | { readonly raw: string };

export interface ExpectedConnectorCall {
  readonly method: 'POST' | 'PUT';
  /** A substring of the posted activity (JSON). */
  readonly text?: string;
}

export interface TeamsFixture {
  readonly name: string;
  readonly source: string;
  readonly before?: readonly TeamsRequest[];
  readonly request: TeamsRequest;
  readonly status: number;
  /** Substring of the HTTP response body (invoke responses); `''`: the body must be empty. */
  readonly responseBody?: string;
  readonly calls: readonly ExpectedConnectorCall[];
}

export const BOT_ID = '28:11111111-2222-3333-4444-555555555555';
export const BOT_NAME = 'ContractBot';
const TENANT = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890';
const USER = { id: '29:1xXxUserBase64IdForTeams', name: 'Anna de Vries', aadObjectId: 'aad-anna' };
const CHANNEL_THREAD = '19:d441d38c655c47a085215b2726e76927@thread.tacv2;messageid=1767224924615';
const GROUP = 'a:group-chat-id';
const PERSONAL = 'a:1personal-chat-anna';
const HELPFUL = 'en|question:0123456789ab';

function activity(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    channelId: 'msteams',
    serviceUrl: 'SERVICE_URL',
    from: USER,
    recipient: { id: BOT_ID, name: BOT_NAME },
    channelData: { tenant: { id: TENANT } },
    locale: 'en-US',
    timestamp: '2026-05-11T08:00:00.000Z',
    ...fields,
  };
}

function message(id: string, conversation: Record<string, unknown>, text: string, extra: Record<string, unknown> = {}): { activity: Record<string, unknown> } {
  return { activity: activity({ type: 'message', id, text, textFormat: 'plain', conversation: { tenantId: TENANT, ...conversation }, entities: [], ...extra }) };
}

const mentionEntity = [{ type: 'mention', text: `<at>${BOT_NAME}</at>`, mentioned: { id: BOT_ID, name: BOT_NAME } }];
const personal = { id: PERSONAL, conversationType: 'personal' };
const channel = { id: CHANNEL_THREAD, conversationType: 'channel', isGroup: true };
const group = { id: GROUP, conversationType: 'groupChat', isGroup: true };

function execute(id: string, action: Record<string, unknown>): { activity: Record<string, unknown> } {
  return { activity: activity({ type: 'invoke', name: 'adaptiveCard/action', id, conversation: { tenantId: TENANT, ...personal }, value: { action: { type: 'Action.Execute', ...action }, trigger: 'manual' }, replyToId: 'card-activity-1' }) };
}

/** An invoke from the personal chat with the bot. */
function invoke(id: string, name: string | undefined, value: Record<string, unknown>): { activity: Record<string, unknown> } {
  return { activity: activity({ type: 'invoke', ...(name ? { name } : {}), id, conversation: { tenantId: TENANT, ...personal }, value }) };
}

const VERCEL = 'vercel/chat fixtures/replay/teams.json';
const LEARN = 'Microsoft Learn';
const UNIVERSAL = 'Microsoft Learn: Universal Actions for Adaptive Cards (adaptiveCard/action invoke); OfficeDev/Microsoft-Teams-Samples';
const EVENTS = 'Microsoft Learn: Conversation events in your Teams bot';

export const TEAMS_FIXTURES: readonly TeamsFixture[] = [
  {
    name: 'a channel mention is answered in its thread, without the mention',
    source: `${VERCEL} ("mention")`,
    request: message('1767224924615', channel, `<at>${BOT_NAME}</at> help`, { entities: mentionEntity }),
    status: 200,
    calls: [{ method: 'POST', text: 'ContractBot' }],
  },
  {
    name: 'a group chat mention is answered in the chat',
    source: `${VERCEL} ("groupMention")`,
    request: message('1785137220000', group, `<at>${BOT_NAME}</at> help`, { entities: mentionEntity }),
    status: 200,
    calls: [{ method: 'POST', text: 'ContractBot' }],
  },
  {
    name: 'a follow-up in the channel thread without a mention is answered',
    source: `${VERCEL} ("followUp")`,
    request: message('1767224937245', channel, 'help'),
    status: 200,
    calls: [{ method: 'POST', text: 'ContractBot' }],
  },
  {
    name: 'a personal message is answered as markdown text',
    source: `${VERCEL} (personal conversation shape)`,
    request: message('p-1', personal, 'kalender'),
    status: 200,
    calls: [{ method: 'POST', text: '/calendar.ics' }],
  },
  {
    name: 'a re-delivered activity (same id) is answered once',
    source: `${VERCEL}; Bot Framework retries`,
    before: [message('p-2', personal, 'help')],
    request: message('p-2', personal, 'help'),
    status: 200,
    calls: [],
  },
  {
    name: 'a message with only an attachment (no text) gets the "ask a question" hint',
    source: `${VERCEL} (message activity with attachments)`,
    request: message('p-3', personal, '', { attachments: [{ contentType: 'image/png', contentUrl: 'https://example.org/a.png', name: 'a.png' }] }),
    status: 200,
    calls: [{ method: 'POST', text: 'Stel een vraag' }],
  },
  {
    name: 'HTML entities and a repeated mention are removed before the core sees the text',
    source: `${VERCEL} ("mention", Teams puts &nbsp; and entities in text)`,
    request: message('c-2', channel, `<at>${BOT_NAME}</at>&nbsp;help <at>${BOT_NAME}</at>`, { entities: mentionEntity }),
    status: 200,
    calls: [{ method: 'POST', text: 'ContractBot' }],
  },
  {
    name: 'installationUpdate add (personal, en-US) gets the welcome in English',
    source: `${EVENTS} (installationUpdate)`,
    request: { activity: activity({ type: 'installationUpdate', id: 'i-1', action: 'add', conversation: { tenantId: TENANT, ...personal } }) },
    status: 200,
    calls: [{ method: 'POST', text: 'Welcome to ContractBot' }],
  },
  {
    name: 'installationUpdate then conversationUpdate for the same install welcome once',
    source: `${EVENTS} (both are sent when a bot is installed)`,
    before: [{ activity: activity({ type: 'installationUpdate', id: 'i-2', action: 'add', locale: 'nl-NL', conversation: { tenantId: TENANT, ...group } }) }],
    request: { activity: activity({ type: 'conversationUpdate', id: 'cu-2', membersAdded: [{ id: BOT_ID }], conversation: { tenantId: TENANT, ...group } }) },
    status: 200,
    calls: [],
  },
  {
    name: 'conversationUpdate with the bot added to a team welcomes the team',
    source: `${EVENTS} (teamMemberAdded)`,
    request: {
      activity: activity({
        type: 'conversationUpdate',
        id: 'cu-3',
        locale: 'nl-NL',
        membersAdded: [{ id: BOT_ID }],
        conversation: { tenantId: TENANT, id: '19:general@thread.tacv2', conversationType: 'channel', isGroup: true },
        channelData: { eventType: 'teamMemberAdded', team: { id: '19:general@thread.tacv2' }, tenant: { id: TENANT } },
      }),
    },
    status: 200,
    calls: [{ method: 'POST', text: 'Welkom bij ContractBot' }],
  },
  {
    name: 'conversationUpdate with a person added does nothing',
    source: `${EVENTS} (membersAdded: a user)`,
    request: { activity: activity({ type: 'conversationUpdate', id: 'cu-4', membersAdded: [{ id: '29:someone-else' }], conversation: { tenantId: TENANT, ...group } }) },
    status: 200,
    calls: [],
  },
  {
    name: 'conversationUpdate with the bot removed sends nothing',
    source: `${EVENTS} (membersRemoved)`,
    request: { activity: activity({ type: 'conversationUpdate', id: 'cu-5', membersRemoved: [{ id: BOT_ID }], conversation: { tenantId: TENANT, ...group } }) },
    status: 200,
    calls: [],
  },
  {
    name: 'installationUpdate remove sends nothing',
    source: `${EVENTS} (installationUpdate remove)`,
    request: { activity: activity({ type: 'installationUpdate', id: 'i-3', action: 'remove', conversation: { tenantId: TENANT, ...personal } }) },
    status: 200,
    calls: [],
  },
  {
    name: 'an Action.Submit 👍 is stored and answered with thanks and a comment field',
    source: 'Microsoft Learn: Card actions (Action.Submit → message activity with value)',
    request: message('s-1', personal, '', { value: { action: { id: 'feedback.helpful', value: HELPFUL } }, replyToId: 'card-activity-1' }),
    status: 200,
    calls: [{ method: 'POST', text: 'Input.Text' }],
  },
  {
    name: 'an Action.Submit with the comment field filled stores the comment',
    source: 'Microsoft Learn: Card actions (inputs are merged into the submit value)',
    request: message('s-2', personal, '', { value: { action: { id: 'feedback.comment', value: `${HELPFUL}|1` }, text: 'Precies wat ik zocht' }, replyToId: 'card-activity-1' }),
    status: 200,
    calls: [{ method: 'POST', text: 'comment has been saved' }],
  },
  {
    name: 'an Action.Submit whose value is not ours gets a short notice',
    source: 'Microsoft Learn: Card actions (arbitrary data)',
    request: message('s-3', personal, '', { value: { msteams: { type: 'messageBack' }, x: 1 }, replyToId: 'card-activity-1' }),
    status: 200,
    calls: [{ method: 'POST', text: 'niet herkend' }],
  },
  {
    name: 'Action.Execute with our data does what the Submit does and answers 200 with an invoke response',
    source: `${UNIVERSAL}`,
    request: execute('x-1', { verb: 'feedback', data: { action: { id: 'feedback.helpful', value: HELPFUL } } }),
    status: 200,
    responseBody: 'application/vnd.microsoft.activity.message',
    calls: [{ method: 'POST', text: 'Input.Text' }],
  },
  {
    name: 'Action.Execute with input values merged into data stores the comment',
    source: `${UNIVERSAL} (input values merged into action.data)`,
    request: execute('x-2', { verb: 'feedback.comment', data: { action: { id: 'feedback.comment', value: `${HELPFUL}|0` }, text: 'De bron ontbrak' } }),
    status: 200,
    responseBody: '"statusCode":200',
    calls: [{ method: 'POST', text: 'comment has been saved' }],
  },
  {
    name: 'Action.Execute with only a verb we do not know answers 200, not 501',
    source: `${UNIVERSAL} (verb "personalDetailsFormSubmit")`,
    request: execute('x-3', { verb: 'personalDetailsFormSubmit', data: { name: 'x' } }),
    status: 200,
    responseBody: '"statusCode":200',
    calls: [{ method: 'POST', text: 'niet (meer) herkend' }],
  },
  {
    name: 'Action.Execute without data or verb answers 200 with a notice',
    source: `${UNIVERSAL}`,
    request: execute('x-4', {}),
    status: 200,
    responseBody: 'niet herkend',
    calls: [],
  },
  {
    name: 'a replayed Action.Execute (same id) is processed once',
    source: `${UNIVERSAL}; Bot Framework retries`,
    before: [execute('x-5', { verb: 'feedback', data: { action: { id: 'feedback.helpful', value: HELPFUL } } })],
    request: execute('x-5', { verb: 'feedback', data: { action: { id: 'feedback.helpful', value: HELPFUL } } }),
    status: 200,
    calls: [],
  },
  {
    name: 'a message extension search (composeExtension/query) gets 200 with an empty result list',
    source: `${LEARN}: Search commands (composeExtension/query, parameters, queryOptions)`,
    request: invoke('i-1', 'composeExtension/query', { commandId: 'searchQuery', parameters: [{ name: 'searchQuery', value: 'VGZ' }], queryOptions: { skip: 0, count: 25 } }),
    status: 200,
    responseBody: '"attachments":[]',
    calls: [],
  },
  {
    name: 'a link unfurling invoke (composeExtension/queryLink) gets 200 with an empty result list',
    source: `${LEARN}: Link unfurling (composeExtension/queryLink, value.url)`,
    request: invoke('i-2', 'composeExtension/queryLink', { url: 'https://www.vgz.nl/zorgaanbieders/inkoopbeleid' }),
    status: 200,
    responseBody: '"type":"result"',
    calls: [],
  },
  {
    name: 'an action command opening a dialog (composeExtension/fetchTask) gets 200 with a message',
    source: `${LEARN}: Create and send dialogs (composeExtension/fetchTask, commandContext compose)`,
    request: invoke('i-3', 'composeExtension/fetchTask', { commandId: 'createCard', commandContext: 'compose', context: { theme: 'default' } }),
    status: 200,
    responseBody: '"type":"message"',
    calls: [],
  },
  {
    name: 'an action command submit (composeExtension/submitAction) gets 200 without a body',
    source: `${LEARN}: Respond to action commands (composeExtension/submitAction, data)`,
    request: invoke('i-4', 'composeExtension/submitAction', { commandId: 'createCard', commandContext: 'compose', data: { title: 'x' } }),
    status: 200,
    responseBody: '',
    calls: [],
  },
  {
    name: 'a dialog fetch (task/fetch) gets 200 with a message',
    source: `${LEARN}: Use dialogs in bots (task/fetch, value.data)`,
    request: invoke('i-5', 'task/fetch', { type: 'task/fetch', data: { msteams: { type: 'task/fetch' } }, context: { theme: 'dark' } }),
    status: 200,
    responseBody: 'ContractBot',
    calls: [],
  },
  {
    name: 'a dialog submit (task/submit) gets 200 without a body',
    source: `${LEARN}: Use dialogs in bots (task/submit)`,
    request: invoke('i-6', 'task/submit', { data: { comment: 'x' }, context: { theme: 'default' } }),
    status: 200,
    responseBody: '',
    calls: [],
  },
  {
    name: 'a tab fetch (tab/fetch) gets 200 with a tab without cards',
    source: `${LEARN}: Build tabs with Adaptive Cards (tab/fetch, tabContext)`,
    request: invoke('i-7', 'tab/fetch', { tabContext: { tabEntityId: 'homeTab' }, context: { theme: 'default' } }),
    status: 200,
    responseBody: '"cards":[]',
    calls: [],
  },
  {
    name: 'a bot configuration fetch (config/fetch) gets 200 with a config message',
    source: `${LEARN}: Bot configuration experience (config/fetch)`,
    request: invoke('i-8', 'config/fetch', { data: { type: 'config/fetch' } }),
    status: 200,
    responseBody: '"responseType":"config"',
    calls: [],
  },
  {
    name: 'a file consent answer (fileConsent/invoke accept) gets 200 without a body',
    source: `${LEARN}: Send and receive files using bot (fileConsent/invoke, action accept, uploadInfo)`,
    request: invoke('i-9', 'fileConsent/invoke', { type: 'fileUpload', action: 'accept', context: { filename: 'plan.txt' }, uploadInfo: { name: 'plan.txt', uploadUrl: 'https://example.org/upload', contentUrl: 'https://example.org/plan.txt', uniqueId: 'u1', fileType: 'txt' } }),
    status: 200,
    responseBody: '',
    calls: [],
  },
  {
    name: 'a sign-in state check (signin/verifyState) gets 200 without a body',
    source: `${LEARN}: Add authentication to your Teams bot (signin/verifyState, value.state)`,
    request: invoke('i-10', 'signin/verifyState', { state: '123456' }),
    status: 200,
    responseBody: '',
    calls: [],
  },
  {
    name: 'an Adaptive Card search (application/search) gets 200 with an empty search response',
    source: `${LEARN}: Universal Actions search (application/search, kind search, queryText, dataset)`,
    request: invoke('i-11', 'application/search', { kind: 'search', queryText: 'VGZ', dataset: 'insurers', queryOptions: { skip: 0, top: 15 } }),
    status: 200,
    responseBody: '"results":[]',
    calls: [],
  },
  {
    name: 'an invoke without a name (legacy card action) gets 200 without a body',
    source: "botbuilder TeamsActivityHandler (msteams invoke without a name: handleTeamsCardActionInvoke)",
    request: invoke('i-12', undefined, { action: 'legacy' }),
    status: 200,
    responseBody: '',
    calls: [],
  },
  {
    name: 'an invoke with a name botbuilder does not know gets 200 without a body',
    source: `${LEARN}: message actions (message/submitAction, reactions in a Teams message)`,
    request: invoke('i-13', 'message/submitAction', { actionName: 'feedback', actionValue: { reaction: 'like' } }),
    status: 200,
    responseBody: '',
    calls: [],
  },
  {
    name: 'messageReaction is acknowledged without a reply',
    source: `${EVENTS} (messageReaction)`,
    request: { activity: activity({ type: 'messageReaction', id: 'r-1', reactionsAdded: [{ type: 'like' }], replyToId: 'card-activity-1', conversation: { tenantId: TENANT, ...personal } }) },
    status: 200,
    calls: [],
  },
  {
    name: 'typing is acknowledged without a reply',
    source: 'Bot Framework activity schema (typing)',
    request: { activity: activity({ type: 'typing', id: 't-1', conversation: { tenantId: TENANT, ...personal } }) },
    status: 200,
    calls: [],
  },
  {
    name: 'messageUpdate (a user edited a message) is acknowledged without a reply',
    source: `${EVENTS} (messageUpdate, channelData.eventType editMessage)`,
    request: { activity: activity({ type: 'messageUpdate', id: 'u-1', text: 'help', conversation: { tenantId: TENANT, ...personal }, channelData: { eventType: 'editMessage', tenant: { id: TENANT } } }) },
    status: 200,
    calls: [],
  },
  {
    name: 'messageDelete is acknowledged without a reply',
    source: `${EVENTS} (messageDelete, softDeleteMessage)`,
    request: { activity: activity({ type: 'messageDelete', id: 'd-1', conversation: { tenantId: TENANT, ...personal }, channelData: { eventType: 'softDeleteMessage', tenant: { id: TENANT } } }) },
    status: 200,
    calls: [],
  },
  {
    name: 'a meeting event activity is acknowledged without a reply',
    source: 'Microsoft Learn: meeting events (event, application/vnd.microsoft.meetingStart)',
    request: { activity: activity({ type: 'event', id: 'e-1', name: 'application/vnd.microsoft.meetingStart', value: { Id: 'meeting-1' }, conversation: { tenantId: TENANT, ...group } }) },
    status: 200,
    calls: [],
  },
  {
    name: 'an activity without serviceUrl gets 400',
    source: 'issue 12 (malformed bodies get 400, never 500)',
    request: { activity: { type: 'message', id: 'bad-1', channelId: 'msteams', conversation: { id: PERSONAL }, text: 'help' } },
    status: 400,
    calls: [],
  },
  {
    name: 'a body that is not JSON gets 400',
    source: 'issue 12 (malformed bodies get 400, never 500)',
    request: { raw: '{"type": "message", ' },
    status: 400,
    calls: [],
  },
];

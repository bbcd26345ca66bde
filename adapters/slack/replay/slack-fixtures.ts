/**
 * Recorded Slack payload shapes, rewritten with this repository's ids (no real workspace data),
 * each with where its shape comes from and what the bot must do with it. Replayed over signed HTTP
 * against the real Bolt app by `slack-replay.test.ts`.
 *
 * Sources (shapes, field names and nesting copied from them; values are ours):
 * - vercel/chat packages/integration-tests/fixtures/replay/{channel-mention,modals,slash-commands,
 *   member-joined-channel,actions-reactions}/slack.json and src/replay-dm.test.ts
 * - slack-go/slack PR #1256 and slackapi/bolt-js issue #960 (an edited mention re-sent with `edited`)
 * - Slack's Events API, interactivity and request-signing documentation (retries, app_rate_limited,
 *   ssl_check, url_verification, shortcuts, view_closed, block_suggestion)
 */

export type FixtureRequest =
  | {
      readonly kind: 'json' | 'form';
      readonly body: unknown;
      /** Seconds added to the signing timestamp (replay window tests). */
      readonly skewSeconds?: number;
      readonly contentType?: string;
      readonly headers?: Record<string, string>;
      /** Sign with another secret. */
      readonly badSignature?: boolean;
    }
  | { readonly kind: 'raw'; readonly raw: string; readonly contentType: string };

/** One outgoing call the bot must make: Web API method (or `response` for a response-URL post) and fields it must carry. */
export interface ExpectedCall {
  readonly method: string;
  readonly args?: Record<string, unknown>;
  /** A substring of the call's `text` (or of the published view). */
  readonly text?: string;
}

export interface SlackFixture {
  readonly name: string;
  readonly source: string;
  /** Sent first, with their effects allowed (e.g. the original of an edited mention). */
  readonly before?: readonly FixtureRequest[];
  readonly request: FixtureRequest;
  readonly status: number;
  /** Exactly these outgoing calls, in order (auth.test at start-up not counted). */
  readonly calls: readonly ExpectedCall[];
  /** Part of the HTTP response body. */
  readonly responseBody?: string;
}

const TEAM = 'T0001';
const APP = 'A0001';
const BOT_USER = 'UBOT';
const USER = 'U0ANNA';
const CHANNEL = 'C0PLANNING';
const DM = 'D0ANNA';
const RESPONSE = (id: string) => `RESPONSE_URL:${id}`;

function envelope(eventId: string, event: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    token: 'verification-token',
    team_id: TEAM,
    api_app_id: APP,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_769_220_155,
    authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    ...extra,
  };
}

function richText(text: string): unknown[] {
  return [{ type: 'rich_text', block_id: 'L2Wjk', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }] }];
}

function mention(ts: string, text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'app_mention',
    user: USER,
    ts,
    client_msg_id: `msg-${ts}`,
    text: `<@${BOT_USER}> ${text}`,
    team: TEAM,
    blocks: richText(text),
    channel: CHANNEL,
    event_ts: ts,
    ...extra,
  };
}

function dm(ts: string, text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'message', user: USER, ts, client_msg_id: `dm-${ts}`, text, team: TEAM, blocks: richText(text), channel: DM, event_ts: ts, channel_type: 'im', ...extra };
}

function command(text: string, responseId: string, triggerId: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    token: 'verification-token',
    team_id: TEAM,
    team_domain: 'zorg',
    channel_id: CHANNEL,
    channel_name: 'planning',
    user_id: USER,
    user_name: 'anna',
    command: '/contract',
    text,
    api_app_id: APP,
    is_enterprise_install: 'false',
    response_url: RESPONSE(responseId),
    trigger_id: triggerId,
    ...extra,
  };
}

function blockActions(action: Record<string, unknown>, triggerId: string, responseId: string, extra: Record<string, unknown> = {}): { payload: string } {
  return {
    payload: JSON.stringify({
      type: 'block_actions',
      user: { id: USER, username: 'anna', name: 'anna', team_id: TEAM },
      api_app_id: APP,
      token: 'verification-token',
      container: { type: 'message', message_ts: '1769220161.503009', channel_id: CHANNEL, is_ephemeral: false, thread_ts: '1769220155.940449' },
      trigger_id: triggerId,
      team: { id: TEAM, domain: 'zorg' },
      enterprise: null,
      is_enterprise_install: false,
      channel: { id: CHANNEL, name: 'planning' },
      message: { user: BOT_USER, type: 'message', ts: '1769220161.503009', bot_id: 'BBOT', app_id: APP, text: 'answer', team: TEAM, thread_ts: '1769220155.940449' },
      state: { values: {} },
      response_url: RESPONSE(responseId),
      actions: [{ action_ts: '1769220166.113300', ...action }],
      ...extra,
    }),
  };
}

function interactive(payload: Record<string, unknown>): { payload: string } {
  return { payload: JSON.stringify({ team: { id: TEAM, domain: 'zorg' }, user: { id: USER, username: 'anna', name: 'anna', team_id: TEAM }, api_app_id: APP, token: 'verification-token', ...payload }) };
}

const VIEW = {
  id: 'V0AB2P1M2HX',
  team_id: TEAM,
  type: 'modal',
  blocks: [{ type: 'input', block_id: 'message', label: { type: 'plain_text', text: 'Your Feedback' }, element: { type: 'plain_text_input', action_id: 'message', multiline: true } }],
  private_metadata: '',
  callback_id: 'feedback_form',
  state: { values: { message: { message: { type: 'plain_text_input', value: 'Hello!' } } } },
  hash: '1769220166.YVocmHYs',
  title: { type: 'plain_text', text: 'Send Feedback' },
  app_id: APP,
  bot_id: 'BBOT',
};

const HELPFUL_VALUE = 'nl|question:0123456789ab';
const json = (body: unknown): FixtureRequest => ({ kind: 'json', body });
const form = (body: Record<string, string>): FixtureRequest => ({ kind: 'form', body });
const FIXTURE_SOURCE = {
  mention: 'vercel/chat fixtures/replay/channel-mention/slack.json (app_mention envelope)',
  modals: 'vercel/chat fixtures/replay/modals/slack.json',
  slash: 'vercel/chat fixtures/replay/slash-commands/slack.json',
  dm: 'vercel/chat src/replay-dm.test.ts (message.im shapes)',
  docs: "Slack API docs",
} as const;

export const SLACK_FIXTURES: readonly SlackFixture[] = [
  {
    name: 'top-level app_mention in a channel is answered in a new thread under it',
    source: FIXTURE_SOURCE.mention,
    request: json(envelope('Ev01', mention('1769220155.940449', 'help'))),
    status: 200,
    calls: [{ method: 'chat.postMessage', args: { channel: CHANNEL, thread_ts: '1769220155.940449' }, text: 'ContractBot' }],
  },
  {
    name: 'app_mention inside a thread is answered in that thread',
    source: FIXTURE_SOURCE.mention,
    request: json(envelope('Ev02', mention('1769220200.000100', 'help', { thread_ts: '1769220100.000001', parent_user_id: USER }))),
    status: 200,
    calls: [{ method: 'chat.postMessage', args: { channel: CHANNEL, thread_ts: '1769220100.000001' } }],
  },
  {
    name: 'an edited mention re-sent with a new event_id, `edited` and the same ts is not answered again',
    source: 'slack-go/slack PR #1256 (app_mention with "edited": {user, ts}); slackapi/bolt-js issue #960',
    before: [json(envelope('Ev03a', mention('1769220300.000200', 'help')))],
    request: json(envelope('Ev03b', mention('1769220300.000200', 'help me', { edited: { user: USER, ts: '1769220307.000000' } }))),
    status: 200,
    calls: [],
  },
  {
    name: 'a mention first written without the bot and then edited to add it is answered once',
    source: 'slack-go/slack PR #1256; dpb587/slack-delegate-bot issue #6 (mention added by an edit)',
    request: json(envelope('Ev04', mention('1769220400.000300', 'help', { edited: { user: USER, ts: '1769220410.000000' } }))),
    status: 200,
    calls: [{ method: 'chat.postMessage', args: { channel: CHANNEL, thread_ts: '1769220400.000300' } }],
  },
  {
    name: 'a retried delivery (same event_id, x-slack-retry-num) is not answered twice',
    source: `${FIXTURE_SOURCE.docs}: Events API retries (x-slack-retry-num, x-slack-retry-reason)`,
    before: [json(envelope('Ev05', mention('1769220500.000400', 'help')))],
    request: { kind: 'json', body: envelope('Ev05', mention('1769220500.000400', 'help')), headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } },
    status: 200,
    calls: [],
  },
  {
    name: 'a mention written by another bot is ignored',
    source: FIXTURE_SOURCE.mention,
    request: json(envelope('Ev06', mention('1769220600.000500', 'help', { bot_id: 'B0OTHER', user: 'U0OTHERBOT' }))),
    status: 200,
    calls: [],
  },
  {
    name: 'the first direct message gets the welcome, then its answer, top-level in the DM',
    source: FIXTURE_SOURCE.dm,
    request: json(envelope('Ev07', dm('1769220700.000600', 'help'))),
    status: 200,
    calls: [
      { method: 'chat.postMessage', args: { channel: DM }, text: 'Welkom bij ContractBot' },
      { method: 'chat.postMessage', args: { channel: DM }, text: 'ContractBot' },
    ],
  },
  {
    name: 'a later direct message gets only its answer',
    source: FIXTURE_SOURCE.dm,
    before: [json(envelope('Ev08a', dm('1769220800.000700', 'help')))],
    request: json(envelope('Ev08b', dm('1769220801.000800', 'help'))),
    status: 200,
    calls: [{ method: 'chat.postMessage', args: { channel: DM }, text: 'ContractBot' }],
  },
  {
    name: 'a Slackbot system message in the DM (user USLACKBOT) is ignored',
    source: `${FIXTURE_SOURCE.dm}; Slack message event docs (Slackbot writes as USLACKBOT)`,
    request: json(envelope('Ev09', dm('1769220900.000900', 'You have been added to #planning by Anna.', { user: 'USLACKBOT' }))),
    status: 200,
    calls: [],
  },
  {
    name: 'message_changed in a DM is ignored',
    source: `${FIXTURE_SOURCE.docs}: message_changed subtype; slackapi/bolt-python issue #517`,
    request: json(
      envelope('Ev10', {
        type: 'message',
        subtype: 'message_changed',
        hidden: true,
        channel: DM,
        channel_type: 'im',
        ts: '1769221000.001000',
        event_ts: '1769221000.001000',
        message: { type: 'message', user: USER, text: 'help', ts: '1769220999.000000', edited: { user: USER, ts: '1769221000.000000' } },
        previous_message: { type: 'message', user: USER, text: 'hlp', ts: '1769220999.000000' },
      }),
    ),
    status: 200,
    calls: [],
  },
  {
    name: "the bot's own message echoed in the DM is ignored",
    source: FIXTURE_SOURCE.dm,
    request: json(envelope('Ev11', dm('1769221100.001100', 'an answer', { user: BOT_USER, bot_id: 'BBOT', app_id: APP }))),
    status: 200,
    calls: [],
  },
  {
    name: 'a bot_message subtype in the DM is ignored',
    source: `${FIXTURE_SOURCE.docs}: bot_message subtype`,
    request: json(envelope('Ev12', { type: 'message', subtype: 'bot_message', bot_id: 'B0OTHER', text: 'build passed', ts: '1769221200.001200', channel: DM, channel_type: 'im', event_ts: '1769221200.001200' })),
    status: 200,
    calls: [],
  },
  {
    name: 'a DM with a file (file_share) and text is answered',
    source: `${FIXTURE_SOURCE.dm}; Slack file_share subtype`,
    before: [json(envelope('Ev13a', dm('1769221300.001300', 'help')))],
    // The sender is no administrator, so the bot refuses before fetching anything: not even files.info
    // (which it would ask for a file without its URLs, as for Slack Connect files).
    request: json(envelope('Ev13b', dm('1769221301.001301', 'help', { subtype: 'file_share', files: [{ id: 'F0001', name: 'offerte.pdf', mimetype: 'application/pdf' }] }))),
    status: 200,
    calls: [{ method: 'chat.postMessage', args: { channel: DM } }],
  },
  {
    name: 'a plain channel message (message.channels, no mention) is ignored',
    source: `${FIXTURE_SOURCE.mention} (message event in a channel)`,
    request: json(envelope('Ev14', { type: 'message', user: USER, ts: '1769221400.001400', text: 'help', channel: CHANNEL, channel_type: 'channel', event_ts: '1769221400.001400' })),
    status: 200,
    calls: [],
  },
  {
    name: 'member_joined_channel is acknowledged without a reply',
    source: 'vercel/chat fixtures/replay/member-joined-channel/slack.json',
    request: json(envelope('Ev15', { type: 'member_joined_channel', user: BOT_USER, channel: CHANNEL, channel_type: 'C', team: TEAM, inviter: USER, event_ts: '1769221500.001500' })),
    status: 200,
    calls: [],
  },
  {
    name: 'reaction_added is acknowledged without a reply',
    source: 'vercel/chat fixtures/replay/actions-reactions/slack.json',
    request: json(envelope('Ev16', { type: 'reaction_added', user: USER, reaction: 'thumbsup', item: { type: 'message', channel: CHANNEL, ts: '1769220161.503009' }, item_user: BOT_USER, event_ts: '1769221600.001600' })),
    status: 200,
    calls: [],
  },
  {
    name: 'app_home_opened on the Home tab publishes the home view from the core (and welcomes once)',
    source: `${FIXTURE_SOURCE.docs}: app_home_opened`,
    request: json(envelope('Ev17', { type: 'app_home_opened', user: USER, channel: DM, tab: 'home', event_ts: '1769221700.001700' })),
    status: 200,
    calls: [
      { method: 'chat.postMessage', args: { channel: DM }, text: 'Welkom bij ContractBot' },
      { method: 'users.conversations', args: { user: USER } },
      { method: 'views.publish', args: { user_id: USER }, text: 'Komende deadlines' },
    ],
  },
  {
    name: 'app_home_opened on the Messages tab only welcomes (first visit)',
    source: `${FIXTURE_SOURCE.docs}: app_home_opened (tab: messages)`,
    request: json(envelope('Ev18', { type: 'app_home_opened', user: USER, channel: DM, tab: 'messages', event_ts: '1769221800.001800' })),
    status: 200,
    calls: [{ method: 'chat.postMessage', args: { channel: DM }, text: 'Welkom bij ContractBot' }],
  },
  {
    name: 'tokens_revoked is acknowledged without a reply',
    source: `${FIXTURE_SOURCE.docs}: tokens_revoked`,
    request: json(envelope('Ev19', { type: 'tokens_revoked', tokens: { oauth: [], bot: ['BBOT'] }, event_ts: '1769221900.001900' })),
    status: 200,
    calls: [],
  },
  {
    name: 'a signed event_callback whose event is null gets 400, not 500',
    source: 'issue 12 fuzzing (149 of 5,000 signed payloads gave 500)',
    request: json(envelope('Ev20', null)),
    status: 400,
    calls: [],
  },
  {
    name: 'a signed event_callback whose event is a string gets 400',
    source: 'issue 12 fuzzing',
    request: json(envelope('Ev21', 'app_mention')),
    status: 400,
    calls: [],
  },
  {
    name: 'a signed event without a type gets 400',
    source: 'issue 12 fuzzing',
    request: json(envelope('Ev22', { user: USER, channel: CHANNEL, ts: '1.2' })),
    status: 400,
    calls: [],
  },
  { name: 'a signed JSON array gets 400', source: 'issue 12 fuzzing', request: json([envelope('Ev23', mention('1.0', 'help'))]), status: 400, calls: [] },
  { name: 'a signed empty object gets 400', source: 'issue 12 fuzzing', request: json({}), status: 400, calls: [] },
  { name: 'a signed JSON null gets 400', source: 'issue 12 fuzzing', request: json(null), status: 400, calls: [] },
  {
    name: 'a signed body that is not JSON gets 400',
    source: 'issue 12 fuzzing',
    request: { kind: 'json', body: 'not json', contentType: 'application/json' },
    status: 400,
    calls: [],
  },
  {
    name: 'app_rate_limited is acknowledged with 200 and nothing else',
    source: `${FIXTURE_SOURCE.docs}: Events API rate limiting (app_rate_limited)`,
    request: json({ token: 'verification-token', type: 'app_rate_limited', team_id: TEAM, minute_rate_limited: 1_769_221_980, api_app_id: APP }),
    status: 200,
    calls: [],
  },
  {
    name: 'url_verification is answered with the challenge',
    source: `${FIXTURE_SOURCE.docs}: url_verification`,
    request: json({ token: 'verification-token', challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P', type: 'url_verification' }),
    status: 200,
    calls: [],
    responseBody: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
  },
  {
    name: 'ssl_check is answered without a signature',
    source: `${FIXTURE_SOURCE.docs}: ssl_check`,
    request: { kind: 'raw', raw: 'ssl_check=1&token=verification-token', contentType: 'application/x-www-form-urlencoded' },
    status: 200,
    calls: [],
  },
  {
    name: 'a slash command is acknowledged empty and answered through its response URL (help: only to the asker)',
    source: FIXTURE_SOURCE.slash,
    request: form(command('help', 'cmd1', '1001.2001.a1')),
    status: 200,
    calls: [{ method: 'response', args: { response_type: 'ephemeral', replace_original: false }, text: 'ContractBot' }],
  },
  {
    name: 'the same signed slash command sent twice (same trigger_id) is answered once',
    source: `${FIXTURE_SOURCE.slash}; issue 14 item 4 (replayed request)`,
    before: [form(command('help', 'cmd2', '1002.2002.b2'))],
    request: form(command('help', 'cmd2', '1002.2002.b2')),
    status: 200,
    calls: [],
  },
  {
    name: 'a slash command sent as form with "; charset=utf-8" still works',
    source: `${FIXTURE_SOURCE.slash} (proxies add a charset)`,
    request: { kind: 'form', body: command('help', 'cmd3', '1003.2003.c3'), contentType: 'application/x-www-form-urlencoded; charset=utf-8' },
    status: 200,
    calls: [{ method: 'response', args: { response_type: 'ephemeral' } }],
  },
  {
    name: 'a signed slash command without channel_id gets 400',
    source: `${FIXTURE_SOURCE.slash} (malformed)`,
    request: form(Object.fromEntries(Object.entries(command('help', 'cmd4', '1004.2004.d4')).filter(([k]) => k !== 'channel_id'))),
    status: 400,
    calls: [],
  },
  {
    name: 'a 👍 button press is stored and thanked only to the presser, with a comment field',
    source: `${FIXTURE_SOURCE.modals} ("action": block_actions with a button)`,
    request: form(blockActions({ action_id: 'feedback.helpful', block_id: 'XH72R', text: { type: 'plain_text', text: '👍 Nuttig' }, value: HELPFUL_VALUE, type: 'button' }, '2001.1.f1', 'act1')),
    status: 200,
    calls: [{ method: 'response', args: { response_type: 'ephemeral', replace_original: false }, text: 'feedback is opgeslagen' }],
  },
  {
    name: 'the same button press replayed (same trigger_id) is processed once',
    source: `${FIXTURE_SOURCE.modals}; issue 14 item 4`,
    before: [form(blockActions({ action_id: 'feedback.helpful', block_id: 'XH72R', value: HELPFUL_VALUE, type: 'button' }, '2002.1.f2', 'act2'))],
    request: form(blockActions({ action_id: 'feedback.helpful', block_id: 'XH72R', value: HELPFUL_VALUE, type: 'button' }, '2002.1.f2', 'act2')),
    status: 200,
    calls: [],
  },
  {
    name: 'Enter in the feedback comment field (plain_text_input dispatch action) stores the comment',
    source: `${FIXTURE_SOURCE.modals} (ephemeralViewSubmission: plain_text_input with dispatch_action_config on_enter_pressed)`,
    request: form(blockActions({ type: 'plain_text_input', block_id: `input|${HELPFUL_VALUE}|1`, action_id: 'feedback.comment', value: 'De bron klopte precies' }, '2003.1.f3', 'act3')),
    status: 200,
    calls: [{ method: 'response', args: { response_type: 'ephemeral' }, text: 'opmerking is opgeslagen' }],
  },
  {
    name: "a button the bot does not know (another app's action id) gets a short ephemeral notice",
    source: `${FIXTURE_SOURCE.modals} (action_id "feedback" of another app)`,
    request: form(blockActions({ action_id: 'feedback', block_id: 'XH72R', text: { type: 'plain_text', text: 'Send Feedback' }, type: 'button' }, '2004.1.f4', 'act4')),
    status: 200,
    calls: [{ method: 'response', args: { response_type: 'ephemeral' }, text: 'niet (meer) herkend' }],
  },
  {
    name: 'a static_select action is acknowledged without a reply',
    source: `${FIXTURE_SOURCE.modals} (static_select element)`,
    request: form(blockActions({ type: 'static_select', action_id: 'category', block_id: 'category', selected_option: { text: { type: 'plain_text', text: 'Bug Report' }, value: 'bug' } }, '2005.1.f5', 'act5')),
    status: 200,
    calls: [],
  },
  {
    name: 'a button on the App Home (no channel) is acknowledged without a reply',
    source: `${FIXTURE_SOURCE.docs}: block_actions from a home view container`,
    request: form(
      blockActions({ action_id: 'feedback.helpful', block_id: 'x', value: HELPFUL_VALUE, type: 'button' }, '2006.1.f6', 'act6', {
        container: { type: 'view', view_id: 'V0HOME' },
        channel: undefined,
        message: undefined,
        response_url: undefined,
        view: { id: 'V0HOME', type: 'home' },
      }),
    ),
    status: 200,
    calls: [],
  },
  {
    name: 'view_submission (a modal the bot does not handle) is acknowledged at once with 200 and no reply',
    source: `${FIXTURE_SOURCE.modals} ("viewSubmission")`,
    request: form(interactive({ type: 'view_submission', trigger_id: '3001.1.v1', view: VIEW, response_urls: [], is_enterprise_install: false, enterprise: null })),
    status: 200,
    calls: [],
  },
  {
    name: 'view_closed is acknowledged with 200 and no reply',
    source: `${FIXTURE_SOURCE.modals} (notify_on_close: true → view_closed)`,
    request: form(interactive({ type: 'view_closed', view: VIEW, is_cleared: false })),
    status: 200,
    calls: [],
  },
  {
    name: 'a global shortcut is acknowledged with 200 and no reply',
    source: `${FIXTURE_SOURCE.docs}: shortcut payload`,
    request: form(interactive({ type: 'shortcut', callback_id: 'ask', trigger_id: '3002.1.s1', action_ts: '1769222000.000001' })),
    status: 200,
    calls: [],
  },
  {
    name: 'a message shortcut is acknowledged with 200 and no reply',
    source: `${FIXTURE_SOURCE.docs}: message_action payload`,
    request: form(
      interactive({ type: 'message_action', callback_id: 'ask_about', trigger_id: '3003.1.m1', channel: { id: CHANNEL, name: 'planning' }, message: { type: 'message', user: USER, ts: '1769222100.000100', text: 'help' }, response_url: RESPONSE('ma1') }),
    ),
    status: 200,
    calls: [],
  },
  {
    name: 'block_suggestion (external select options) is acknowledged with 200',
    source: `${FIXTURE_SOURCE.docs}: block_suggestion`,
    request: form(interactive({ type: 'block_suggestion', action_id: 'insurer', block_id: 'b', value: 'vg', container: { type: 'message', message_ts: '1.2', channel_id: CHANNEL } })),
    status: 200,
    calls: [],
  },
  {
    name: 'an interactive payload that is JSON null gets 400',
    source: 'issue 12 fuzzing (form payload)',
    request: form({ payload: 'null' }),
    status: 400,
    calls: [],
  },
  {
    name: 'a request signed 301 seconds in the future is refused',
    source: `${FIXTURE_SOURCE.docs}: verifying requests (5-minute window); issue 14 item 4`,
    request: { kind: 'json', body: envelope('Ev30', mention('1769223000.003000', 'help')), skewSeconds: 301 },
    status: 401,
    calls: [],
  },
  {
    name: 'a request signed a day in the future is refused',
    source: 'issue 14 item 4',
    request: { kind: 'form', body: command('help', 'cmd5', '1005.2005.e5'), skewSeconds: 86_400 },
    status: 401,
    calls: [],
  },
  {
    name: 'a request signed 10 minutes ago is refused',
    source: `${FIXTURE_SOURCE.docs}: verifying requests`,
    request: { kind: 'json', body: envelope('Ev31', mention('1769223100.003100', 'help')), skewSeconds: -600 },
    status: 401,
    calls: [],
  },
  {
    name: 'a request with a wrong signature is refused',
    source: `${FIXTURE_SOURCE.docs}: verifying requests`,
    request: { kind: 'json', body: envelope('Ev32', mention('1769223200.003200', 'help')), badSignature: true },
    status: 401,
    calls: [],
  },
];

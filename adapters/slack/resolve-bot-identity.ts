import { ConfigError } from '../config-error.js';
import type { SlackWebClient } from './slack-web-client.js';

/** Who the bot is in its workspace (from `auth.test`). */
export interface BotIdentity {
  readonly botId: string;
  readonly botUserId: string;
  readonly teamId?: string;
}

/** Errors meaning the token itself is wrong, so start-up must stop and name the variable. */
const TOKEN_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type']);

/**
 * Calls `auth.test` once at start-up: checks SLACK_BOT_TOKEN and learns the bot's ids, which Bolt
 * needs to ignore the bot's own messages and this adapter needs to strip its mention. Failures become
 * a {@link ConfigError} naming the variable, without the token.
 */
export async function resolveBotIdentity(client: SlackWebClient): Promise<BotIdentity> {
  let result: { ok?: boolean; bot_id?: string; user_id?: string; team_id?: string; error?: string };
  try {
    result = await client.auth.test();
  } catch (error) {
    const e = error as { code?: string; data?: { error?: string } };
    if (e.code === 'slack_webapi_platform_error' && e.data?.error && TOKEN_ERRORS.has(e.data.error)) {
      throw new ConfigError(`Invalid configuration: SLACK_BOT_TOKEN was rejected by Slack (${e.data.error}).`);
    }
    const reason = e.code === 'slack_webapi_platform_error' ? (e.data?.error ?? 'unknown error') : 'not reachable';
    throw new ConfigError(`Cannot start the Slack app: auth.test failed (${reason}); check SLACK_BOT_TOKEN and SLACK_API_URL.`);
  }
  if (!result.bot_id || !result.user_id) {
    throw new ConfigError('Invalid configuration: SLACK_BOT_TOKEN is not a bot token (xoxb-…): auth.test returned no bot id.');
  }
  return { botId: result.bot_id, botUserId: result.user_id, ...(result.team_id ? { teamId: result.team_id } : {}) };
}

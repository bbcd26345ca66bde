import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../bot/config-error.js';
import { silentLogger } from '../../bot/logger.js';
import { resolveBotIdentity } from './resolve-bot-identity.js';
import { createSlackWebClient } from './slack-web-client.js';
import { startSlackStandIn, STAND_IN_BOT, type SlackStandIn } from './test-support/slack-stand-in.js';

describe('resolveBotIdentity (auth.test at start-up)', () => {
  let standIn: SlackStandIn;
  beforeEach(async () => {
    standIn = await startSlackStandIn();
  });
  afterEach(async () => {
    await standIn.close();
  });

  it('returns the bot ids', async () => {
    const client = createSlackWebClient('xoxb-ok', standIn.apiUrl, silentLogger, 'interactive');
    expect(await resolveBotIdentity(client)).toEqual({ botId: STAND_IN_BOT.botId, botUserId: STAND_IN_BOT.userId, teamId: STAND_IN_BOT.teamId });
  });

  it('stops start-up with a message naming SLACK_BOT_TOKEN (and not the token) when Slack rejects it', async () => {
    standIn.authError = 'invalid_auth';
    const client = createSlackWebClient('xoxb-rejected-secret', standIn.apiUrl, silentLogger, 'interactive');
    const error = await resolveBotIdentity(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe('Invalid configuration: SLACK_BOT_TOKEN was rejected by Slack (invalid_auth).');
    expect(standIn.callsTo('auth.test')).toHaveLength(1);
  });

  it('names SLACK_API_URL when the Web API cannot be reached', async () => {
    const url = standIn.apiUrl;
    await standIn.close();
    const client = createSlackWebClient('xoxb-x', url, silentLogger, 'interactive');
    const error = await resolveBotIdentity(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/SLACK_API_URL/);
    standIn = await startSlackStandIn();
  });
});

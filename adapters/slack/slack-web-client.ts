import { webApi } from '@slack/bolt';
import type { Logger } from '../../handlers/logger.js';
import { boltLogger } from './bolt-logger.js';

export type SlackWebClient = webApi.WebClient;

/**
 * Web API client options for one use:
 * - `interactive` (answers, App Home, auth.test): two quick retries, so a user is not kept waiting;
 * - `delivery` (reminders through `adapter.send`): no retries and rate-limited calls rejected, so a
 *   429 reaches the scheduler with its Retry-After instead of being slept away inside the client.
 * `apiUrl` is SLACK_API_URL (proxies, tests); undefined means Slack's own. `timeoutMs` (default 10 s)
 * ends a call that gets no answer; for a delivery that is an `unknown` outcome, never a failure.
 */
export function slackClientOptions(apiUrl: string | undefined, log: Logger, use: 'interactive' | 'delivery', timeoutMs = 10_000): webApi.WebClientOptions {
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/` } : {}),
    logger: boltLogger(log),
    timeout: timeoutMs,
    ...(use === 'delivery'
      ? { retryConfig: { retries: 0 }, rejectRateLimitedCalls: true }
      : { retryConfig: { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 2000 } }),
  };
}

/** A Web API client with the bot token and {@link slackClientOptions}. */
export function createSlackWebClient(token: string, apiUrl: string | undefined, log: Logger, use: 'interactive' | 'delivery', timeoutMs?: number): SlackWebClient {
  return new webApi.WebClient(token, slackClientOptions(apiUrl, log, use, timeoutMs));
}

import { CloudAdapter } from 'botbuilder';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { ConfigError } from '../config-error.js';
import { isLoopbackHost } from '../is-loopback.js';
import type { ServeDeps } from '../platform-deps.js';
import type { ServerPart } from '../server-part.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './backoff.js';
import { createConnectorHttpClient } from './connector-http-client.js';
import { createRateLimiter } from './rate-limiter.js';
import { createTeamsAdapter } from './teams-adapter.js';
import { createTeamsAuthentication, type TeamsAuthenticationOverrides } from './teams-authentication.js';
import { createTeamsBot } from './teams-bot.js';

/** The route the Bot Framework (and the Emulator) posts activities to. */
export const TEAMS_MESSAGES_PATH = '/api/messages';

/** Teams allows a bot 7 messages per second per conversation. */
const MESSAGES_PER_SECOND = 7;

/** The least an activity needs before botbuilder sees it (botbuilder throws a 500 on less). */
const activityShape = z.object({
  type: z.string().min(1),
  channelId: z.string().min(1),
  serviceUrl: z.string().url(),
  conversation: z.object({ id: z.string().min(1) }),
});

/** Knobs for tests and private clouds; production uses the defaults. */
export interface TeamsPartOptions {
  readonly authentication?: TeamsAuthenticationOverrides;
  readonly retry?: RetryPolicy;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Clock of the per-conversation rate limiter (milliseconds). */
  readonly now?: () => number;
}

/**
 * The Microsoft Teams part of `contractbot serve`: `POST /api/messages` through botbuilder's
 * CloudAdapter, and the proactive {@link ChatAdapter} for reminders. Undefined when Teams is not
 * configured (no MICROSOFT_APP_ID and no TEAMS_EMULATOR). Emulator mode (no credentials, no
 * token checks) is refused unless the server listens on a loopback HOST.
 */
export async function createTeamsPart(deps: ServeDeps, options: TeamsPartOptions = {}): Promise<ServerPart | undefined> {
  const { config, log } = deps;
  if (!config.teams && !config.teamsEmulator) return undefined;
  const emulator = !config.teams;
  if (emulator && !isLoopbackHost(config.host)) {
    throw new ConfigError(
      `TEAMS_EMULATOR=1 accepts unauthenticated Teams activities, so it only runs on a loopback HOST (127.0.0.1, ::1 or localhost), not HOST=${config.host}. ` +
        'Set HOST=127.0.0.1 for the Bot Framework Emulator, or configure MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TYPE and MICROSOFT_APP_TENANT_ID.',
    );
  }
  if (!emulator && config.teamsEmulator) log.warn('TEAMS_EMULATOR ignored: Microsoft app credentials are configured, every activity needs a valid token');

  const limiter = createRateLimiter({
    limit: MESSAGES_PER_SECOND,
    windowMs: 1_000,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const httpClient = createConnectorHttpClient({
    limiter,
    retry: options.retry ?? DEFAULT_RETRY_POLICY,
    log,
    ...(options.random ? { random: options.random } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  const cloudAdapter = new CloudAdapter(createTeamsAuthentication(config.teams, { httpClient }, options.authentication));
  cloudAdapter.onTurnError = async (context, error) => {
    log.error('teams turn failed', { activityType: context.activity.type, error: errorLine(error) });
    try {
      await context.sendActivity({
        type: 'message',
        text: 'Er ging iets mis bij het beantwoorden; probeer het nog eens. / Something went wrong while answering; please try again.',
      });
    } catch {
      // The connector itself is failing; the log line above is all we can do.
    }
  };
  const bot = createTeamsBot({ handle: deps.handle, clock: deps.clock, store: deps.store, log });
  const adapter = createTeamsAdapter({ cloudAdapter, botAppId: config.teams?.appId ?? '', store: deps.store, log });
  const parseJson = express.json({ limit: '512kb' });

  return {
    name: emulator ? 'teams (emulator)' : 'teams',
    adapter,
    mount(app: Express) {
      app.post(
        TEAMS_MESSAGES_PATH,
        (req: Request, res: Response, next: NextFunction) => {
          parseJson(req, res, (error?: unknown) => {
            if (error) res.status(400).json({ error: 'The body must be a JSON Bot Framework activity.' });
            else next();
          });
        },
        async (req: Request, res: Response) => {
          if (emulator && !isLoopbackHost(unmapIpv4(req.socket.localAddress ?? ''))) {
            res.status(403).json({ error: 'Emulator mode only accepts connections on a loopback address.' });
            return;
          }
          if (!emulator && !req.headers.authorization) {
            res.status(401).json({ error: 'Unauthorized: missing Authorization header.' });
            return;
          }
          if (!activityShape.safeParse(req.body).success) {
            res.status(400).json({ error: 'Not a Bot Framework activity: type, channelId, serviceUrl and conversation.id are required.' });
            return;
          }
          try {
            await cloudAdapter.process(req, res, (context) => bot.run(context));
          } catch (error) {
            log.error('teams request failed', { error: errorLine(error) });
            if (!res.headersSent) res.status(500).json({ error: 'internal error' });
          }
        },
      );
    },
  };
}

function unmapIpv4(address: string): string {
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

function errorLine(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message.split('\n')[0] ?? ''}` : String(error);
}

import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
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

/**
 * CloudAdapter with the two halves of `process()` apart: authenticate (401 on a bad token), then
 * run the turn, so the route can acknowledge a message before the answer is computed.
 */
class AckFirstCloudAdapter extends CloudAdapter {
  runTurn(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

/** Turns still running after their HTTP answer, so shutdown (and tests) can wait for them. */
class Turns {
  private readonly running = new Set<Promise<unknown>>();
  track(work: Promise<unknown>): void {
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }
  async idle(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.running.size > 0 && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...this.running]), new Promise((resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - Date.now()))))]);
      clearTimeout(timer);
    }
  }
}

export interface TeamsPart extends ServerPart {
  /** Resolves when no turn is running any more (shutdown, tests). */
  idle(): Promise<void>;
}

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
export async function createTeamsPart(deps: ServeDeps, options: TeamsPartOptions = {}): Promise<TeamsPart | undefined> {
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
  const authentication = createTeamsAuthentication(config.teams, { httpClient }, options.authentication);
  const cloudAdapter = new AckFirstCloudAdapter(authentication);
  const turns = new Turns();
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
          const activity = withDates(req.body as Activity & Record<string, unknown>);
          let auth: AuthenticateRequestResult;
          try {
            auth = await authentication.authenticateRequest(activity, req.headers.authorization ?? '');
          } catch (error) {
            if (error instanceof AuthenticationError) {
              res.status(401).json({ error: 'Unauthorized: the Bot Framework token was not accepted.' });
              return;
            }
            log.error('teams authentication failed', { error: errorLine(error) });
            res.status(500).json({ error: 'internal error' });
            return;
          }
          const logic = (context: TurnContext) => bot.run(context);
          if (activity.type === 'invoke') {
            // An invoke's answer is its HTTP response (Action.Execute: the refreshed card).
            try {
              const invoke = await cloudAdapter.runTurn(auth, activity, logic);
              res.status(invoke?.status ?? 200);
              if (invoke?.body !== undefined) res.json(invoke.body);
              else res.end();
            } catch (error) {
              log.error('teams invoke failed', { error: errorLine(error) });
              if (!res.headersSent) res.status(500).json({ error: 'internal error' });
            }
            return;
          }
          // Everything else is acknowledged first; the turn starts on a later turn of the event loop
          // (after the acks of requests already read), and the answer goes out through the connector.
          res.status(200).end();
          turns.track(
            nextTurnOfTheLoop()
              .then(() => cloudAdapter.runTurn(auth, activity, logic))
              .catch((error: unknown) => {
                log.error('teams turn failed', { error: errorLine(error) });
              }),
          );
        },
      );
    },
    async stop() {
      await turns.idle();
    },
    idle: () => turns.idle(),
  };
}

/** Resolves after the I/O already queued (other requests' bodies, their acks) has been handled. */
function nextTurnOfTheLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function unmapIpv4(address: string): string {
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

function errorLine(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message.split('\n')[0] ?? ''}` : String(error);
}

/** What CloudAdapter.process does to an activity before a turn: string timestamps become Dates (raw strings kept). */
function withDates(activity: Activity & Record<string, unknown>): Activity {
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['expiration', 'rawExpiration'], ['localTimestamp', 'rawLocalTimestamp']] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      (activity as Record<string, unknown>)[field] = new Date(value);
    }
  }
  return activity;
}

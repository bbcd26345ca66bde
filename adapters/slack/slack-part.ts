import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { ServeDeps } from '../platform-deps.js';
import type { ServerPart } from '../server-part.js';
import type { Logger } from '../../handlers/logger.js';
import { oneLine } from '../../handlers/one-line.js';
import { assertNever } from '../../handlers/types.js';
import type { ChatAdapter } from '../adapter.js';
import { boltLogger } from './bolt-logger.js';
import { checkSlackRequest } from './check-slack-request.js';
import { dedupeEvents, dedupeTriggers, InFlight } from './event-middleware.js';
import { registerListeners } from './register-listeners.js';
import { resolveBotIdentity, type BotIdentity } from './resolve-bot-identity.js';
import { createSlackAdapter } from './slack-adapter.js';
import { downloadSlackFile } from './slack-file.js';
import { createSlackWebClient, slackClientOptions } from './slack-web-client.js';

/** The path Slack posts events, slash commands and interactivity to (the manifest's request URLs). */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Slack payloads are small; anything bigger is refused before Bolt sees it. */
const MAX_BODY_BYTES = 1_000_000;

const readRawBody = express.raw({ type: () => true, limit: MAX_BODY_BYTES });

/**
 * Reads the raw body for Bolt, with a size limit (Bolt's own reader has none, so a chunked body
 * without Content-Length could fill the memory before the signature is checked), then checks it
 * with {@link checkSlackRequest}: a bad signature or a timestamp more than 5 minutes away in either
 * direction gets 401; a signed but malformed body 400 (never 500); a signed payload no listener
 * handles (view_submission, shortcuts, app_rate_limited, …) 200 at once with no reply. Everything
 * else goes to Bolt as `rawBody`, which Bolt verifies and parses again.
 */
function bufferSlackBody(signingSecret: string, wallClock: () => number, log: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    readRawBody(req, res, (error?: unknown) => {
      if (error) {
        const status = (error as { status?: unknown }).status;
        res.status(status === 413 ? 413 : 400).end();
        return;
      }
      const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const check = checkSlackRequest({ rawBody: raw.toString('utf8'), contentType: req.headers['content-type'], headers: req.headers, signingSecret, nowMs: wallClock() });
      switch (check.kind) {
        case 'refuse':
          log.info('slack: request refused', { status: check.status, reason: check.message });
          res.status(check.status).type('text/plain; charset=utf-8').send(`${check.message}\n`);
          return;
        case 'ignore':
          log.debug('slack: payload acknowledged without a listener', { type: oneLine(check.reason.slice(0, 60)) });
          res.status(200).end();
          return;
        case 'pass':
          Object.assign(req, { rawBody: raw });
          next();
          return;
        default:
          assertNever(check);
      }
    });
  };
}

export interface SlackPart extends ServerPart {
  readonly adapter: ChatAdapter;
  readonly identity: BotIdentity;
  readonly mode: 'http' | 'socket';
  /** Resolves when no listener is running any more (shutdown, tests). */
  idle(): Promise<void>;
}

/**
 * The Slack app of `contractbot serve`, or undefined when SLACK_BOT_TOKEN/SLACK_SIGNING_SECRET are not set.
 *
 * HTTP mode mounts Bolt's {@link HTTPReceiver} request listener at `POST /slack/events` on the shared
 * express server. The receiver reads the raw body itself (no body parser may run before it), checks
 * the v0 HMAC signature and the 5-minute timestamp window, and answers 401 otherwise. It works on the
 * plain Node request/response, so it behaves the same whichever express version hosts it (unlike
 * ExpressReceiver, which brings its own express Router). `processBeforeResponse` is false: this is a
 * long-running server, so Slack gets its HTTP 200 at `ack()` (events: before any listener runs) and
 * the answer follows through the response URL or chat.postMessage; slow answers never cause retries.
 *
 * With SLACK_APP_TOKEN the app uses Socket Mode instead (laptops without a public URL): no route is
 * mounted and `start()` opens the WebSocket.
 */
export interface SlackPartOptions {
  /** The wall clock (ms) request signatures are checked against; Slack signs with real time, not `--now`. */
  readonly wallClock?: () => number;
}

export async function createSlackPart(deps: ServeDeps, options: SlackPartOptions = {}): Promise<SlackPart | undefined> {
  const slack = deps.config.slack;
  if (!slack) return undefined;
  const { log } = deps;

  const identity = await resolveBotIdentity(createSlackWebClient(slack.botToken, slack.apiUrl, log, 'interactive'));
  const logger = boltLogger(log);
  const clientOptions = slackClientOptions(slack.apiUrl, log, 'interactive');

  const httpReceiver = slack.appToken
    ? undefined
    : new HTTPReceiver({ signingSecret: slack.signingSecret, endpoints: SLACK_EVENTS_PATH, processBeforeResponse: false, logger });
  const socketReceiver = slack.appToken
    ? new SocketModeReceiver({
        appToken: slack.appToken,
        logger,
        installerOptions: { clientOptions: { ...(clientOptions.slackApiUrl ? { slackApiUrl: clientOptions.slackApiUrl } : {}) } },
      })
    : undefined;

  const app = new App({
    receiver: httpReceiver ?? socketReceiver,
    token: slack.botToken,
    botId: identity.botId,
    botUserId: identity.botUserId,
    logger,
    clientOptions,
    convoStore: false,
  });

  const inFlight = new InFlight();
  app.use(inFlight.middleware);
  app.use(dedupeEvents(deps.store, deps.clock, log));
  app.use(dedupeTriggers(deps.store, deps.clock, log));
  registerListeners(app, {
    handle: deps.handle,
    clock: deps.clock,
    store: deps.store,
    knowledge: deps.knowledge,
    log,
    botUserId: identity.botUserId,
    downloadFile: (file, client) => downloadSlackFile(file, { token: slack.botToken, apiUrl: slack.apiUrl, client }),
  });

  const adapter = createSlackAdapter(createSlackWebClient(slack.botToken, slack.apiUrl, log, 'delivery'), log);
  let socketStarted = false;

  return {
    name: socketReceiver ? 'slack (socket mode)' : 'slack',
    adapter,
    identity,
    mode: socketReceiver ? 'socket' : 'http',
    mount(server: Express) {
      if (!httpReceiver) return;
      server.post(SLACK_EVENTS_PATH, bufferSlackBody(slack.signingSecret, options.wallClock ?? Date.now, log), (req: Request, res: Response, next: NextFunction) => {
        // Bolt parses form bodies only under the exact media type; a proxy adding "; charset=utf-8"
        // would otherwise turn a valid request into a 400. The signature covers the body, not this header.
        const type = req.headers['content-type'];
        if (type && /^application\/x-www-form-urlencoded\s*;/i.test(type)) req.headers['content-type'] = 'application/x-www-form-urlencoded';
        try {
          httpReceiver.requestListener(req, res);
        } catch (error) {
          next(error);
        }
      });
    },
    async start() {
      if (!socketReceiver) return;
      await app.start();
      socketStarted = true;
      log.info('slack: socket mode connected');
    },
    async stop() {
      if (socketStarted) {
        socketStarted = false;
        await app.stop();
      }
      await inFlight.idle();
      await adapter.stop();
    },
    idle: () => inFlight.idle(),
  };
}

import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { ServeDeps } from '../../bot/serve-deps.js';
import type { ServerPart } from '../../bot/server-part.js';
import type { ChatAdapter } from '../adapter.js';
import { boltLogger } from './bolt-logger.js';
import { dedupeEvents, InFlight } from './event-middleware.js';
import { registerListeners } from './register-listeners.js';
import { resolveBotIdentity, type BotIdentity } from './resolve-bot-identity.js';
import { createSlackAdapter } from './slack-adapter.js';
import { createSlackWebClient, slackClientOptions } from './slack-web-client.js';

/** The path Slack posts events, slash commands and interactivity to (the manifest's request URLs). */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Slack payloads are small; anything bigger is refused before Bolt sees it. */
const MAX_BODY_BYTES = 1_000_000;

const readRawBody = express.raw({ type: () => true, limit: MAX_BODY_BYTES });

/**
 * Reads the raw body for Bolt, with a size limit (Bolt's own reader has none, so a chunked body
 * without Content-Length could fill the memory before the signature is checked) and hands it over
 * as `rawBody`, which Bolt verifies and parses. A body that is JSON but not an object (Bolt reads
 * `body.ssl_check` of whatever parses, and a signed `null` crashed the process) gets 400.
 */
function bufferSlackBody(req: Request, res: Response, next: NextFunction): void {
  readRawBody(req, res, (error?: unknown) => {
    if (error) {
      const status = (error as { status?: unknown }).status;
      res.status(status === 413 ? 413 : 400).end();
      return;
    }
    const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!bodyIsObject(raw, req.headers['content-type'])) {
      res.status(400).end();
      return;
    }
    Object.assign(req, { rawBody: raw });
    next();
  });
}

/** False only for a body Bolt would parse into something other than an object. */
function bodyIsObject(raw: Buffer, contentType: string | undefined): boolean {
  let json: string | undefined = raw.toString('utf8');
  if (contentType && /^application\/x-www-form-urlencoded\b/i.test(contentType)) {
    json = new URLSearchParams(json).get('payload') ?? undefined;
    if (json === undefined) return true;
  }
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return true; // not JSON at all: Bolt answers 401 (unsigned) or 400 (signed) itself
  }
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
export async function createSlackPart(deps: ServeDeps): Promise<SlackPart | undefined> {
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
  registerListeners(app, { handle: deps.handle, clock: deps.clock, store: deps.store, log, botUserId: identity.botUserId });

  const adapter = createSlackAdapter(createSlackWebClient(slack.botToken, slack.apiUrl, log, 'delivery'));
  let socketStarted = false;

  return {
    name: socketReceiver ? 'slack (socket mode)' : 'slack',
    adapter,
    identity,
    mode: socketReceiver ? 'socket' : 'http',
    mount(server: Express) {
      if (!httpReceiver) return;
      server.post(SLACK_EVENTS_PATH, bufferSlackBody, (req: Request, res: Response, next: NextFunction) => {
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

import { App, SocketModeReceiver } from '@slack/bolt';
import express, { type Express, type Request, type Response } from 'express';
import type { ServeDeps } from '../platform-deps.js';
import type { ServerPart } from '../server-part.js';
import type { Logger } from '../../handlers/logger.js';
import { oneLine } from '../../handlers/one-line.js';
import { assertNever } from '../../handlers/types.js';
import type { ChatAdapter } from '../adapter.js';
import { AckFirstReceiver, slackRetryOf } from './ack-first-receiver.js';
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
 * The whole request path of `POST /slack/events`, ack first: reads the raw body (with a size
 * limit; a chunked body without Content-Length could otherwise fill the memory before the
 * signature is checked), checks it once with {@link checkSlackRequest} (signature, timestamp
 * window, one parse, shape), answers, and only then hands the parsed body to Bolt through the
 * {@link AckFirstReceiver}. A bad signature or a timestamp more than 5 minutes away in either
 * direction gets 401; a signed but malformed body 400 (never 500); a signed payload no listener
 * handles (view_submission, shortcuts, app_rate_limited, …) 200 with no reply; ssl_check 200;
 * url_verification its challenge; everything else 200 at once, before Bolt's middleware, the
 * dedupe writes and the listeners run.
 */
function slackRoute(signingSecret: string, wallClock: () => number, receiver: AckFirstReceiver, log: Logger) {
  return (req: Request, res: Response): void => {
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
        case 'ssl-check':
          res.status(200).end();
          return;
        case 'challenge':
          res.status(200).json({ challenge: check.challenge });
          return;
        case 'pass':
          res.status(200).end();
          receiver.dispatch(check.body, slackRetryOf(req.headers));
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
 * HTTP mode mounts {@link slackRoute} at `POST /slack/events` on the shared express server: it
 * checks the v0 HMAC signature and the 5-minute timestamp window (401 otherwise), sends Slack its
 * HTTP 200 and then runs Bolt (through {@link AckFirstReceiver}) on the parsed body; the answer
 * follows through the response URL or chat.postMessage, so slow answers never cause retries.
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

  const httpReceiver = slack.appToken ? undefined : new AckFirstReceiver(log);
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
  /** Acknowledged requests not yet through Bolt, then listeners still running. */
  const idle = async (): Promise<void> => {
    await Promise.allSettled(httpReceiver?.inFlight ?? []);
    await inFlight.idle();
  };

  return {
    name: socketReceiver ? 'slack (socket mode)' : 'slack',
    adapter,
    identity,
    mode: socketReceiver ? 'socket' : 'http',
    mount(server: Express) {
      if (!httpReceiver) return;
      server.post(SLACK_EVENTS_PATH, slackRoute(slack.signingSecret, options.wallClock ?? Date.now, httpReceiver, log));
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
      await idle();
      await adapter.stop();
    },
    idle,
  };
}

import { testKnowledge } from '../../../knowledge/test-support/test-knowledge.js';
import { loadConfig } from '../../../bot/config.js';
import { route } from '../../../bot/core.js';
import { createHandlerContext } from '../../../bot/create-context.js';
import { createLogger } from '../../../bot/logger.js';
import type { ServeDeps } from '../../../bot/serve-deps.js';
import { startServer, type RunningServer } from '../../../bot/server.js';
import { openStore } from '../../../bot/storage/open-store.js';
import type { Store } from '../../../handlers/store.js';
import type { IncomingMessage, Reply } from '../../../handlers/types.js';
import { createSlackPart, type SlackPart } from '../slack-part.js';
import { startSlackStandIn, type SlackStandIn } from './slack-stand-in.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-test-token-not-real';

export interface SlackHarness {
  readonly baseUrl: string;
  readonly standIn: SlackStandIn;
  readonly part: SlackPart;
  readonly server: RunningServer;
  readonly store: Store;
  /** Every message the core received, in order. */
  readonly received: IncomingMessage[];
  /** Every log line (JSON), to check nothing secret or personal is logged. */
  readonly logLines: string[];
  close(): Promise<void>;
}

/**
 * The real thing behind a seam: the shared express server with the Slack part (real Bolt, HTTP
 * receiver), a real in-memory SQLite store, the real router, and a stand-in for the Slack Web API
 * and response URLs. `handle` may wrap the router to script a reply.
 */
export async function startSlackHarness(
  options: {
    now?: Date;
    env?: Record<string, string>;
    standIn?: SlackStandIn;
    handle?: (message: IncomingMessage, core: (m: IncomingMessage) => Promise<Reply>) => Promise<Reply>;
    /** Wraps the store the Slack part sees (dedupe, welcome), e.g. to make it slow. */
    wrapStore?: (store: Store) => Store;
  } = {},
): Promise<SlackHarness> {
  const standIn = options.standIn ?? (await startSlackStandIn());
  standIn.fileToken = BOT_TOKEN;
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: standIn.apiUrl,
    DATABASE_URL: 'file::memory:',
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  const logLines: string[] = [];
  const log = createLogger('debug', (line) => logLines.push(line));
  const store = await openStore(config.databaseUrl);
  const partStore = options.wrapStore ? options.wrapStore(store) : store;
  const now = options.now ?? new Date('2026-05-11T10:00:00+02:00');
  const clock = (): Date => now;
  const knowledge = testKnowledge();
  const context = (at: Date) => createHandlerContext(config, at, log, async () => store, knowledge);
  const received: IncomingMessage[] = [];
  const core = (message: IncomingMessage): Promise<Reply> => route(message, context(clock()));
  const deps: ServeDeps = {
    config,
    log,
    clock,
    store: async () => partStore,
    knowledge: () => knowledge,
    refreshKnowledge: async () => knowledge,
    handle: async (message) => {
      received.push(message);
      return options.handle ? options.handle(message, core) : core(message);
    },
    context,
  };
  const part = await createSlackPart(deps);
  if (!part) throw new Error('Slack part not created');
  const server = await startServer({ host: '127.0.0.1', port: 0, parts: [part], log });
  return {
    baseUrl: `http://127.0.0.1:${server.port}`,
    standIn,
    part,
    server,
    store,
    received,
    logLines,
    close: async () => {
      await server.close();
      await store.close();
      await standIn.close();
    },
  };
}

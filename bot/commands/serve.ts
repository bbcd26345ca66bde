import { createSlackPart } from '../../adapters/slack/slack-part.js';
import { createTeamsPart } from '../../adapters/teams/teams-part.js';
import { createLocalAdapter } from '../../adapters/terminal/local-adapter.js';
import { createCalendarPart } from '../calendar/calendar-part.js';
import type { CliIo, Command } from '../cli-io.js';
import { loadConfig, type Config } from '../config.js';
import { lazyStore } from '../create-context.js';
import { createLogger, type Logger } from '../logger.js';
import { parseCommandArgs } from '../parse-args.js';
import { parseNow } from '../parse-now.js';
import { createSchedulerPart } from '../scheduler/scheduler-part.js';
import { createAnswerPool } from '../answer-pool.js';
import { createServeDeps, type AdapterRegistry, type ServeDeps } from '../serve-deps.js';
import { createKnowledgeSource, KNOWLEDGE_REFRESH_MS, type KnowledgeSource } from '../knowledge-source.js';
import { startServer } from '../server.js';
import type { ServerPart } from '../../adapters/server-part.js';

/**
 * `contractbot serve`: the composition root of the long-running bot. One HTTP server with every
 * configured platform, the calendar feed and the reminder scheduler; graceful stop on SIGTERM/SIGINT.
 */
export const serveCommand: Command = async (args, io) => {
  const { values } = parseCommandArgs('serve', args, { now: { type: 'string' } }, false);
  const config = loadConfig(io.env);
  const log = createLogger(config.logLevel);
  const fixedNow = values.now !== undefined ? parseNow(values.now) : undefined;
  const startedAt = io.clock().getTime();
  // With --now the bot's clock starts at that instant and runs on in real time.
  const clock = fixedNow ? () => new Date(fixedNow.getTime() + (io.clock().getTime() - startedAt)) : io.clock;
  const store = lazyStore(config.databaseUrl);
  try {
    return await serve(config, log, clock, store, io);
  } finally {
    await store.close();
  }
};

/** Runs until SIGTERM/SIGINT; the caller closes the store, also when start-up fails. */
async function serve(config: Config, log: Logger, clock: () => Date, store: ReturnType<typeof lazyStore>, io: CliIo): Promise<number> {
  await store.get(); // fail fast on a bad DATABASE_URL, and apply migrations before serving
  const knowledge = createKnowledgeSource({ glossaryPath: config.glossaryPath, log }, store.get);
  // Answers are computed in worker threads, off the HTTP thread that acknowledges requests.
  const pool = await createAnswerPool({ env: io.env, databaseUrl: config.databaseUrl, log });
  try {
    return await serveWith(await createServeDeps(config, log, clock, store.get, knowledge, pool), knowledge, config, log, io);
  } finally {
    await pool?.close();
  }
}

async function serveWith(deps: ServeDeps, knowledge: KnowledgeSource, config: Config, log: Logger, io: CliIo): Promise<number> {
  // Documents added and dates confirmed on any replica reach this one within the refresh interval.
  const refresher = setInterval(() => void knowledge.refresh().catch((error: unknown) => log.error('knowledge refresh failed', { error: error instanceof Error ? error.message : String(error) })), KNOWLEDGE_REFRESH_MS);
  refresher.unref();

  const adapters: AdapterRegistry = new Map([['local', createLocalAdapter(io.stdout)]]);
  const parts: ServerPart[] = [];
  for (const create of [createSlackPart, createTeamsPart]) {
    const part = await create(deps);
    if (!part) continue;
    parts.push(part);
    if (part.adapter) adapters.set(part.adapter.platform, part.adapter);
  }
  for (const part of [await createCalendarPart(deps), await createSchedulerPart(deps, adapters)]) {
    if (part) parts.push(part);
  }

  const running = await startServer({ host: config.host, port: config.port, parts, log });
  io.stdout.write(`contractbot listening on http://${config.host}:${running.port} (${parts.map((p) => p.name).join(', ') || 'no platforms configured'})\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  log.info('shutting down');
  clearInterval(refresher);
  await running.close();
  return 0;
}

import type { Command } from '../cli-io.js';
import { loadConfig } from '../config.js';
import { lazyStore } from '../create-context.js';
import { createLogger } from '../logger.js';
import { parseCommandArgs } from '../parse-args.js';
import { parseNow } from '../parse-now.js';
import { startServer } from '../server.js';
import type { ServerPart } from '../server-part.js';

/**
 * `contractbot serve`: the HTTP server with every configured platform, the calendar feed and the
 * reminder scheduler. Stops gracefully on SIGTERM/SIGINT.
 */
export const serveCommand: Command = async (args, io) => {
  const { values } = parseCommandArgs('serve', args, { now: { type: 'string' } }, false);
  const config = loadConfig(io.env);
  const log = createLogger(config.logLevel);
  const fixedNow = values.now !== undefined ? parseNow(values.now) : undefined;
  /** The clock every part uses: real time, or `--now` advancing from its start. */
  const clock = fixedNow
    ? (() => {
        const offset = fixedNow.getTime() - io.clock().getTime();
        return () => new Date(io.clock().getTime() + offset);
      })()
    : io.clock;
  const store = lazyStore(config.databaseUrl);
  const parts: ServerPart[] = [];
  // Parts are added here by the composition of each platform, the calendar and the scheduler.

  const running = await startServer({ host: config.host, port: config.port, parts, log });
  io.stdout.write(`contractbot listening on http://${config.host}:${running.port} (${parts.map((p) => p.name).join(', ') || 'no platforms configured'})\n`);
  void clock;
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  log.info('shutting down');
  await running.close();
  await store.close();
  return 0;
};

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from '../handlers/logger.js';
import { ConfigError } from './config-error.js';
import type { ServerPart } from '../adapters/server-part.js';

export interface RunningServer {
  readonly app: Express;
  readonly server: Server;
  /** The bound port (useful with PORT=0 in tests). */
  readonly port: number;
  /** Stops the parts (reverse order), then closes the HTTP server. Idempotent. */
  close(): Promise<void>;
}

/**
 * The one HTTP server for all platforms: `GET /healthz` plus every part's routes. Parts mount their
 * own body parsing (Bolt needs the raw body to verify signatures), so none is installed globally.
 */
export async function startServer(options: { host: string; port: number; parts: readonly ServerPart[]; log: Logger }): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, parts: options.parts.map((p) => p.name) });
  });
  for (const part of options.parts) part.mount?.(app);
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  // Last resort: express's own handler would answer with an HTML stack trace outside production.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = httpStatusOf(error);
    if (status >= 500) options.log.error('http route failed', { error: error instanceof Error ? `${error.name}: ${error.message.split('\n')[0] ?? ''}` : 'unknown' });
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(status).json({ error: status >= 500 ? 'internal error' : 'bad request' });
  });

  // Not `app.listen(port, host, callback)`: express 5 calls that callback with the listen error too,
  // so a port in use looked like success and failed later on a null address.
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, options.host, options.port)));
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  options.log.info('listening', { host: options.host, port, parts: options.parts.map((p) => p.name).join(',') });
  for (const part of options.parts) await part.start?.();

  let closing: Promise<void> | undefined;
  return {
    app,
    server,
    port,
    close: () =>
      (closing ??= (async () => {
        for (const part of [...options.parts].reverse()) {
          try {
            await part.stop?.();
          } catch (error) {
            options.log.warn('part failed to stop', { part: part.name, error: error instanceof Error ? error.message : String(error) });
          }
        }
        await new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections?.();
      })()),
  };
}

/** A failed `listen` as a one-line configuration error naming HOST/PORT. */
function listenError(error: NodeJS.ErrnoException, host: string, port: number): ConfigError {
  const where = `${host}:${port}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return new ConfigError(`Cannot listen on ${where}: the port is already in use; stop the other process or set PORT.`);
    case 'EACCES':
      return new ConfigError(`Cannot listen on ${where}: permission denied; use a PORT above 1023 or set HOST/PORT.`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ConfigError(`Cannot listen on ${where}: HOST is not an address of this machine.`);
    default:
      return new ConfigError(`Cannot listen on ${where}: ${error.code ?? error.message.split('\n')[0]}.`);
  }
}

/** The 4xx status a body parser attached to its error (e.g. 400 bad JSON, 413 too large), else 500. */
function httpStatusOf(error: unknown): number {
  const status = typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
}

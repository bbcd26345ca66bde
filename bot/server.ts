import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import type { Logger } from '../handlers/logger.js';
import type { ServerPart } from './server-part.js';

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

  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(options.port, options.host, () => resolve(s));
    s.once('error', reject);
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

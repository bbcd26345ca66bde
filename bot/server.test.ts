import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { ConfigError } from './config-error.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

let blocker: Server;
let busyPort: number;
beforeEach(async () => {
  blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  busyPort = (blocker.address() as AddressInfo).port;
});
afterEach(async () => {
  await new Promise<void>((resolve) => blocker.close(() => resolve()));
});

describe('startServer', () => {
  it('refuses a port in use with a one-line configuration error', async () => {
    const start = startServer({ host: '127.0.0.1', port: busyPort, parts: [], log: createLogger('silent') });
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(start).rejects.toThrow(`Cannot listen on 127.0.0.1:${busyPort}: the port is already in use`);
  });

  it('answers a failing route with JSON, never an HTML stack trace, and logs it', async () => {
    const lines: string[] = [];
    const running = await startServer({
      host: '127.0.0.1',
      port: 0,
      log: createLogger('error', (l) => lines.push(l)),
      parts: [
        {
          name: 'broken',
          mount(app) {
            app.get('/boom', () => {
              throw new Error('secret detail\n    at somewhere (file.ts:1:1)');
            });
          },
        },
      ],
    });
    try {
      const res = await fetch(`http://127.0.0.1:${running.port}/boom`);
      expect(res.status).toBe(500);
      const body = await res.text();
      expect(JSON.parse(body)).toEqual({ error: 'internal error' });
      expect(body).not.toMatch(/secret|at somewhere/);
      expect(lines.join('\n')).toContain('http route failed');
      expect(lines.join('\n')).not.toContain('at somewhere');
    } finally {
      await running.close();
    }
  });
});

describe('contractbot serve start-up', () => {
  it('exits 2 with one line when the port is in use', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contractbot-serve-'));
    try {
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      let err = '';
      stderr.on('data', (d: Buffer) => (err += d.toString()));
      const env = { DATABASE_URL: `file:${join(dir, 'x.db')}`, HOST: '127.0.0.1', PORT: String(busyPort), LOG_LEVEL: 'silent' };
      const code = await runCli(['serve'], { stdin: new PassThrough(), stdout, stderr, env, clock: () => new Date() });
      expect(code).toBe(2);
      expect(err.trim().split('\n')).toEqual([`contractbot: Cannot listen on 127.0.0.1:${busyPort}: the port is already in use; stop the other process or set PORT.`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadFile } from './download-file.js';

describe('downloadFile (real HTTP on loopback)', () => {
  const seen: { path: string; authorization?: string }[] = [];
  let server: Server;
  let other: Server;
  let base = '';
  let otherBase = '';

  beforeAll(async () => {
    other = createServer((req, res) => {
      seen.push({ path: `other${req.url}`, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
      res.end('moved here');
    });
    server = createServer((req, res) => {
      seen.push({ path: req.url ?? '', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
      switch (req.url) {
        case '/ok':
          res.writeHead(200, { 'content-type': 'application/pdf' });
          res.end(Buffer.from('%PDF-1.7 hello'));
          return;
        case '/missing':
          res.writeHead(404);
          res.end('no');
          return;
        case '/declared-large':
          res.writeHead(200, { 'content-length': '5000' });
          res.write('x'.repeat(10));
          return; // never ends: the client must not wait for the body
        case '/chunked': {
          res.writeHead(200, { 'content-type': 'application/octet-stream' });
          let sent = 0;
          const tick = (): void => {
            if (sent >= 20 || res.destroyed) {
              res.end();
              return;
            }
            sent += 1;
            res.write('y'.repeat(100), () => setTimeout(tick, 1));
          };
          tick();
          return;
        }
        case '/redirect':
          res.writeHead(302, { location: `${otherBase}/file` });
          res.end();
          return;
        default:
          res.writeHead(500);
          res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const s of [server, other]) {
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  });

  it('returns the bytes and content type, sending the given headers', async () => {
    const result = await downloadFile(`${base}/ok`, { headers: { authorization: 'Bearer secret-1' } });
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(Buffer.from(result.bytes).toString()).toBe('%PDF-1.7 hello');
    expect(result.contentType).toBe('application/pdf');
    expect(seen.at(-1)).toEqual({ path: '/ok', authorization: 'Bearer secret-1' });
  });

  it('reports an HTTP error status and an unreachable host as failed', async () => {
    expect(await downloadFile(`${base}/missing`)).toEqual({ kind: 'failed', detail: 'HTTP 404' });
    const unreachable = await downloadFile('http://127.0.0.1:1/nothing', { timeoutMs: 2000 });
    expect(unreachable.kind).toBe('failed');
  });

  it('refuses a declared length over the limit without reading the body', async () => {
    expect(await downloadFile(`${base}/declared-large`, { maxBytes: 1000, timeoutMs: 5000 })).toEqual({ kind: 'too-large', limit: 1000 });
  });

  it('stops reading a body without a length once it passes the limit', async () => {
    expect(await downloadFile(`${base}/chunked`, { maxBytes: 1000, timeoutMs: 5000 })).toEqual({ kind: 'too-large', limit: 1000 });
    const whole = await downloadFile(`${base}/chunked`, { maxBytes: 2000, timeoutMs: 5000 });
    expect(whole.kind === 'ok' ? whole.bytes.byteLength : -1).toBe(2000);
  });

  it('follows a redirect to another origin without the Authorization header', async () => {
    const result = await downloadFile(`${base}/redirect`, { headers: { authorization: 'Bearer secret-2' } });
    expect(result.kind === 'ok' ? Buffer.from(result.bytes).toString() : result.kind).toBe('moved here');
    expect(seen.at(-1)).toEqual({ path: 'other/file' });
  });
});

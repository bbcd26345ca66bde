import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';

/** Runs `contractbot ask --json -- <question>` in-process with captured streams. */
async function ask(question: string, json = true): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const code = await runCli(['ask', ...(json ? ['--json'] : []), '--now', '2026-11-23', '--', question], {
    stdin: new PassThrough(),
    stdout,
    stderr,
    env: { DATABASE_URL: 'file::memory:', LOG_LEVEL: 'silent' },
    clock: () => new Date('2026-11-23T12:00:00Z'),
  });
  return { code, stdout: out, stderr: err };
}

const STACK = /\n\s+at .+:\d+:\d+/;

function expectClearJson(result: { code: number; stdout: string; stderr: string }) {
  expect(result.stderr).not.toMatch(STACK);
  expect(result.stdout).not.toMatch(STACK);
  if (result.code === 2) {
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    return undefined;
  }
  expect(result.code).toBe(0);
  const lines = result.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  const json = JSON.parse(lines[0] ?? '') as { text: string; intent: string };
  expect(json.text.trim().length).toBeGreaterThan(0);
  return json;
}

describe('ask with hostile input', () => {
  it('lunr query syntax is plain text', async () => {
    for (const q of ['((( :: ~~ ^^ deadline* +- "', 'title:afslagen', 'afslagen~2 +nza -vgz ggz^10 *', '"unterminated']) {
      expectClearJson(await ask(q));
    }
  });

  it('empty and whitespace-only questions get a clear reply', async () => {
    for (const q of ['', '   ', '\t\n  ']) {
      const json = expectClearJson(await ask(q));
      if (json) expect(json.text).toMatch(/vraag|question/i);
    }
  });

  it('100 KB of text gets a clear "too long" reply', async () => {
    const json = expectClearJson(await ask('afslagen '.repeat(12_000)));
    expect(json?.text).toMatch(/te lang|too long/);
  });

  it('control characters and terminal escape sequences are never echoed raw', async () => {
    const q = 'Wat \u001b[31mvindt\u001b[0m de NZa\u0007 van \u001b]0;pwned\u0007afslagen\u0000?\u009b2J';
    for (const json of [true, false]) {
      const result = await ask(q, json);
      expect(result.code).toBe(0);
      expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(result.stdout).not.toContain('pwned\u0007');
    }
  });

  it('lone surrogates and emoji are handled', async () => {
    for (const q of ['afslagen \ud800 NZa \udfff?', '🙂🙂 Wanneer tekenen bij VGZ? 👍🏽', '\ud83d']) {
      const result = await ask(q);
      const json = expectClearJson(result);
      if (json) expect(() => JSON.parse(result.stdout)).not.toThrow();
    }
  });
});

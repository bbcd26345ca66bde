import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../test-support/run-cli-in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'contractbot-ask-conversation-'));
const env = { DATABASE_URL: `file:${join(dir, 'c.db')}`, LOG_LEVEL: 'silent' };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ask = (conversation: string | undefined, question: string) =>
  runCliInProcess(['ask', '--json', '--now', '2026-11-23', ...(conversation ? ['--conversation', conversation] : []), '--', question], { env });

describe('contractbot ask --conversation', () => {
  it('makes successive calls with the same address one conversation, and other addresses others', async () => {
    const drafted = await ask('slack:C1#1700000000.000100', 'Draft an escalation checklist for VGZ about tariff discounts');
    expect(drafted.code).toBe(0);
    const ticked = JSON.parse((await ask('slack:C1#1700000000.000100', 'tick 2')).out) as { text: string };
    expect(ticked.text).toMatch(/VGZ/);
    expect(ticked.text).toMatch(/\[x\]|☑|✅|1\/\d+|1 van|1 of/);
    // Another conversation (and the default local:cli) has no checklist.
    const other = JSON.parse((await ask('slack:C2', 'tick 2')).out) as { text: string };
    expect(other.text).toMatch(/no checklist/);
    const cli = JSON.parse((await ask(undefined, 'tick 2')).out) as { text: string };
    expect(cli.text).toMatch(/no checklist/);
  }, 60_000);

  it('refuses a malformed address with a one-line message and exit 2', async () => {
    for (const bad of ['bogus', 'irc:x', 'local:']) {
      const run = await ask(bad, 'hallo');
      expect(run.code).toBe(2);
      expect(run.err.trim().split('\n')).toHaveLength(1);
      expect(run.err).toMatch(/--conversation/);
      expect(run.out).toBe('');
    }
  });
});

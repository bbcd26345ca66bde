import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../test-support/run-cli-in-process.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'contractbot-feedback-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const env = () => ({ DATABASE_URL: `file:${join(dir, 'test.db')}`, LOG_LEVEL: 'error' });
const cli = (...argv: string[]) => runCliInProcess(argv, { env: env() });

describe('contractbot feedback list', () => {
  it('shows feedback typed in the terminal (same handler as the Slack and Teams buttons), as a table and as JSON', async () => {
    expect((await cli('feedback', 'list')).out).toContain('No feedback yet.');
    expect((await cli('ask', 'feedback 👎 de bron\r\nontbrak')).code).toBe(0);
    expect((await cli('ask', 'feedback goed')).code).toBe(0);
    const table = await cli('feedback', 'list');
    expect(table.code).toBe(0);
    const lines = table.out.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/local:.*👎\s+chat\s+de bron/);
    expect(lines[2]).toMatch(/👍\s+chat$/);
    const json = JSON.parse((await cli('feedback', 'list', '--json')).out) as { helpful: boolean; subject: string; comment?: string }[];
    expect(json.map((f) => [f.helpful, f.subject])).toEqual([[false, 'chat'], [true, 'chat']]);
  });

  it('refuses an unknown subcommand with a one-line message', async () => {
    const bad = await cli('feedback', 'dump\nX');
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
  });
});

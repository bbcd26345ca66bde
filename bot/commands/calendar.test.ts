import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseIcs } from '../calendar/test-support/parse-ics.js';
import type { CliIo } from '../cli-io.js';
import { runCli } from '../cli.js';

async function cli(...argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const io: CliIo = { stdin: new PassThrough(), stdout, stderr, env: {}, clock: () => new Date('2026-11-23T10:00:00Z') };
  return { code: await runCli(argv, io), out, err };
}

describe('contractbot calendar', () => {
  it('writes an iCalendar file with all-day events', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contractbot-cal-'));
    try {
      const file = join(dir, 'deadlines.ics');
      const r = await cli('calendar', '--insurer', 'VGZ', '--sector', 'huisartsenzorg', '--out', file);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^Wrote \d+ events to .*deadlines\.ics\.\n$/);
      const text = readFileSync(file, 'utf8');
      const calendar = parseIcs(text);
      expect(calendar.children.length).toBeGreaterThan(10);
      expect(text).toContain('DTSTART;VALUE=DATE:20270401\r\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects bad filters with exit 2 and one line', async () => {
    for (const argv of [['calendar', '--insurer', 'Acme'], ['calendar', '--sector', 'x'], ['calendar', '--out', ''], ['calendar', '--now', 'soon']]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });
});

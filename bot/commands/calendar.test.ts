import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIcs } from '../calendar/test-support/parse-ics.js';
import { runCliInProcess } from '../test-support/run-cli-in-process.js';

const cli = (...argv: string[]) => runCliInProcess(argv);

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

  it('leaves past contract years out unless --past, and adds alarms with --alarm', async () => {
    const current = await cli('calendar', '--insurer', 'Z&Z', '--sector', 'ggz', '--now', '2026-11-23');
    expect(current.code).toBe(0);
    expect(parseIcs(current.out).children.filter((c) => c.name === 'VEVENT')).toEqual([]);
    const past = await cli('calendar', '--insurer', 'Z&Z', '--sector', 'ggz', '--now', '2026-11-23', '--past', '--alarm', '3');
    expect(past.code).toBe(0);
    const events = parseIcs(past.out).children.filter((c) => c.name === 'VEVENT');
    expect(events.length).toBeGreaterThan(5);
    for (const e of events) expect(e.children.filter((c) => c.name === 'VALARM').map((a) => a.properties.find((p) => p.name === 'TRIGGER')?.value)).toEqual(['-P3D']);
  });

  it('rejects bad filters with exit 2 and one line', async () => {
    for (const argv of [['calendar', '--insurer', 'Acme'], ['calendar', '--sector', 'x'], ['calendar', '--out', ''], ['calendar', '--now', 'soon'], ['calendar', '--alarm', 'soon'], ['calendar', '--alarm', '-2']]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });
});

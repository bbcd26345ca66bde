import { describe, expect, it } from 'vitest';
import type { DeadlineItem } from '../../handlers/types.js';
import { runCliInProcess } from '../test-support/run-cli-in-process.js';

/** The deadlines command must not read the clock when --now is given. */
const run = (argv: readonly string[]) =>
  runCliInProcess(argv, {
    clock: () => {
      throw new Error('the deadlines command must not read the clock when --now is given');
    },
  });

describe('contractbot deadlines', () => {
  it('prints the calendar of one insurer as a table with past and upcoming items', async () => {
    const t = await run(['deadlines', '--insurer', 'Z&Z', '--now', '2023-11-01']);
    expect(t.code).toBe(0);
    const out = t.out;
    expect(out.split('\n')[0]).toMatch(/^Date\s+Day\s+Status\s+Insurer\s+Who\s+Step/);
    expect(out).toContain('Thursday 9 November 2023');
    expect(out).toMatch(/2023-11-09.*8 days left/);
    expect(out).toMatch(/2023-04-01.*passed/);
    expect(out).not.toContain('VGZ');
  });

  it('gives JSON in the DeadlineItem shape, filtered by sector and range, yearly rules once per year', async () => {
    const t = await run(['deadlines', '--sector', 'huisartsenzorg', '--from', '2026-01-01', '--to', '2027-12-31', '--now', '2026-11-23', '--json']);
    expect(t.code).toBe(0);
    const items = JSON.parse(t.out) as DeadlineItem[];
    expect(items.length).toBeGreaterThan(20);
    expect(items.every((i) => i.insurer === null && i.date >= '2026-01-01' && i.date <= '2027-12-31')).toBe(true);
    const closes = items.filter((i) => i.milestoneId === 'gcp-yearly-contracting-closes');
    expect(closes.map((i) => [i.date, i.status])).toEqual([['2026-11-07', 'past'], ['2027-11-07', 'upcoming']]);
    expect([...items].map((i) => i.date)).toEqual([...items].map((i) => i.date).sort());
  });

  it('says why a window has no deadlines: which policies are loaded for the filter, their contract years, and how to add one', async () => {
    const t = await run(['deadlines', '--insurer', 'VGZ', '--from', '2026-01-01', '--to', '2027-12-31', '--now', '2026-11-23']);
    expect(t.code).toBe(0);
    expect(t.out.trim()).toBe(
      'No deadlines between 1 January 2026 and 31 December 2027 for VGZ. Loaded for this filter: the 2020 policy of VGZ (ggz, last date December 2020). Add a newer purchasing policy with `contractbot documents add <file>` or send the PDF to the bot.',
    );
    const nl = await run(['deadlines', '--insurer', 'Z&Z', '--from', '2026-01-01', '--now', '2026-11-23', '--lang', 'nl', '--json']);
    expect(nl.out.trim()).toBe('[]');
    expect(nl.err).toMatch(/^Geen deadlines vanaf 1 januari 2026 voor Zorg en Zekerheid\. Geladen voor dit filter: het inkoopbeleid 2024 van Zorg en Zekerheid \(ggz, laatste datum maart 2025\)\./);
  });

  it('uses Dutch with --lang nl', async () => {
    const t = await run(['deadlines', '--insurer', 'VGZ', '--now', '2026-11-23', '--lang', 'nl']);
    expect(t.code).toBe(0);
    expect(t.out).toContain('Datum');
    expect(t.out).toContain('woensdag 1 januari 2020');
  });

  it('shows only sector-wide rules for an insurer without a loaded policy, and says so', async () => {
    const t = await run(['deadlines', '--insurer', 'CZ', '--now', '2026-11-23', '--json']);
    expect(t.code).toBe(0);
    const items = JSON.parse(t.out) as DeadlineItem[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.insurer === null)).toBe(true);
    expect(t.err).toContain('No purchasing policy of CZ is loaded');
  });

  it('rejects bad options with exit 2 and one line', async () => {
    for (const args of [
      ['--sector', 'tandarts'],
      ['--from', '2026-02-30'],
      ['--from', '2027-01-01', '--to', '2026-01-01'],
      ['--insurer', 'Nonexistent Verzekeraar'],
      ['--lang', 'de'],
      ['--bogus'],
      ['--now', 'yesterday'],
    ]) {
      const t = await run(['deadlines', ...args, ...(args.includes('--now') ? [] : ['--now', '2026-11-23'])]);
      expect(t.code, args.join(' ')).toBe(2);
      expect(t.err.trim().split('\n')).toHaveLength(1);
      expect(t.out).toBe('');
    }
  });
});

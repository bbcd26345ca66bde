import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../test-support/run-cli-in-process.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'contractbot-remind-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the real CLI in-process against this test's own SQLite file. */
const cli = (...argv: string[]) => runCliInProcess(argv, { env: { DATABASE_URL: `file:${join(dir, 'test.db')}`, LOG_LEVEL: 'error' } });

describe('contractbot remind', () => {
  it('delivers the 7-day reminder of 1 April 2027 once, and a second pass nothing', async () => {
    const added = await cli('remind', 'add', '--channel', 'local:x', '--lead', '7', '--json');
    expect(added.code).toBe(0);
    const subscription = JSON.parse(added.out) as { id: string; channel: string; leadDays: number[]; insurers: string };
    expect(subscription).toMatchObject({ channel: 'local:x', leadDays: [7], insurers: 'all', sectors: 'all', language: 'nl', active: true });

    const first = await cli('remind', 'run-due', '--now', '2027-03-25T12:00:00+01:00', '--json');
    expect(first.code).toBe(0);
    const deliveries = JSON.parse(first.out) as Record<string, unknown>[];
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toEqual({
      subscriptionId: subscription.id,
      channel: 'local:x',
      milestoneId: 'gcp-yearly-policy-by-april-1',
      date: '2027-04-01',
      leadDays: 7,
      late: false,
      text: expect.stringMatching(/donderdag 1 april 2027, nog 7 dagen[\s\S]*uiterlijk 1 april/),
    });

    const second = await cli('remind', 'run-due', '--now', '2027-03-25T12:00:00+01:00', '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out)).toEqual([]);
  });

  it('sends at the time of day given with --at (Amsterdam time), not before', async () => {
    const added = JSON.parse((await cli('remind', 'add', '--channel', 'local:x', '--lead', '7', '--at', '14:30', '--json')).out) as { timeOfDay: string };
    expect(added.timeOfDay).toBe('14:30');
    expect(JSON.parse((await cli('remind', 'run-due', '--now', '2027-03-25T14:29:00+01:00', '--json')).out)).toEqual([]);
    expect(JSON.parse((await cli('remind', 'run-due', '--now', '2027-03-25T14:30:00+01:00', '--json')).out)).toMatchObject([{ date: '2027-04-01', leadDays: 7 }]);
  });

  it('prints reminders for local: addresses without --json', async () => {
    await cli('remind', 'add', '--channel', 'local:team', '--lead', '7', '--language', 'en', '--insurer', 'all', '--sector', 'huisartsenzorg');
    const run = await cli('remind', 'run-due', '--now', '2027-03-25T12:00:00+01:00');
    expect(run.out).toMatch(/^\[local:team\]\nReminder: /);
    expect(run.out).toMatch(/Delivered 1 reminder\(s\)\.\n$/);
  });

  it('lists and removes subscriptions', async () => {
    const a = JSON.parse((await cli('remind', 'add', '--channel', 'slack:C1#171.5', '--insurer', 'vgz,Z&Z', '--lead', '14,30', '--json')).out) as { id: string };
    await cli('remind', 'add', '--channel', 'local:y');
    const listed = JSON.parse((await cli('remind', 'list', '--channel', 'slack:C1', '--json')).out) as { id: string; insurers: string[]; leadDays: number[]; address: unknown }[];
    expect(listed).toEqual([expect.objectContaining({ id: a.id, insurers: ['VGZ', 'Zorg en Zekerheid'], leadDays: [30, 14], address: { platform: 'slack', conversationId: 'C1', threadId: '171.5' } })]);
    expect((await cli('remind', 'list')).out.trim().split('\n')).toHaveLength(2);
    expect(await cli('remind', 'remove', a.id)).toMatchObject({ code: 0, out: `Removed reminder subscription ${a.id}.\n` });
    expect((await cli('remind', 'list', '--json')).out).not.toContain(a.id);
  });

  it('rejects bad input with exit 2 and one line, changing nothing', async () => {
    const bad = [
      ['remind'],
      ['remind', 'frobnicate'],
      ['remind', 'add'],
      ['remind', 'add', '--channel', 'irc:x'],
      ['remind', 'add', '--channel', 'local:x', '--lead', '7,abc'],
      ['remind', 'add', '--channel', 'local:x', '--lead', '400'],
      ['remind', 'add', '--channel', 'local:x', '--insurer', 'Acme Zorg'],
      ['remind', 'add', '--channel', 'local:x', '--sector', 'tandarts'],
      ['remind', 'add', '--channel', 'local:x', '--language', 'de'],
      ['remind', 'add', '--channel', 'local:x', '--at', '25:00'],
      ['remind', 'add', '--channel', 'local:x', '--at', '9am'],
      ['remind', 'add', '--channel', 'local:x', '--bogus'],
      ['remind', 'remove'],
      ['remind', 'list', '--channel', 'nope'],
      ['remind', 'run-due', '--now', 'yesterday'],
    ];
    for (const argv of bad) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.trim().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    }
    // Not even an empty database: bad arguments are refused before the store is opened.
    expect(existsSync(join(dir, 'test.db'))).toBe(false);
    expect(await cli('remind', 'remove', 'nope')).toMatchObject({ code: 2 });
    expect(JSON.parse((await cli('remind', 'list', '--json')).out)).toEqual([]);
  });
});

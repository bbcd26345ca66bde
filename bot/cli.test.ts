import { describe, expect, it } from 'vitest';
import { runCliInProcess } from './test-support/run-cli-in-process.js';

// A DATABASE_URL that cannot be opened: help must never touch the database or start anything.
const cli = (...argv: string[]) => runCliInProcess(argv, { env: { DATABASE_URL: 'mysql://nowhere', PORT: 'not-a-port' } });

describe('contractbot CLI help and usage errors', () => {
  it('prints the command list for --help on stdout with exit 0', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('contractbot remind add|list|remove|run-due');
    expect(r.err).toBe('');
  });

  it.each(['ask', 'deadlines', 'remind', 'calendar', 'serve', 'chat', 'eval', 'calibrate', 'index', 'teams-package'])('"%s --help" shows that command\'s usage with exit 0', async (name) => {
    const r = await cli(name, '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^Usage:\\n  contractbot ${name}\\b`));
    expect(r.err).toBe('');
  });

  it('lists every remind subcommand for "remind --help" and "remind add -h"', async () => {
    for (const argv of [['remind', '--help'], ['remind', 'add', '-h']]) {
      const r = await cli(...argv);
      expect(r.code).toBe(0);
      for (const sub of ['remind add --channel', 'remind list', 'remind remove <id>', 'remind run-due']) expect(r.out).toContain(sub);
    }
  });

  it('without a command: exit 2, one line on stderr, nothing on stdout', async () => {
    const r = await cli();
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('an unknown command or option: exit 2 and one line on stderr', async () => {
    for (const argv of [['frobnicate'], ['deadlines', '--bogus'], ['remind', 'list', '--bogus']]) {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });
});

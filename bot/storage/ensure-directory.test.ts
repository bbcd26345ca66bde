import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../knowledge/paths.js';
import { ensureDirectory } from './ensure-directory.js';

describe('ensureDirectory', () => {
  it('creates missing parents and accepts an existing folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'contractbot-dir-'));
    try {
      const target = join(dir, 'a', 'b', 'c');
      ensureDirectory(target);
      expect(statSync(target).isDirectory()).toBe(true);
      ensureDirectory(target);
      ensureDirectory(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('throws when a file is in the way', () => {
    const dir = mkdtempSync(join(tmpdir(), 'contractbot-dir-'));
    try {
      writeFileSync(join(dir, 'file'), 'x');
      expect(() => ensureDirectory(join(dir, 'file', 'sub'))).toThrow(/ENOTDIR|EEXIST/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Node 20's recursive mkdir loops forever below /proc (mkdir answers ENOENT under an existing
  // parent). Run in a child process so a regression fails by timeout instead of hanging the suite.
  it.skipIf(!existsSync('/proc/self'))('fails fast below /proc: the CLI exits 2 with one line', () => {
    const run = spawnSync(process.execPath, [join(projectRoot(), 'bin', 'contractbot.js'), 'remind', 'list'], {
      env: { ...process.env, DATABASE_URL: 'file:/proc/contractbot-test/x.db', LOG_LEVEL: 'error' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^contractbot: Cannot open the SQLite database at \/proc\/contractbot-test\/x\.db: ENOENT/);
  });
});

import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../knowledge/paths.js';

const SOURCE_DIRS = ['bot', 'handlers', 'knowledge', 'adapters', 'scripts'];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'generated' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (!entry.name.includes('.test.')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Vitest global setup: builds the CLI bundle (`npm run build`) once before the tests when it is
 * missing or older than any source or knowledge file, so tests that spawn `bin/contractbot.js`
 * always run the current code. A fresh `npm ci` has built it already.
 */
export default function buildCli(): void {
  const root = projectRoot();
  const built = statSync(join(root, 'dist', 'cli', 'main.js'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const newest = Math.max(...SOURCE_DIRS.map((d) => newestSource(join(root, d))));
  if (built >= newest) return;
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
}

// Build: bundles the CLI (and the bench) with esbuild into dist/, then writes the search index and
// the holiday table. One bundle with lazily loaded chunks starts several times faster than ~200
// separate compiled modules.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync } from 'node:fs';

// Small pure-JS packages on the `ask` path are bundled (no module resolution or CJS lexing at start);
// everything else (native drivers, Slack, Teams, date libraries loaded on demand) stays external.
const BUNDLED = new Set(['lunr', 'lunr-languages', 'zod', '@date-fns/tz', 'date-fns']);
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

// Build next to dist/ and swap it in at the end, so a CLI that is running meanwhile never sees it half-built.
rmSync('dist.next', { recursive: true, force: true });
await build({
  entryPoints: { 'cli/main': 'bot/main.ts', 'cli/answer-worker': 'bot/answer-worker.ts', 'scripts/bench': 'scripts/bench.ts' },
  outdir: 'dist.next',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  chunkNames: 'cli/chunks/[name]-[hash]',
  logLevel: 'warning',
});
rmSync('dist', { recursive: true, force: true });
renameSync('dist.next', 'dist');
if (!process.argv.includes('--no-index')) {
  execFileSync(process.execPath, ['bin/contractbot.js', 'index', '--quiet'], { stdio: 'inherit' });
}

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { knowledgePath } from './paths.js';

/** Whether to use, or (re)write, the validated form of a data file kept under `knowledge/generated/data/`. */
export type ValidatedMode = 'use' | 'write';

/** True when running from the TypeScript sources (tests, development) rather than the build. */
function runningFromSources(): boolean {
  return import.meta.url.endsWith('.ts');
}

/**
 * A shipped data file, validated (zod) and in its validated form. `contractbot index` (run by every
 * build) writes that form with a hash of the file's text to `knowledge/generated/data/<name>`, so the
 * built CLI reads it instead of validating the same text again on every start; a file changed since
 * (another hash) is validated as always, and from the sources (tests) every file is validated.
 *
 * @example readValidated('vocabulary/steps.json', knowledgePath('data', 'vocabulary/steps.json'), (text) => schema.parse(JSON.parse(text)))
 */
export function readValidated<T>(
  name: string,
  path: string,
  validate: (text: string) => T,
  mode: ValidatedMode = 'use',
  read: (path: string) => string = (p) => readFileSync(p, 'utf8'),
  /** Whether a kept validated form may be used (the built CLI; from the sources only when a test asks). */
  trustKept: boolean = !runningFromSources(),
): T {
  const text = read(path);
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 32);
  const snapshot = knowledgePath('generated', 'data', name);
  if (mode === 'use' && trustKept) {
    try {
      const kept = JSON.parse(readFileSync(snapshot, 'utf8')) as { hash?: unknown; data?: unknown };
      if (kept.hash === hash && kept.data !== undefined) return kept.data as T;
    } catch {
      // Not written yet, or unreadable: validate below.
    }
  }
  const data = validate(text);
  if (mode === 'write') {
    mkdirSync(dirname(snapshot), { recursive: true });
    writeFileSync(`${snapshot}.tmp`, JSON.stringify({ hash, data }));
    renameSync(`${snapshot}.tmp`, snapshot);
  }
  return data;
}

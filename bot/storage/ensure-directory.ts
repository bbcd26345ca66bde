import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Creates a folder and its missing parents, one level at a time, and throws the first error.
 * Not `mkdirSync(dir, { recursive: true })`: on Node 20 that spins forever where `mkdir` answers
 * ENOENT although the parent exists (e.g. below /proc), so `serve` would hang at 100% CPU.
 */
export function ensureDirectory(dir: string): void {
  const missing: string[] = [];
  for (let current = resolve(dir); !existsSync(current); current = dirname(current)) {
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

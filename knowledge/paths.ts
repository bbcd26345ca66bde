import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/**
 * The project root (the folder holding package.json), found from this module's location so it
 * works both from the TypeScript sources (tests) and from the compiled `dist/` tree.
 */
export function projectRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  cachedRoot = dir;
  return dir;
}

/** Absolute path of a file under `knowledge/` (data files are read at run time, not compiled). */
export function knowledgePath(...parts: string[]): string {
  return join(projectRoot(), 'knowledge', ...parts);
}

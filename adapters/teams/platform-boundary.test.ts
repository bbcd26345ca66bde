import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../knowledge/paths.js';

const BOTBUILDER = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](?:botbuilder[^'"]*|botframework-[^'"]*)['"]/;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

describe('platform boundary', () => {
  it('keeps botbuilder imports inside adapters/teams (none in handlers/, knowledge/, bot/ or other adapters)', () => {
    const root = projectRoot();
    const folders = ['handlers', 'knowledge', 'bot', join('adapters', 'slack'), join('adapters', 'terminal')];
    const files = folders.flatMap((f) => tsFiles(join(root, f)));
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((f) => BOTBUILDER.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });

  it('detects such an import (the check itself works)', () => {
    expect(BOTBUILDER.test(`import { TurnContext } from 'botbuilder';`)).toBe(true);
    expect(BOTBUILDER.test(`const c = await import("botframework-connector");`)).toBe(true);
    expect(BOTBUILDER.test(`// mentions botbuilder in a comment`)).toBe(false);
  });
});

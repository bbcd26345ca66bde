import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return tsFiles(path);
    return /\.(ts|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

describe('platform boundary', () => {
  it('no Slack package is imported outside adapters/slack', () => {
    const offenders: string[] = [];
    const slackImport = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]@slack\//;
    for (const dir of ['handlers', 'knowledge', 'bot', 'adapters']) {
      for (const file of tsFiles(join(root, dir))) {
        const rel = relative(root, file).split('\\').join('/');
        if (rel.startsWith('adapters/slack/')) continue;
        if (slackImport.test(readFileSync(file, 'utf8'))) offenders.push(rel);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the check itself recognises a Slack import', () => {
    const slackImport = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]@slack\//;
    expect(slackImport.test("import { App } from '@slack/bolt';")).toBe(true);
    expect(slackImport.test("const m = await import('@slack/web-api');")).toBe(true);
    expect(slackImport.test("import '@slack/types';")).toBe(true);
    expect(slackImport.test('// talks to Slack through adapters/slack')).toBe(false);
  });
});

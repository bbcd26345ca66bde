import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../knowledge/paths.js';

/**
 * Layers point one way: adapters → handlers → knowledge; only bot/ wires (imports adapters).
 * Test files and test-support folders may reach further (they are wiring of their own), product
 * code may not. Platform SDKs never leave adapters/.
 */
const LAYERS = ['knowledge', 'handlers', 'adapters', 'bot'] as const;
type Layer = (typeof LAYERS)[number];
const ALLOWED: Record<Layer, readonly Layer[]> = {
  knowledge: ['knowledge'],
  handlers: ['handlers', 'knowledge'],
  adapters: ['adapters', 'handlers', 'knowledge'],
  bot: ['bot', 'adapters', 'handlers', 'knowledge'],
};
const PLATFORM_SDKS = ['@slack/', 'botbuilder', 'botframework-'];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== 'test-support' && name !== 'generated') out.push(...sourceFiles(path));
    } else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? '');
}

function layerOf(root: string, path: string): Layer | undefined {
  const top = relative(root, path).split(/[\\/]/)[0];
  return LAYERS.find((l) => l === top);
}

describe('layer directions', () => {
  const root = projectRoot();
  const files = LAYERS.flatMap((layer) => sourceFiles(join(root, layer)).map((file) => ({ layer, file })));

  it('finds the product code of every layer', () => {
    for (const layer of LAYERS) expect(files.filter((f) => f.layer === layer).length, layer).toBeGreaterThan(3);
  });

  it('every relative import points to the same layer or one below it', () => {
    const violations: string[] = [];
    for (const { layer, file } of files) {
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = layerOf(root, resolve(dirname(file), spec));
        if (target && !ALLOWED[layer].includes(target)) violations.push(`${relative(root, file)} → ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('platform SDKs are imported only in adapters/', () => {
    const violations = files
      .filter(({ layer }) => layer !== 'adapters')
      .flatMap(({ file }) => importsOf(file).filter((spec) => PLATFORM_SDKS.some((sdk) => spec.startsWith(sdk))).map((spec) => `${relative(root, file)} → ${spec}`));
    expect(violations).toEqual([]);
  });

  it('handlers and knowledge hold no module-level knowledge: they never read the shipped data files', () => {
    const readers = files
      .filter(({ layer }) => layer === 'handlers')
      .filter(({ file }) => /\b(readFileSync|knowledgePath|readBundle|loadGlossary)\b/.test(readFileSync(file, 'utf8')))
      .map(({ file }) => relative(root, file));
    expect(readers).toEqual([]);
  });
});

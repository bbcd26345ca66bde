import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GlossaryError, glossaryFrom, glossaryMatches, loadGlossary, mergeGlossaries, parseGlossary } from './glossary.js';

function expansionsOf(text: string, glossary = loadGlossary()): string[] {
  return glossaryMatches(glossary, text).flatMap((m) => m.expansions);
}

describe('shipped glossary', () => {
  it('validates and is a real domain list', () => {
    const g = loadGlossary();
    expect(g.entries.length).toBeGreaterThanOrEqual(100);
    expect(g.entries.filter((e) => e.kind === 'translation').length).toBeGreaterThanOrEqual(80);
  });

  it('translates the core contracting vocabulary to Dutch', () => {
    expect(expansionsOf('When must I sign?')).toEqual(expect.arrayContaining(['ondertekenen', 'ondertekening', 'tekenen']));
    expect(expansionsOf('What is the deadline?')).toEqual(expect.arrayContaining(['uiterste datum', 'uiterlijk']));
    expect(expansionsOf('my insurer')).toContain('zorgverzekeraar');
    expect(expansionsOf('the tariff')).toContain('tarief');
    expect(expansionsOf('which requirement')).toEqual(expect.arrayContaining(['eis', 'voorwaarde']));
    expect(expansionsOf('care abroad')).toContain('buitenland');
    expect(expansionsOf('a treatment')).toContain('behandeling');
  });

  it('links abbreviations and Dutch synonyms both ways', () => {
    expect(expansionsOf('tekenen bij Z&Z')).toEqual(expect.arrayContaining(['Zorg en Zekerheid', 'ondertekenen']));
    expect(expansionsOf('ZenZ')).toContain('Zorg en Zekerheid');
    expect(expansionsOf('Zorg en Zekerheid')).toContain('Z&Z');
    expect(expansionsOf('gbGGZ')).toContain('generalistische basis ggz');
    expect(expansionsOf('sGGZ')).toContain('specialistische ggz');
    expect(expansionsOf('de POH-GGZ')).toContain('praktijkondersteuner huisarts ggz');
    expect(expansionsOf('VECOZO')).toContain('zorginkoopportaal');
    expect(expansionsOf('Vecozo')).toContain('zorginkoopportaal');
    expect(expansionsOf('de Treeknorm')).toContain('wachttijden');
    expect(expansionsOf('NZa')).toContain('Nederlandse Zorgautoriteit');
  });

  it('matches all-capital abbreviations only as written, so Dutch words are not mistaken for them', () => {
    expect(expansionsOf('Wat vindt het ZIN?')).toContain('Zorginstituut Nederland');
    expect(expansionsOf('Deze zin is lang')).not.toContain('Zorginstituut Nederland');
    expect(expansionsOf('an interesting fact')).not.toContain('Flexible Assertive Community Treatment');
  });
});

describe('user glossary (CONTRACTBOT_GLOSSARY)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'glossary-'));

  it('is merged over the shipped one: new entries added, same first term replaced', () => {
    const path = join(dir, 'extra.json');
    writeFileSync(
      path,
      JSON.stringify({
        entries: [
          { kind: 'translation', en: ['bonus'], nl: ['resultaatbeloning'] },
          { kind: 'translation', en: ['sign'], nl: ['paraferen'] },
        ],
      }),
    );
    const g = loadGlossary(path);
    expect(expansionsOf('a bonus', g)).toEqual(['resultaatbeloning']);
    expect(expansionsOf('sign', g)).toEqual(['paraferen']);
    expect(g.entries.length).toBe(loadGlossary().entries.length + 1);
  });

  it('rejects an invalid file with a clear message naming the file and the problem', () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ entries: [{ kind: 'translation', en: ['x'] }] }));
    expect(() => loadGlossary(path)).toThrow(GlossaryError);
    expect(() => loadGlossary(path)).toThrow(/bad\.json \(CONTRACTBOT_GLOSSARY\) is invalid at entries\.0\.nl: Required/);
    const notJson = join(dir, 'broken.json');
    writeFileSync(notJson, '{ entries: ');
    expect(() => loadGlossary(notJson)).toThrow(/is not valid JSON/);
    expect(() => loadGlossary(join(dir, 'missing.json'))).toThrow(/cannot be read \(ENOENT\)/);
  });

  it('validates every entry kind', () => {
    expect(() => parseGlossary({ entries: [{ kind: 'synonym', nl: ['alleen'] }] }, 't')).toThrow(GlossaryError);
    expect(() => parseGlossary({ entries: [{ kind: 'other', nl: ['a', 'b'] }] }, 't')).toThrow(GlossaryError);
    expect(parseGlossary({ entries: [{ kind: 'abbreviation', short: ['AB'], long: ['a b'] }] }, 't')).toHaveLength(1);
    const merged = mergeGlossaries(
      [{ kind: 'synonym', nl: ['a', 'b'] }],
      [
        { kind: 'synonym', nl: ['a', 'c'] },
        { kind: 'synonym', nl: ['d', 'e'] },
      ],
    );
    expect(merged).toEqual([
      { kind: 'synonym', nl: ['a', 'c'] },
      { kind: 'synonym', nl: ['d', 'e'] },
    ]);
    expect(glossaryMatches(glossaryFrom(merged), 'A en D').map((m) => m.expansions)).toEqual([['c'], ['e']]);
  });
});

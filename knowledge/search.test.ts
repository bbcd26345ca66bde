import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanedDocument } from './cleaned-documents.js';
import { searchPassages, searchWithConcepts } from './search.js';
import { analyze } from './search/dutch-lunr.js';
import { buildIndexData, indexFilePath, inMemoryIndex, sourceHash } from './search/search-index.js';

describe('searchPassages', () => {
  it('finds Dutch passages for English questions through the glossary', () => {
    const [best] = searchPassages('Does Zorg en Zekerheid buy care delivered abroad?');
    expect(best?.passage.documentId).toBe('zz-ggz-2024');
    expect(best?.passage.text).toContain('buitenland');
  });

  it('uses Dutch stemming: inflected forms find each other', () => {
    expect(analyze('afslagen')).toEqual(analyze('afslag'));
    expect(analyze('De afslagen op de maximumtarieven')).toEqual(['afslag', 'maximumtariev']);
    expect(analyze('patient')).toEqual(analyze('patiënt'));
    const [best] = searchPassages('afslag nieuwe maximumtarief');
    expect(best?.passage.text).toContain('afslagen op de nieuwe maximumtarieven');
  });

  it('returns passages whose text sits at their offsets, with their section path', () => {
    for (const hit of searchPassages('selectieve inkoop VGZ', { limit: 5 })) {
      expect(cleanedDocument(hit.passage.documentId).text.slice(hit.passage.start, hit.passage.end)).toBe(hit.passage.text);
      expect(hit.score).toBeGreaterThan(0);
    }
  });

  it('treats lunr query syntax as plain text and never throws', () => {
    for (const q of ['((( :: ~~ ^^ deadline* +- "', 'title:foo', 'afslagen~2', '+nza -vgz', 'ggz^10', '*', '"', 'a:b:c', '\\', '-']) {
      expect(() => searchPassages(q), q).not.toThrow();
    }
    const [plain] = searchPassages('afslagen');
    const [withSyntax] = searchPassages('+afslagen^5 ~afslagen* "afslagen"');
    expect(withSyntax?.passage.id).toBe(plain?.passage.id);
  });

  it('filters by document and finds nothing for questions outside the domain', () => {
    expect(searchPassages('tarieven', { documentIds: ['vgz-ggz-2020'], limit: 10 }).every((h) => h.passage.documentId === 'vgz-ggz-2020')).toBe(true);
    const { hits } = searchWithConcepts('What is the capital of France?');
    expect(hits.every((h) => h.coverage < 0.2)).toBe(true);
    expect(searchPassages('')).toEqual([]);
    expect(searchPassages('the of and')).toEqual([]);
  });

  it('ranks passages that contain more of the question first', () => {
    const { hits } = searchWithConcepts('Hoeveel procent van de behandeltijd moet de regiebehandelaar zelf leveren?');
    expect(hits[0]?.passage.text).toContain('80% van de behandeltijd');
    expect(hits[0]?.coverage).toBeGreaterThan(0.5);
  });
});

describe('search index', () => {
  it('serialises and loads back to the same results', () => {
    const data = buildIndexData('nl');
    expect(data.sourceHash).toBe(sourceHash('nl'));
    const fresh = inMemoryIndex('nl');
    const q = 'Wat moet ik vermelden bij het indienen van een signaal bij de NZa?';
    const a = searchPassages(q, { index: fresh }).map((h) => h.passage.id);
    expect(a.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(data)).passages).toHaveLength(data.passages.length);
  });

  it('the shipped index file, when present, matches its recorded format', () => {
    if (!existsSync(indexFilePath())) return;
    const data = JSON.parse(readFileSync(indexFilePath(), 'utf8')) as { format: number; passages: unknown[] };
    expect(data.format).toBe(1);
    expect(data.passages.length).toBeGreaterThan(100);
  });
});

import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../test-support/test-knowledge.js';
import { createSectorCatalog } from './sector-catalog.js';

describe('sector catalog', () => {
  const { sectors } = testKnowledge();

  it('reads sectors from data, prefixes included', () => {
    expect(sectors.find('same question but for huisartsen')).toEqual(['huisartsenzorg']);
    expect(sectors.find('psychologen en wijkverpleging')).toEqual(['ggz', 'wijkverpleging']);
    expect(sectors.canonical('Farmacie')).toBe('farmacie');
    expect(sectors.canonical('tandarts')).toBeUndefined();
  });

  it('a sector a document declares is known without code', () => {
    const catalog = createSectorCatalog([], ['mondzorg']);
    expect(catalog.canonical('mondzorg')).toBe('mondzorg');
    expect(catalog.find('deadlines voor mondzorg')).toEqual(['mondzorg']);
  });
});

import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../test-support/test-knowledge.js';
import { createInsurerCatalog } from './insurer-catalog.js';

describe('insurer catalog', () => {
  const { insurers } = testKnowledge();

  it('finds names and aliases, several in one text, in order, each once', () => {
    expect(insurers.find('When must I sign with VGZ and Z&Z? And VGZ again').map((m) => m.name)).toEqual(['VGZ', 'Zorg en Zekerheid']);
    expect(insurers.find('Menzis')[0]).toMatchObject({ name: 'Menzis', loaded: false, fuzzy: false });
  });

  it("reads a possessive as its owner: \"ONVZ's deadline\", \"Menzis’s policy\"", () => {
    expect(insurers.find("What's ONVZ's deadline for signing?").map((m) => m.name)).toEqual(['ONVZ']);
    expect(insurers.find('What are Menzis’s purchasing deadlines?').map((m) => m.name)).toEqual(['Menzis']);
    expect(insurers.find("VGZ's policy")[0]).toMatchObject({ name: 'VGZ', loaded: true, fuzzy: false });
  });

  it('tolerates a small typo in a long name, not in short ones or real words', () => {
    expect(insurers.find('zorg en zekerhied tekenen wanneer??')[0]).toMatchObject({ name: 'Zorg en Zekerheid', fuzzy: true, matched: 'zorg en zekerhied' });
    expect(insurers.find('Zilveren Kruiss')[0]?.name).toBe('Zilveren Kruis');
    expect(insurers.find('vgzz')).toHaveLength(0);
    expect(insurers.find('Ik weet het zeker, ik ben me er bewust van')).toEqual([]);
    expect(insurers.find('Ik heb de zorgverzekeraar een vraag gesteld')).toEqual([]);
  });

  it('resolves a whole text to one canonical name, or nothing', () => {
    expect(insurers.canonical('z&z')).toBe('Zorg en Zekerheid');
    expect(insurers.canonical('VGZ\r\nX-Injected: 1')).toBeUndefined();
    expect(insurers.canonical('Acme')).toBeUndefined();
  });

  it('an insurer only a document declares becomes known and loaded', () => {
    const catalog = createInsurerCatalog([{ name: 'VGZ', aliases: ['VGZ'] }], ['Zorgverzekeraar Noordwest']);
    expect(catalog.find('wanneer tekenen bij Zorgverzekeraar Noordwest?')[0]).toMatchObject({ name: 'Zorgverzekeraar Noordwest', loaded: true });
    expect(catalog.find('VGZ')[0]?.loaded).toBe(false);
  });
});

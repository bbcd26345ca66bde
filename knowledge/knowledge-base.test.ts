import { describe, expect, it } from 'vitest';
import { readBundle } from './bundle.js';
import { buildCleanedDocument } from './cleaned-documents.js';
import { loadGlossary } from './glossary.js';
import { buildPassages } from './ingest/passages.js';
import { buildKnowledgeBase, type StoredDocument } from './knowledge-base.js';
import { searchPassages, searchSpaceOf } from './search.js';

const RAW = `1 Inleiding
Dit is het zorginkoopbeleid wijkverpleging 2027 van Zorgverzekeraar Noordwest voor alle aanbieders van wijkverpleging in de regio.

2 Planning
Uiterlijk 15 november 2026 ondertekent de zorgaanbieder de overeenkomst wijkverpleging in het portaal.
`;

function upload(): StoredDocument {
  const cleaned = buildCleanedDocument('noordwest-wijkverpleging-2027', RAW);
  return {
    meta: { id: 'noordwest-wijkverpleging-2027', title: 'Zorginkoopbeleid wijkverpleging 2027', publisher: 'Zorgverzekeraar Noordwest', kind: 'insurer-policy', sector: 'wijkverpleging', insurer: 'Zorgverzekeraar Noordwest', published: '2026-04-01', contractYear: 2027, language: 'nl', url: null, origin: 'upload' },
    cleaned,
    passages: buildPassages(cleaned),
    pages: [],
    addedAt: '2026-04-02T10:00:00.000Z',
  };
}

describe('knowledge base', () => {
  const bundle = readBundle();
  const glossary = loadGlossary();

  it('holds the shipped documents and their curated milestones', () => {
    const kb = buildKnowledgeBase({ bundle, glossary });
    expect(kb.documents.map((d) => d.id)).toContain('zz-ggz-2024');
    expect(kb.milestones.length).toBeGreaterThan(50);
    expect(kb.insurers.loaded).toEqual(expect.arrayContaining(['Zorg en Zekerheid', 'VGZ']));
  });

  it('an uploaded document is searchable, names a new insurer and sector, and changes the version', () => {
    const base = buildKnowledgeBase({ bundle, glossary });
    const kb = buildKnowledgeBase({ bundle, glossary, uploads: [upload()] });
    expect(kb.version).not.toBe(base.version);
    expect(kb.insurers.find('wanneer tekenen bij Zorgverzekeraar Noordwest')[0]).toMatchObject({ name: 'Zorgverzekeraar Noordwest', loaded: true });
    expect(kb.sectors.canonical('wijkverpleging')).toBe('wijkverpleging');
    const hits = searchPassages(searchSpaceOf(kb), 'ondertekent overeenkomst wijkverpleging portaal');
    expect(hits[0]?.passage.documentId).toBe('noordwest-wijkverpleging-2027');
    expect(kb.source('noordwest-wijkverpleging-2027', '2 Planning', 'x', 1)).toMatchObject({ title: 'Zorginkoopbeleid wijkverpleging 2027', year: '2026' });
  });
});

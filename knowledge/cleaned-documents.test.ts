import { describe, expect, it } from 'vitest';
import { testKnowledge } from './test-support/test-knowledge.js';
import { buildCleanedDocument } from './cleaned-documents.js';

function pathOf(documentId: string, phrase: string): string[] {
  const offset = testKnowledge().cleaned(documentId).text.indexOf(phrase);
  expect(offset, phrase).toBeGreaterThanOrEqual(0);
  return testKnowledge().sectionPathAt(documentId, offset);
}

describe('cleanedDocument', () => {
  it('is memoised', () => {
    expect(testKnowledge().cleaned('zz-ggz-2024')).toBe(testKnowledge().cleaned('zz-ggz-2024'));
  });

  it('has sections that cover the whole text in order, each starting at its heading', () => {
    for (const { id } of testKnowledge().documents) {
      const doc = testKnowledge().cleaned(id);
      expect(doc.sections[0]?.start, id).toBe(0);
      expect(doc.sections[doc.sections.length - 1]?.end, id).toBe(doc.text.length);
      doc.sections.forEach((s, i) => {
        expect(s.end, id).toBeGreaterThan(s.start);
        if (i > 0) expect(s.start, id).toBe(doc.sections[i - 1]?.end);
        const heading = s.path[s.path.length - 1];
        if (i > 0 && heading) expect(doc.text.slice(s.start, s.start + 200).replace(/^[•]\s*/u, ''), id).toContain(heading);
      });
    }
  });

  it('nests numbered headings and the titles under them', () => {
    expect(pathOf('zz-ggz-2024', 'in het bezit zijn van een geldige WTZa-toelating')).toEqual([
      '5 Hoe komt u als zorgaanbieder in aanmerking voor een zorgovereenkomst?',
      '5.1 Minimum- en kwaliteitseisen',
      'Nieuwe GGZ-instellingen',
    ]);
    expect(pathOf('zz-ggz-2024', 'Uiterste datum van ondertekening in VECOZO')).toEqual([
      '6 Hoe ziet het contracteerproces eruit?',
      '6.3 Planning',
    ]);
    // Table cells and timeline entries are not section titles.
    expect(pathOf('vgz-ggz-2020', 'Zorgaanbieder heeft zorgovereenkomst in').join(' › ')).not.toMatch(/Uiterlijk|\d{4}/);
    expect(pathOf('vgz-ggz-2020', 'Start digitale contractering').join(' › ')).not.toMatch(/Website VGZ/);
  });

  it('splits a cover line from the first chapter, and keeps paragraph starts and list tails out of titles', () => {
    const sections = testKnowledge().cleaned('vgz-ggz-2020').sections.map((s) => s.path.join(' › '));
    expect(sections).toContain('1. Inkoopbeleid 2020');
    expect(sections.some((s) => s.includes('”1.'))).toBe(false);
    expect(sections.some((s) => s.includes('Eind 2018 hebben we'))).toBe(false);
    expect(pathOf('vgz-ggz-2020', 'Wij hebben ons best gedaan').at(-1)).toBe('Bereikbaarheid');
  });

  it('recognises lettered phases, appendices and title lines', () => {
    expect(pathOf('gcp-huisartsen-2016', 'sluiting van de contracteermogelijkheid')).toEqual([
      '3. Wat is er afgesproken voor het contracteerproces voor 2017?',
      'C: Contracteerfase',
    ]);
    expect(pathOf('ggz-handleiding-escalatie', 'afslagen op de nieuwe maximumtarieven')).toEqual([
      'Bijlage 2 – Op en afslagen in de contractering',
      'Tekst uit memo NZa over op- en afslagen toepassen in de contractering',
    ]);
    expect(pathOf('ggz-handleiding-escalatie', 'tot feitelijke informatie')).toEqual(['Wat moet je vermelden bij het indienen van een signaal?']);
    expect(pathOf('vgz-ggz-2020', 'continueren we de selectieve inkoop')).toEqual(['2. Toelichting op onze criteria', 'Selectieve inkoop']);
  });

  it('gives text before the first heading an empty path', () => {
    const doc = buildCleanedDocument('x', 'Losse inleiding zonder kop.\n\n1 Eerste hoofdstuk\n\nTekst.');
    expect(doc.sections.map((s) => s.path)).toEqual([[], ['1 Eerste hoofdstuk']]);
  });
});

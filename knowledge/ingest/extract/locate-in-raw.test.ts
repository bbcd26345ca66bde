import { describe, expect, it } from 'vitest';
import { buildCleanedDocument } from '../../cleaned-documents.js';
import { pageOfOffset, type ExtractedDocument } from './extracted-document.js';
import { locateInRaw } from './locate-in-raw.js';

function paged(...pages: string[]): ExtractedDocument {
  let rawText = '';
  const out = pages.map((text, i) => {
    if (i > 0) rawText += '\n\n';
    const start = rawText.length;
    rawText += text;
    return { number: i + 1, start, end: rawText.length };
  });
  return { format: 'pdf', rawText, pages: out };
}

describe('pageOfOffset', () => {
  it('finds the page of an offset, separators belonging to the page before, clamped at both ends', () => {
    const doc = paged('een', 'twee', 'drie');
    expect([0, 2, 3, 4, 5, 9, 11, 99, -5].map((o) => pageOfOffset(doc, o))).toEqual([1, 1, 1, 1, 2, 2, 3, 3, 1]);
  });
});

describe('locateInRaw', () => {
  const raw = paged(
    'Inkoopbeleid 2027\n\nWij reageren bin-\nnen  10 werk-\ndagen op   uw vraag.\n\nInkoopbeleid Noorderlicht\n\n12',
    'Inkoopbeleid Noorderlicht\n\nDe zorgaanbieder meldt uiterlijk 1 oktober een verwachte\n\nInkoopbeleid Noorderlicht\n\n13',
    'overschrijding van het omzet-\nplafond bij ons. Coöperatie ﬁnanciering.',
  );

  it('matches a quote from the cleaned text across hyphenation, line breaks and spacing', () => {
    const hit = locateInRaw(raw, 'Wij reageren binnen 10 werkdagen op uw vraag.');
    expect(hit?.page).toBe(1);
    expect(hit && raw.rawText.slice(hit.start, hit.end)).toBe('Wij reageren bin-\nnen  10 werk-\ndagen op   uw vraag');
  });

  it('matches across a running header and page number the cleaning dropped, giving the first page', () => {
    const cleaned = buildCleanedDocument('x', raw.rawText).text;
    const quote = 'De zorgaanbieder meldt uiterlijk 1 oktober een verwachte overschrijding van het omzetplafond bij ons.';
    expect(cleaned).toContain(quote);
    expect(locateInRaw(raw, quote)?.page).toBe(2);
  });

  it('ignores case, accents and ligatures, and gives up on what is not there', () => {
    expect(locateInRaw(raw, 'COOPERATIE FINANCIERING')?.page).toBe(3);
    expect(locateInRaw(raw, 'binnen 20 werkdagen')).toBeUndefined();
    expect(locateInRaw(raw, '…')).toBeUndefined();
  });
});

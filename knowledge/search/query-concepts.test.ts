import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../glossary.js';
import { conceptMatch, queryConcepts, type QueryConcept } from './query-concepts.js';

const conceptsOf = (query: string) => queryConcepts(query, loadGlossary(), 'nl');
const find = (concepts: QueryConcept[], source: string) => {
  const concept = concepts.find((c) => c.source.toLowerCase() === source);
  if (!concept) throw new Error(`no concept ${source} in ${concepts.map((c) => c.source).join(', ')}`);
  return concept;
};
const has = (...terms: string[]) => (term: string) => terms.includes(term);

describe('queryConcepts: hyphenated words', () => {
  it('counts one part of a hyphenated word as half of the concept, all parts or a translation as all of it', () => {
    const multiYear = find(conceptsOf('What counts as a multi-year contract?'), 'multi-year');
    expect(multiYear.parts).toEqual([['multi', 'year']]);
    // "multi" of "multi disci plinaire" is not "multi-year".
    expect(conceptMatch(multiYear, has('multi'))).toBe(0.5);
    expect(conceptMatch(multiYear, has('multi', 'year'))).toBe(1);
    expect(conceptMatch(multiYear, has('multiyear'))).toBe(1);
    expect(conceptMatch(multiYear, has('meerjar'))).toBe(1);
    expect(conceptMatch(multiYear, has('contract'))).toBe(0);
  });

  it('keeps plain words whole', () => {
    const contract = find(conceptsOf('What counts as a multi-year contract?'), 'contract');
    expect(contract.parts).toBeUndefined();
    expect(conceptMatch(contract, has('contract'))).toBe(1);
  });
});

describe('queryConcepts: the kind of value asked for', () => {
  it('lets a stated duration express "how long"', () => {
    const concepts = conceptsOf('For how long does VGZ grant an authorisation?');
    const howLong = find(concepts, 'how long');
    expect(conceptMatch(howLong, has(), 'We geven de machtigingen af voor maximaal één jaar.')).toBe(1);
    expect(conceptMatch(howLong, has(), 'Vragen worden binnen 10 werkdagen beantwoord.')).toBe(1);
    // A bare duration ("three months before the start") may be a lead time rather than a length: half.
    expect(conceptMatch(howLong, has(), 'Na 1095 dagen is er geen aanspraak meer mogelijk.')).toBe(0.5);
    expect(conceptMatch(howLong, has(), 'Dien het verzoek drie maanden voor de start in.')).toBe(0.5);
    expect(conceptMatch(howLong, has(), 'De afspraken worden jaarlijks geëvalueerd.')).toBe(0);
    // Only the words that ask for the duration carry it.
    expect(find(concepts, 'authorisation').answerPattern).toBeUndefined();
  });

  it('lets a stated percentage express "welk deel"', () => {
    const deel = find(conceptsOf('Welk deel van de cliënten moet co-morbiditeit hebben?'), 'deel');
    expect(conceptMatch(deel, has(), 'bij minimaal 70% van de cliëntenpopulatie')).toBe(1);
    expect(conceptMatch(deel, has(), 'bij de meeste cliënten')).toBe(0);
  });

  it('adds no value shape to questions that do not ask for one', () => {
    expect(conceptsOf('Do insurers share example calculation models with GP organisations?').some((c) => c.answerPattern)).toBe(false);
    expect(conceptsOf('Wat is een meerjarige overeenkomst?').some((c) => c.answerPattern)).toBe(false);
  });
});

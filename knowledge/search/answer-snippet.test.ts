import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../glossary.js';
import type { Passage } from '../ingest/passages.js';
import { answerSnippet } from './answer-snippet.js';
import { queryConcepts } from './query-concepts.js';

const passage = (text: string): Passage => ({ id: 'test#1', documentId: 'test', sectionPath: ['Afspraken'], start: 0, end: text.length, text });
const weighted = (query: string) => queryConcepts(query, loadGlossary(), 'nl').map((c) => ({ ...c, weight: 1 }));

// Two sentences of about 210 and 180 characters: together past a 260-character budget.
const FIRST =
  'Zorgverzekeraars bieden vanaf dit jaar ook meerjarige contracten aan voor de huisartsenzorg, de ketenzorg en de gezondheidscentra, die rust en zekerheid bieden om te investeren in goede kwaliteit van zorg.';
const DEFINITION =
  'Onder meerjarig wordt verstaan een periode van ten minste 2 jaar en bij voorkeur 3 jaar of langer, passend bij de aard van de gecontracteerde zorg of aangegane verplichtingen.';
const REPEAT =
  'Zorgverzekeraars bespreken de meerjarige contracten voor de huisartsenzorg jaarlijks met de representatieve vertegenwoordigers van de huisartsen in de regio, zodat knelpunten tijdig zichtbaar worden.';

describe('answerSnippet', () => {
  it('goes past the budget for a neighbour that says something asked that the snippet lacks', () => {
    const snippet = answerSnippet(passage(`${FIRST} ${DEFINITION}`), weighted('What counts as a multi-year contract for GP care?'), 'nl', 260);
    expect(snippet.text).toContain('ten minste 2 jaar');
    expect(snippet.text.length).toBeLessThanOrEqual(260 * 1.6);
  });

  it('stays within the budget when the neighbour only repeats what the snippet already covers', () => {
    const snippet = answerSnippet(passage(`${FIRST} ${REPEAT}`), weighted('Do insurers offer multi-year contracts for GP care?'), 'nl', 260);
    expect(snippet.text).toBe(FIRST);
    expect(snippet.trimmedAfter).toBe(true);
  });

  it('quotes the sentence that states the duration a "how long" question asks for', () => {
    const text =
      'U kunt langdurige zorg alleen declareren als wij u daarvoor een machtiging hebben gegeven. Dit formulier kunt u vinden op de website van ZN. We geven de machtigingen af voor maximaal één jaar. Daarna is er een nieuwe aanvraag nodig.';
    const snippet = answerSnippet(passage(text), weighted('For how long does VGZ grant an authorisation for long-term mental health care?'), 'nl', 420);
    expect(snippet.text).toContain('maximaal één jaar');
  });
});

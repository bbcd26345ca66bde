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

describe('answerSnippet: the sentences that answer, wherever they stand', () => {
  it('quotes the whole list item the answering sentence stands in', () => {
    const text =
      '• Agree to disagree. Met andere woorden, accepteer soms dat je het niet (geheel) met elkaar eens bent.\n• Stel preventief een stappenplan op dat ingezet kan worden als partijen er niet uit dreigen te komen.';
    const snippet = answerSnippet(passage(text), weighted('What does agree to disagree mean?'), 'nl', 420);
    expect(snippet.text).toContain('accepteer soms dat je het niet');
    expect(snippet.text).not.toContain('stappenplan');
  });

  it('joins a distant sentence that states the asked value, marking the left-out sentences with …', () => {
    const text =
      'U kunt de langdurige GGZ alleen declareren als wij u daarvoor een machtiging hebben gegeven, voorafgaand aan het leveren van langdurige GGZ. Wij gaan ervan uit dat u drie maanden voor de start van het verblijf dit verzoek indient middels de checklist langdurige GGZ. Dit formulier kunt u vinden op de website van ZN. Of onze klant hiervoor in aanmerking komt, is afhankelijk van het herstelperspectief en de zwaarte van de benodigde zorg. We geven de machtigingen af voor maximaal één jaar. Daarna is er nieuwe aanvraag nodig.';
    const snippet = answerSnippet(passage(text), weighted('Hoe lang is een machtiging voor langdurige ggz geldig?'), 'nl', 300);
    expect(snippet.text).toContain('machtigingen af voor maximaal één jaar');
    expect(snippet.text).toContain(' … ');
    expect(snippet.text).not.toContain('herstelperspectief');
  });

  it('grows a table header to the row that holds the asked value', () => {
    const text =
      'Type zorgaanbieders Looptijd\n\nVrijgevestigden Van 1 januari 2024 tot 31 december 2024*\n\nInstellingen met offertetraject Van 1 januari 2024 tot 31 december 2024';
    const snippet = answerSnippet(passage(text), weighted('Wat is de looptijd van het contract voor vrijgevestigden?'), 'nl', 420);
    expect(snippet.text).toContain('Type zorgaanbieders Looptijd');
    expect(snippet.text).toContain('Vrijgevestigden Van 1 januari 2024 tot 31 december 2024');
  });

  it('counts a word of the question in another form ("verstaat" / "verstaan") towards the sentence that answers', () => {
    const text =
      '• We spreken van fraude wanneer er sprake is van opzet en/of als de zorgaanbieder misleidende informatie verstrekt.\n• Onder misleidende informatie verstaan we: onjuiste, onvolledige en/of niet-tijdige informatie die ertoe leidt dat een verzekerde een andere beslissing neemt.';
    const snippet = answerSnippet(passage(text), weighted('Wat verstaat men onder misleidende informatie?'), 'nl', 150);
    expect(snippet.text).toContain('onjuiste, onvolledige en/of niet-tijdige');
  });
});

import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from './actions.js';
import { readStepVocabulary, readStepVocabularyFile, StepVocabulary, stepVocabularySchema } from './step-vocabulary.js';

const actionsIn = (text: string) => readStepVocabulary().stepsIn(text);

describe('stepsIn', () => {
  it('reads Dutch separable verbs for the start and end of an agreement', () => {
    expect(actionsIn('Wanneer gaat de zorgovereenkomst GGZ 2024 van Zorg en Zekerheid in?')).toContain('start');
    expect(actionsIn('Wanneer loopt het contract met VGZ af?')).toContain('end');
    expect(actionsIn('When does the 2024 Z&Z care agreement end?')).toContain('end');
    // "af" of another verb is no end of an agreement.
    expect(actionsIn('Wanneer geeft de NZa de beleidsregels af?')).not.toContain('end');
    expect(actionsIn('Wanneer gaat de portal open?')).not.toContain('start');
  });

  it('knows plural and past forms and compound portal words', () => {
    expect(actionsIn('What was the last day for new registrations for a VGZ contract 2020?')).toContain('apply');
    expect(actionsIn('When does GP contracting close?')).toContain('sign');
    expect(actionsIn('Uiterlijk wanneer openden zorgverzekeraars hun contracteerportal?')).toContain('portal-opens');
    expect(actionsIn('Wanneer opent het Zorginkoopportaal?')).toContain('portal-opens');
  });

  it('tells the provider’s own offer from the insurer’s, and names announcements, administration, revisions', () => {
    expect(actionsIn('Tot wanneer kunnen huisartsen een eigen contractaanbod doen?')).toContain('submit-offer');
    expect(actionsIn('Wanneer maakt VGZ bekend welke zorgaanbieders gecontracteerd zijn?')).toEqual(['inform-insured']);
    expect(actionsIn('Wanneer moeten de afspraken administratief zijn ingeregeld?')).toContain('process-contracts');
    expect(actionsIn('Wanneer vindt de bijstelling van de afspraak plaats?')).toContain('revise');
    expect(actionsIn('When does Z&Z publish changes to its policy?')).toEqual(expect.arrayContaining(['publish-policy', 'policy-changes']));
    expect(actionsIn('Wanneer moest de cyclus van beleidsvorming doorlopen zijn?')).toContain('publish-policy');
  });
});

describe('stepsIn: "to contract" as the English verb', () => {
  it('reads "last day to contract" as signing, not "contract offer" or "contracting module"', () => {
    expect(actionsIn('Last day to contract in the Vecozo contracting module?')).toContain('sign');
    expect(actionsIn('When does the contract offer arrive?')).not.toContain('sign');
  });
});

describe('stepsIn: compounds, clause ends and the data file', () => {
  it('reads the parts of compounds joined by a hyphen or slash, and "*x*" terms inside words', () => {
    expect(actionsIn('ggz-contract sluiten')).toEqual(['sign']);
    expect(actionsIn('aanmelden/inschrijven')).toEqual(['apply']);
    expect(actionsIn('Is er een counter-offer mogelijk?')).toContain('submit-offer');
    expect(actionsIn('Wanneer sluiten de contracteerportalen?')).toEqual(expect.arrayContaining(['portal-opens', 'sign']));
  });

  it('takes a clause-final word or particle only at the end of its clause', () => {
    expect(actionsIn('When does it end? Tell me')).toContain('end');
    expect(actionsIn('the end of the world is near')).not.toContain('end');
    expect(actionsIn('Wanneer loopt het contract af.\nEn wat dan?')).toContain('end');
    expect(actionsIn('Wanneer loopt het contract af\nen wat dan')).not.toContain('end');
    expect(actionsIn('Wanneer loopt het contract\n af?')).not.toContain('end');
    expect(actionsIn('Wanneer gaat het in werking?')).toContain('start');
  });

  it('holds every step id once, and a file missing one or naming an unknown one is refused', () => {
    const file = readStepVocabularyFile();
    expect(file.steps.map((s) => s.id).sort()).toEqual([...ACTION_IDS].sort());
    expect(stepVocabularySchema.safeParse({ ...file, steps: file.steps.slice(1) }).success).toBe(false);
    expect(stepVocabularySchema.safeParse({ ...file, steps: [...file.steps, { id: 'dance', nl: [], en: [] }] }).success).toBe(false);
    expect(stepVocabularySchema.safeParse({ ...file, steps: [...file.steps, file.steps[0]] }).success).toBe(false);
  });

  it('is data: a new word in the file names its step', () => {
    const file = readStepVocabularyFile();
    const steps = file.steps.map((s) => (s.id === 'sign' ? { ...s, nl: [...s.nl, 'parafe*'] } : s));
    expect(new StepVocabulary({ ...file, steps }).stepsIn('Wanneer moet de parafering klaar zijn?')).toEqual(['sign']);
    expect(actionsIn('Wanneer moet de parafering klaar zijn?')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { actionsIn } from './actions.js';

describe('actionsIn', () => {
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

describe('actionsIn: "to contract" as the English verb', () => {
  it('reads "last day to contract" as signing, not "contract offer" or "contracting module"', () => {
    expect(actionsIn('Last day to contract in the Vecozo contracting module?')).toContain('sign');
    expect(actionsIn('When does the contract offer arrive?')).not.toContain('sign');
  });
});

import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../../knowledge/test-support/test-knowledge.js';
import { understand } from '../understand/understand.js';

const now = new Date('2026-11-23T11:00:00Z');
const asksChecklist = (text: string) => understand(text, { knowledge: testKnowledge(), now }).intent === 'escalation';

describe('checklist requests', () => {
  it('are recognised when drafting in Dutch and English', () => {
    for (const text of [
      'Draft an escalation checklist for VGZ about tariff discounts',
      'Draft an escalation checklist for Zorg en Zekerheid',
      'escalatie checklist Zorg en Zekerheid, cruciale ggz',
      'maak een escalatieplan voor Menzis over wachttijden',
      'Maak een escalatie-checklist voor VGZ over tariefafslagen',
      'stel een signaal aan de NZa op over CZ',
      'Draft an NZa signal about CZ',
      'Create a checklist for an NZa report about DSW',
      'escalatieplan Menzis',
      'maak een stappenplan voor escalatie met CZ',
      'stappenplan escalatie',
      'Hoe maak ik een signaal aan de NZa?',
    ]) {
      expect(asksChecklist(text), text).toBe(true);
    }
  });

  it('are not general questions about escalation or the NZa', () => {
    for (const text of [
      'How should GGZ providers and insurers agree on escalation in advance?',
      'Wat moet ik vermelden bij een signaal aan de NZa?',
      'What must a report to the NZa contain?',
      'Hoe escaleer ik naar bestuurlijk niveau?',
      'Wanneer moet ik tekenen bij Zorg en Zekerheid?',
      'What can the NZa do for me?',
      'Make agreements about escalation with the insurer',
    ]) {
      expect(asksChecklist(text), text).toBe(false);
    }
  });
});

describe('checklist requests: someone escalating a dispute with a named insurer', () => {
  it.each([
    'Help me escalate with VGZ: they have not answered for weeks',
    'Hoe escaleer ik een conflict met Zilveren Kruis?',
    'What steps should I take to escalate a contracting dispute with CZ?',
    'Ik wil escaleren naar de NZa over Menzis, wat moet ik doen?',
    'De onderhandelingen met VGZ lopen vast op de afslagen op de tarieven. Welke escalatiestappen kan ik zetten?',
    'Our GGZ institution strongly disagrees with VGZ applying the same discounts on the new maximum tariffs. What escalation steps can we take?',
    'Escalatie naar de NZa over VGZ: patiënt [naam], wacht al 20 weken op behandeling',
    // Escalation steps asked for one's own case, without an insurer named.
    'stappenplan escalatie contractering ggz, wat moet ik doen als we er niet uitkomen?',
    'What escalation steps can we take?',
  ])('drafts the checklist for "%s"', (q) => {
    expect(asksChecklist(q)).toBe(true);
  });

  it.each([
    'How should GGZ providers and insurers agree on escalation in advance?',
    'Wat zegt de handleiding over escalatie bij VGZ?',
    'Wat moet ik vermelden bij het indienen van een signaal bij de NZa?',
    // Escalation in the first person, but no steps or plan asked for.
    'Hoe escaleer ik naar bestuurlijk niveau?',
    'Wat is een escalatieplan volgens de handleiding?',
  ])('leaves the document question "%s" alone', (q) => {
    expect(asksChecklist(q)).toBe(false);
  });
});

describe('checklist requests: someone stuck with a named insurer asking what now', () => {
  it.each([
    'We komen er niet uit met VGZ over de afslagen op de tarieven, wat nu?',
    'We can’t agree with Zorg en Zekerheid on the tariffs, what can we do?',
    'Wij zitten vast met CZ over de productieafspraken.',
  ])('drafts the checklist for "%s"', (q) => {
    expect(asksChecklist(q)).toBe(true);
  });

  it.each([
    // No insurer named, and not the user's own dispute: a question for the documents.
    'welke externe hulp kun je inschakelen als je er met de verzekeraar niet uitkomt (nza good practices ggz)?',
    'NZa good practices: welke externe bijstand kun je inschakelen als je er met de verzekeraar niet uitkomt?',
    // Stuck, but asking something else than what to do.
    'We komen er niet uit met VGZ, wanneer moet ik uiterlijk tekenen?',
  ])('leaves "%s" alone', (q) => {
    expect(asksChecklist(q)).toBe(false);
  });
});

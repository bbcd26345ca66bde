import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../knowledge/test-support/test-knowledge.js';
import { understand } from './understand/understand.js';

const intentOf = (q: string) => understand(q, { knowledge: testKnowledge(), now: new Date('2026-11-23T11:00:00Z') }).intent;

describe('deadline intent: "when" that asks for a time, not the conjunction', () => {
  it.each([
    'When must I sign with Zorg en Zekerheid?',
    'Wanneer opent VGZ de offertemodule in Vecozo?',
    'Until when can GPs sign their contract digitally?',
    'Tot wanneer kan ik mijn contract tekenen bij VGZ?',
    'Zorg en Zekerheid: when does the contract offer arrive?',
    'By when does VGZ publish its tariff list?',
    'Wat is de planning van Zorg en Zekerheid?',
    'Wat is bij VGZ de einddatum van de digitale contractering voor vrijgevestigden en groepspraktijken?',
    'What is the closing date for contracting with Zorg en Zekerheid?',
    'Show me the timeline for GP contracting',
  ])('takes "%s"', (q) => {
    expect(intentOf(q)).toBe('deadline');
  });

  it.each([
    'What happens at Zorg en Zekerheid when waiting times exceed the Treeknorm?',
    'Can Zorg en Zekerheid refuse a contract when a provider speaks negatively about it?',
    'Does VGZ take religion into account when contracting providers?',
    'Wat doet VGZ wanneer de wachttijden te lang worden?',
    'Which NZa rule since 2016 obliges insurers to make their GGZ purchasing policy and planning available on time?',
    "Could you kindly give me Zorg en Zekerheid's phone number for questions about contracting status, and when I can call?",
  ])('leaves "%s" to the question handler', (q) => {
    expect(intentOf(q)).toBe('question');
  });

  it('reads English "data" as facts and Dutch "data" as dates', () => {
    expect(intentOf('What data must I send to VGZ?')).toBe('question');
    expect(intentOf('Welke data gelden voor de contractering bij VGZ?')).toBe('deadline');
  });
});

import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../../knowledge/test-support/test-knowledge.js';
import { detectTopics } from './detect-topics.js';

describe('detectTopics', () => {
  it('recognises each topic in Dutch and English', () => {
    expect(detectTopics(testKnowledge(), 'Draft an escalation checklist for VGZ about tariff discounts')).toEqual(['tariffs']);
    expect(detectTopics(testKnowledge(), 'escalatie checklist over op- en afslagen en de OVA')).toEqual(['tariffs']);
    expect(detectTopics(testKnowledge(), 'escalatie checklist Zorg en Zekerheid, cruciale ggz')).toEqual(['crucial']);
    expect(detectTopics(testKnowledge(), 'checklist about crucial mental health care, HIC beds')).toEqual(['crucial']);
    expect(detectTopics(testKnowledge(), 'maak een escalatieplan voor Menzis over wachttijden')).toEqual(['access']);
    expect(detectTopics(testKnowledge(), 'escalation checklist CZ waiting lists and a client stop')).toEqual(['access']);
    expect(detectTopics(testKnowledge(), 'escalatie checklist: CZ is onbereikbaar en reageert niet')).toEqual(['process']);
    expect(detectTopics(testKnowledge(), 'escalation checklist, insurer gives late answers and too little time to study the offer')).toEqual(['process']);
  });

  it('returns several topics in order of mention, and none for a plain request', () => {
    expect(detectTopics(testKnowledge(), 'checklist over wachttijden en tariefkortingen')).toEqual(['access', 'tariffs']);
    expect(detectTopics(testKnowledge(), 'Draft an escalation checklist for Zorg en Zekerheid')).toEqual([]);
  });

  it('matches whole words unless the keyword is a prefix', () => {
    expect(detectTopics(testKnowledge(), 'escalatie over de provisie')).toEqual([]);
    expect(detectTopics(testKnowledge(), 'escalatie over tariefafspraken')).toEqual(['tariffs']);
  });
});

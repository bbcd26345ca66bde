import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../knowledge/test-support/test-knowledge.js';
import { tokenize } from '../knowledge/vocabulary/term-matcher.js';
import { euroAmount } from './read-amount.js';
import { explicitPeriod } from './read-period.js';

const words = testKnowledge().phrases.periods;
const period = (text: string) => explicitPeriod(text, tokenize(text), words);
const amount = (text: string) => euroAmount(text, tokenize(text), words);

describe('explicitPeriod', () => {
  it('reads a number with a unit word and the direction after it', () => {
    expect(period('Wat is de datum 10 werkdagen na 1 mei 2026?')).toEqual({ amount: 10, unit: 'working-days', direction: 'after', unitWords: 'werkdagen', quote: '10 werkdagen na' });
    expect(period('3 weeks before 1 January')).toMatchObject({ amount: 3, unit: 'weeks', direction: 'before', quote: '3 weeks before' });
    expect(period('binnen 2 working weeks')).toMatchObject({ amount: 2, unit: 'working-weeks', direction: 'after' });
    expect(period('14 kalenderdagen')).toMatchObject({ unit: 'days', unitWords: 'kalenderdagen' });
    expect(period('6 Maanden prior to the start')).toMatchObject({ unit: 'months', direction: 'before' });
  });

  it('needs the number right before the unit, of at most four digits and above zero', () => {
    expect(period('dagen na 1 mei')).toBeUndefined();
    expect(period('0 dagen na 1 mei')).toBeUndefined();
    expect(period('12345 dagen')).toBeUndefined();
    expect(period('op 1 mei, een paar dagen later')).toBeUndefined();
  });
});

describe('euroAmount', () => {
  it('reads amounts with the euro sign or a currency word on either side', () => {
    expect(amount('Ons zorgkostenplafond is € 1.200.000, wat is 70%?')).toBe(1_200_000);
    expect(amount('plafond 250000 euro')).toBe(250_000);
    expect(amount('ceiling of EUR 1,200,000')).toBe(1_200_000);
    expect(amount('plafond €2,5 miljoen')).toBe(2.5);
    expect(amount('plafond van 1.200,50€')).toBe(1200.5);
  });

  it('takes no number without a currency next to it', () => {
    expect(amount('plafond van 1.200.000 voor 2026')).toBeUndefined();
    expect(amount('euro: de munt van 2002')).toBeUndefined();
  });
});

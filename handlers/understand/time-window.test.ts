import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../../knowledge/test-support/test-knowledge.js';
import { tokenize } from '../../knowledge/vocabulary/term-matcher.js';
import { ordinalYearOf, referenceDayOf, timeWindowOf } from './time-window.js';

const kb = testKnowledge();
const TODAY = '2026-11-23';
const windowOf = (text: string, today = TODAY) => timeWindowOf(tokenize(text), kb, today);
const range = (from: string, to: string) => ({ window: { from, to, kind: 'range' }, weak: false });

describe('timeWindowOf', () => {
  it('reads rolling windows with digits and word numbers, in Dutch and English', () => {
    expect(windowOf('welke deadlines komen er in de komende 3 maanden?')).toEqual(range('2026-11-23', '2027-02-23'));
    expect(windowOf('which deadlines are coming in the next three months?')).toEqual(range('2026-11-23', '2027-02-23'));
    expect(windowOf('wat moet ik de komende drie weken doen')).toEqual(range('2026-11-23', '2026-12-14'));
    expect(windowOf('deadlines in de komende weken')).toEqual(range('2026-11-23', '2026-12-21'));
  });

  it('reads calendar periods: this month, next month, next week', () => {
    expect(windowOf('welke deadlines vallen deze maand?')).toEqual(range('2026-11-01', '2026-11-30'));
    expect(windowOf('deadlines next month')).toEqual(range('2026-12-01', '2026-12-31'));
    expect(windowOf('wat is er volgende week?')).toEqual(range('2026-11-30', '2026-12-06'));
  });

  it('reads named months with and without a year', () => {
    expect(windowOf('Welke deadlines vallen in januari en februari 2027?')).toEqual(range('2027-01-01', '2027-02-28'));
    expect(windowOf('Welke deadlines vallen in november 2019?')).toEqual(range('2019-11-01', '2019-11-30'));
    expect(windowOf('en in november 2023?')).toEqual(range('2023-11-01', '2023-11-30'));
    expect(windowOf('deadlines van januari tot maart')).toEqual(range('2027-01-01', '2027-03-31'));
    expect(windowOf('deadlines in december and january')).toEqual(range('2026-12-01', '2027-01-31'));
    // A month word that is no month, and a day date, are no month window.
    expect(windowOf('May I sign later?')).toBeUndefined();
    expect(windowOf('wat gebeurt er op 1 januari?')).toBeUndefined();
  });

  it('reads bounds: before a date is through the day before, until a month through its end', () => {
    expect(windowOf('which deadlines are before 1 January?')).toEqual(range('2026-11-23', '2026-12-31'));
    expect(windowOf('deadlines before January 1')).toEqual(range('2026-11-23', '2026-12-31'));
    expect(windowOf('welke deadlines tot eind maart?')).toEqual(range('2026-11-23', '2027-03-31'));
    expect(windowOf('deadlines voor 15 december')).toEqual(range('2026-11-23', '2026-12-14'));
    // "voor januari" is as often "for January" as "before January": the month itself.
    expect(windowOf('deadlines voor januari')).toEqual(range('2027-01-01', '2027-01-31'));
  });

  it('reads "what\'s next?" as the next deadline and a bare year as a weak window', () => {
    expect(windowOf("what's next?")).toEqual({ window: { from: TODAY, to: TODAY, kind: 'next' }, weak: false });
    expect(windowOf('wat is de eerstvolgende deadline?')?.window.kind).toBe('next');
    expect(windowOf('welke deadlines in 2027?')).toEqual({ window: { from: '2027-01-01', to: '2027-12-31', kind: 'range' }, weak: true });
    expect(windowOf('rest of the year')).toEqual(range('2026-11-23', '2026-12-31'));
    expect(windowOf('Wanneer moet ik tekenen bij VGZ?')).toBeUndefined();
  });
});

describe('referenceDayOf', () => {
  it('reads today, tomorrow and yesterday as days from today', () => {
    expect(referenceDayOf(tokenize('ik mail ze vandaag'), kb, TODAY)).toBe('2026-11-23');
    expect(referenceDayOf(tokenize('I will email them tomorrow'), kb, TODAY)).toBe('2026-11-24');
    expect(referenceDayOf(tokenize('gisteren gemaild'), kb, TODAY)).toBe('2026-11-22');
    expect(referenceDayOf(tokenize('wanneer moet ik tekenen?'), kb, TODAY)).toBeUndefined();
  });
});

describe('timeWindowOf and day dates', () => {
  it('a day date, also as an ordinal, is no month window', () => {
    expect(windowOf('I asked a question on the 3rd of March 2026')).toBeUndefined();
    expect(windowOf('Emailed VGZ on 11th May 2026')).toBeUndefined();
    expect(windowOf('deadlines before the 1st of January')).toEqual(range('2026-11-23', '2026-12-31'));
  });
});

describe('timeWindowOf: between, the rest of the year, upcoming', () => {
  it('reads two dates, the rest of the year and what is coming up', () => {
    expect(windowOf('deadlines tussen 1 december en 1 maart')).toEqual(range('2026-12-01', '2027-03-01'));
    expect(windowOf('deadlines from 1 December to 1 March 2027')).toEqual(range('2026-12-01', '2027-03-01'));
    expect(windowOf('welke deadlines zijn er nog dit jaar?')).toEqual(range('2026-11-23', '2026-12-31'));
    expect(windowOf('Which deadlines are coming up?')).toEqual({ window: { from: '2026-11-23', to: '2027-02-23', kind: 'range' }, weak: true });
    expect(windowOf('welke deadlines komen eraan?')?.weak).toBe(true);
    expect(windowOf('deadlines van januari tot maart')).toEqual(range('2027-01-01', '2027-03-31'));
  });
});

describe('timeWindowOf: quarters and the next N deadlines', () => {
  it('reads a named quarter with its year, or its coming occurrence', () => {
    expect(windowOf('deadlines huisartsen in Q3 2027?')).toEqual(range('2027-07-01', '2027-09-30'));
    expect(windowOf('welke deadlines vallen in het derde kwartaal van 2027?')).toEqual(range('2027-07-01', '2027-09-30'));
    expect(windowOf('deadlines in the first quarter')).toEqual(range('2027-01-01', '2027-03-31'));
    // The current quarter (today is in Q4) is this year's.
    expect(windowOf('deadlines in Q4')).toEqual(range('2026-10-01', '2026-12-31'));
  });

  it('reads "next 3 deadlines" as the first three deadlines from today', () => {
    expect(windowOf('next 3 deadlines for GP practices?')).toEqual({ window: { from: TODAY, to: TODAY, kind: 'next', count: 3 }, weak: false });
    expect(windowOf('wat zijn de komende drie deadlines?')?.window).toEqual({ from: TODAY, to: TODAY, kind: 'next', count: 3 });
    // "the next 3 months" stays a rolling window.
    expect(windowOf('the next 3 months')).toEqual(range('2026-11-23', '2027-02-23'));
  });
});

describe('ordinalYearOf', () => {
  it('reads "het tweede jaar", "the third year" and "jaar 2", not a quarter or plain years', () => {
    expect(ordinalYearOf(tokenize('verblijf gestart op 1 februari 2026, machtigingsverzoek voor het tweede jaar'), kb)).toEqual({ year: 2, beforeDate: false });
    expect(ordinalYearOf(tokenize('and for the third year?'), kb)?.year).toBe(3);
    expect(ordinalYearOf(tokenize('verblijf in jaar 2'), kb)?.year).toBe(2);
    // Named before the date: the date is that year's start.
    expect(ordinalYearOf(tokenize('The stay in the second year starts on 1 March 2027'), kb)).toEqual({ year: 2, beforeDate: true });
    expect(ordinalYearOf(tokenize('het tweede kwartaal'), kb)).toBeUndefined();
    expect(ordinalYearOf(tokenize('over twee jaar'), kb)).toBeUndefined();
  });
});

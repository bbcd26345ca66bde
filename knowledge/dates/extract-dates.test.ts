import { describe, expect, it } from 'vitest';
import { extractDates, resolveDate } from './extract-dates.js';

const first = (text: string) => {
  const d = extractDates(text)[0];
  if (!d) throw new Error(`no date in ${text}`);
  return d;
};

describe('extractDates (chrono-node nl/en)', () => {
  it('reads full Dutch and English dates', () => {
    expect(first('9 november 2023 Uiterste datum').start).toEqual({ year: 2023, month: 11, day: 9 });
    expect(first('op 22 december 2026').start).toEqual({ year: 2026, month: 12, day: 22 });
    expect(first('asked on 11 May 2026').start).toEqual({ year: 2026, month: 5, day: 11 });
    expect(first('I emailed them on 28 April 2026.').start).toEqual({ year: 2026, month: 4, day: 28 });
    expect(first('vraag gesteld op 22-12-2026').start).toEqual({ year: 2026, month: 12, day: 22 });
  });

  it('gives month precision for "Oktober 2023" and skips words without a month', () => {
    const oct = first('Oktober 2023 Aanbieden zorgovereenkomsten');
    expect(oct.start).toEqual({ year: 2023, month: 10 });
    expect(resolveDate(oct, 2000)).toEqual({ date: '2023-10-01', precision: 'month' });
    expect(extractDates('morgen of dinsdag, dit jaar')).toEqual([]);
  });
});

describe('extractDates: what chrono-node misses (hand-written)', () => {
  it('joins an en-dash period and gives its start the end’s year', () => {
    const d = first('1 juni – 31 oktober 2019 inkoopgesprekken voor 2020');
    expect(d.text).toBe('1 juni – 31 oktober 2019');
    expect(d.start).toEqual({ year: 2019, month: 6, day: 1 });
    expect(d.end).toEqual({ year: 2019, month: 10, day: 31 });
  });

  it('reads "uiterlijk" as by, "voor" as before (the day before), "vanaf" as from, "tot" as until', () => {
    const by = first('uiterlijk 1 oktober');
    expect(by.relation).toBe('by');
    expect(by.start).toEqual({ month: 10, day: 1 });
    expect(resolveDate(by, 2019)).toEqual({ date: '2019-10-01', precision: 'day' });
    const before = first('uw aanvraag voor 1 september 2023 indienen');
    expect(before.relation).toBe('before');
    expect(resolveDate(before, 2000)).toEqual({ date: '2023-08-31', precision: 'day' });
    expect(first('Vanaf 1 januari 2025 wordt').relation).toBe('from');
    expect(first('onderhandelingen over ketenzorg tot 1 oktober').relation).toBe('until');
  });

  it('reads "eind februari 2016" as the last day of February', () => {
    const d = first('afronding uiterlijk eind februari 2016.');
    expect(d.endOfMonth).toBe(true);
    expect(resolveDate(d, 2000)).toEqual({ date: '2016-02-29', precision: 'day' });
  });

  it('leaves a year-less period open and lets callers place it: "1 december tot 1 januari"', () => {
    const d = first('1 december tot 1 januari contracten verwerken');
    expect(d.start).toEqual({ month: 12, day: 1 });
    expect(d.end).toEqual({ month: 1, day: 1 });
    const dated = first('1 december 2016 tot 1 januari');
    expect(dated.end).toEqual({ year: 2017, month: 1, day: 1 });
  });

  it('keeps the day chrono drops in "1 oktober \\n- onderhandelingen" and ignores month table headers', () => {
    const list = extractDates('1 oktober \n-  onderhandelingen zorg -\n groepen afgerond\n\nJAN\n\nFEB');
    expect(list).toHaveLength(1);
    expect(list[0]?.start).toEqual({ month: 10, day: 1 });
  });

  it('reads ISO dates', () => {
    expect(first('on 2026-05-03').start).toEqual({ year: 2026, month: 5, day: 3 });
  });

  it('reads quarters and whole years as spans of months', () => {
    expect(first('Zorg en Zekerheid bekijkt in het eerste kwartaal van 2025 of herziening').start).toEqual({ year: 2025, month: 1 });
    expect(first('in het eerste kwartaal van 2025').end).toEqual({ year: 2025, month: 3 });
    expect(first('Deze bijstelling vindt plaats in het laatste kwartaal van 2020.')).toMatchObject({ start: { year: 2020, month: 10 }, end: { year: 2020, month: 12 } });
    expect(first('in the second quarter of 2026')).toMatchObject({ start: { year: 2026, month: 4 }, end: { year: 2026, month: 6 } });
    expect(first('before Q3 2026')).toMatchObject({ start: { year: 2026, month: 7 }, end: { year: 2026, month: 9 } });
    expect(first('Gedurende heel 2023 Publicatie van eventuele aanvullingen')).toMatchObject({ text: 'Gedurende heel 2023', start: { year: 2023, month: 1 }, end: { year: 2023, month: 12 } });
    expect(resolveDate(first('in het laatste kwartaal van 2020'), 2000)).toEqual({ date: '2020-10-01', precision: 'month' });
  });

  it('reads the Dutch abbreviation "mrt" and numeric day-month-year dates the Dutch way', () => {
    expect(first('gesteld op 3 mrt 2026').start).toEqual({ year: 2026, month: 3, day: 3 });
    expect(first('vraag gesteld op 12-5-2026').start).toEqual({ year: 2026, month: 5, day: 12 });
    expect(first('on the 3rd of March 2026').start).toEqual({ year: 2026, month: 3, day: 3 });
  });
});

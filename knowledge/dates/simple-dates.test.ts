import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../test-support/test-knowledge.js';
import { extractDates } from './extract-dates.js';
import { simpleDates } from './simple-dates.js';

const QUESTIONS = [
  'I emailed VGZ purchasing a question on 28 April 2026. When can I expect an answer at the latest?',
  'Huisarts: vraag gesteld aan de zorgverzekeraar op 22 december 2026. Wanneer moet er uiterlijk gereageerd zijn?',
  'Vraag gesteld aan VGZ op 11 mei, wanneer moet er antwoord zijn?',
  'asked on the 3rd of March 2026',
  'We asked on April 28, 2026 and on 3-3-2026',
  'Mijn verblijf in jaar 2 begint op 1 maart 2027',
  'Wat gebeurde er in oktober 2023 bij Zorg en Zekerheid?',
  'uiterlijk 1 oktober',
  '1 juni – 31 oktober 2019',
  'voor 1 september 2023',
  '1 december tot 1 januari',
  'eind februari 2016',
];

describe('simpleDates', () => {
  it('reads the plain forms people type', () => {
    expect(simpleDates('asked on 28 April 2026')).toEqual([{ text: '28 April 2026', index: 9, start: { day: 28, month: 4, year: 2026 } }]);
    expect(simpleDates('op 3-3-2026')?.[0]?.start).toEqual({ day: 3, month: 3, year: 2026 });
    expect(simpleDates('April 28, 2026')?.[0]?.start).toEqual({ day: 28, month: 4, year: 2026 });
    expect(simpleDates('Oktober 2023')?.[0]?.start).toEqual({ month: 10, year: 2023 });
    expect(simpleDates('When must I sign?')).toEqual([]);
  });

  it('gives up (undefined) when a month word or numeric date is written otherwise', () => {
    expect(simpleDates('in mei')).toBeUndefined();
    expect(simpleDates('May I ask something on 3 June?')).toBeUndefined();
    expect(simpleDates('op 3-3-26')).toBeUndefined();
  });

  it('finds exactly what chrono finds, on questions and on every short sentence of the documents', () => {
    const texts = [...QUESTIONS];
    for (const doc of testKnowledge().documents) {
      for (const line of testKnowledge().cleaned(doc.id).text.split(/\n+|(?<=[.!?])\s+/)) if (line.length <= 600) texts.push(line);
    }
    let compared = 0;
    for (const text of texts) {
      const simple = simpleDates(text);
      if (!simple || simple.length === 0) continue;
      compared++;
      const strip = (list: ReturnType<typeof extractDates>) => list.map((d) => ({ start: d.start, end: d.end, relation: d.relation, endOfMonth: d.endOfMonth }));
      expect(strip(extractDates(text)), text).toEqual(strip(extractDates(text, { thorough: true })));
    }
    expect(compared).toBeGreaterThan(50);
  });
});

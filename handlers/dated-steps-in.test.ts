import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../knowledge/test-support/test-knowledge.js';
import { datedStepsIn } from './dated-steps-in.js';

const now = new Date('2026-11-23T11:00:00Z');

describe('datedStepsIn', () => {
  it('gives the catalogued steps whose quote stands in a passage, with status', () => {
    const text = testKnowledge().cleaned('gcp-huisartsen-2016').text;
    const at = text.indexOf('Streven is uiterlijk 1 april 2017');
    expect(at).toBeGreaterThan(0);
    const items = datedStepsIn(testKnowledge(), 'gcp-huisartsen-2016', text.slice(at - 200, at + 300), now, 'nl');
    expect(items.map((i) => [i.date, i.status])).toContainEqual(['2017-04-01', 'past']);
  });

  it('gives nothing for a passage without a written date or from another document', () => {
    expect(datedStepsIn(testKnowledge(), 'gcp-huisartsen-2016', 'Zorgverzekeraars bieden ruimte voor maatwerk.', now, 'en')).toEqual([]);
    expect(datedStepsIn(testKnowledge(), 'vgz-ggz-2020', 'Streven is uiterlijk 1 april 2017 voor het contractjaar 2018 de gehele cyclus', now, 'en')).toEqual([]);
  });
});

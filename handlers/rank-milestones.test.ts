import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../knowledge/test-support/test-knowledge.js';
import { parseDeadlineQuestion } from './deadline-question.js';
import { rankMilestones } from './rank-milestones.js';

const top = (text: string, insurer?: string) => {
  const question = parseDeadlineQuestion(text, '2026-11-23', testKnowledge());
  const pool = testKnowledge().milestones.filter((m) => insurer === undefined || m.insurer === insurer);
  return rankMilestones(question, pool).map((r) => r.milestone.id);
};

describe('rankMilestones', () => {
  it('answers "when does X start/end" with the start or end of a period', () => {
    expect(top('Wanneer start de digitale contractering bij VGZ?', 'VGZ')[0]).toBe('vgz-ggz-2020-dig-contracting-starts');
    expect(top('When does the consultation on last adjustments of the GP purchasing policy end?')[0]).toBe('gcp-yearly-last-adjustments-end');
    expect(top('When does the 2024 Z&Z care agreement end?', 'Zorg en Zekerheid')[0]).toBe('zz-ggz-2024-agreement-end');
  });

  it('puts sector-wide yearly rules first when no insurer and no year are named, the dated one when a year is', () => {
    expect(top('When do insurers open their contracting portals?')[0]).toBe('gcp-yearly-portals-open');
    expect(top('Uiterlijk wanneer openden zorgverzekeraars in 2016 hun contracteerportal?')[0]).toBe('gcp-2016-portals-open');
  });

  it('lets distinctive words pick the milestone among those sharing an action', () => {
    expect(top('Tot wanneer kunnen huisartsen een eigen contractaanbod doen?')[0]).toBe('gcp-yearly-consultation-end');
    expect(top('Wanneer moeten de huisartsafspraken administratief zijn ingeregeld?')[0]).toBe('gcp-yearly-administrative-setup');
    expect(top('Wanneer bekijkt Zorg en Zekerheid of herziening van het omzetplafond mogelijk is?', 'Zorg en Zekerheid')[0]).toBe('zz-ggz-2025-review-revenue-ceiling');
    expect(top('By when must I report an expected overrun of the omzetplafond to Z&Z?', 'Zorg en Zekerheid')[0]).toBe('zz-ggz-2024-report-overrun');
  });
});

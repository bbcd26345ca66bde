import { describe, expect, it } from 'vitest';
import type { Subscription } from './store.js';
import { testKnowledge } from '../knowledge/test-support/test-knowledge.js';
import type { Milestone } from '../knowledge/milestones/milestone.js';
import { filterFromSubscriptions, upcomingDeadlines } from './upcoming-deadlines.js';

const base = {
  documentId: 'd',
  contractYear: null,
  actor: 'zorgaanbieder' as const,
  quote: 'een citaat uit het document',
  section: '1',
  actions: [],
  verified: true,
};
const milestones: Milestone[] = [
  { ...base, id: 'vgz-sign', insurer: 'VGZ', sector: 'ggz', when: { kind: 'date', date: '2026-06-01' }, label: { nl: 'VGZ tekenen', en: 'Sign VGZ' } },
  { ...base, id: 'zz-sign', insurer: 'Zorg en Zekerheid', sector: 'ggz', when: { kind: 'date', date: '2026-05-20' }, label: { nl: 'Z&Z tekenen', en: 'Sign Z&Z' } },
  { ...base, id: 'ha-policy', insurer: null, sector: 'huisartsenzorg', when: { kind: 'yearly', month: 4, day: 1 }, label: { nl: 'Beleid publiceren', en: 'Publish policy' } },
  { ...base, id: 'old', insurer: 'VGZ', sector: 'ggz', when: { kind: 'date', date: '2023-11-09' }, label: { nl: 'Oud', en: 'Old' } },
  { ...base, id: 'unverified', insurer: 'VGZ', sector: 'ggz', when: { kind: 'date', date: '2026-05-12' }, label: { nl: 'Voorstel', en: 'Proposal' }, verified: false },
];

function subscription(insurers: Subscription['insurers'], sectors: Subscription['sectors']): Subscription {
  return { id: 's', address: { platform: 'slack', conversationId: 'C1' }, insurers, sectors, leadDays: [7], language: 'nl', timeOfDay: '09:00', active: true, createdAt: '2026-01-01T00:00:00Z' };
}

describe('upcoming deadlines for the home view', () => {
  it('lists future verified occurrences, earliest first, filtered by what the user follows', () => {
    const all = upcomingDeadlines(milestones, '2026-05-11', 'en', { insurers: 'all', sectors: 'all' });
    expect(all.map((d) => [d.milestoneId, d.date])).toEqual([
      ['zz-sign', '2026-05-20'],
      ['vgz-sign', '2026-06-01'],
      ['ha-policy', '2027-04-01'],
    ]);
    const vgz = upcomingDeadlines(milestones, '2026-05-11', 'nl', filterFromSubscriptions([subscription(['VGZ'], ['ggz'])]));
    expect(vgz.map((d) => d.milestoneId)).toEqual(['vgz-sign']);
    expect(filterFromSubscriptions([])).toEqual({ insurers: 'all', sectors: 'all' });
    expect(upcomingDeadlines(milestones, '2026-05-11', 'en', { insurers: 'all', sectors: 'all' }, 1)).toHaveLength(1);
  });

  it('works on the real milestone catalog', () => {
    const items = upcomingDeadlines(testKnowledge().milestones, '2026-05-11', 'nl', { insurers: 'all', sectors: 'all' });
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.date >= '2026-05-11').toBe(true);
  });
});

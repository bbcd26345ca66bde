import { describe, expect, it } from 'vitest';
import type { MilestoneHold, Subscription } from '../../handlers/store.js';
import { testKnowledge } from '../../knowledge/test-support/test-knowledge.js';
import type { Milestone } from '../../knowledge/milestones/milestone.js';
import { dueReminders, nextDueInstants, sameDeadlineGroups } from './due-reminders.js';
import { datedMilestone, POLICY_BY_APRIL_1 } from './test-support/test-milestones.js';

const HOLIDAYS = { goodFriday: false, liberationDay: false };
const sub = (over: Partial<Subscription> = {}): Subscription => ({
  id: 's1',
  address: { platform: 'local', conversationId: 'x' },
  insurers: 'all',
  sectors: 'all',
  leadDays: [30, 14, 7, 1],
  language: 'nl',
  timeOfDay: '09:00',
  active: true,
  createdAt: '2027-01-01T10:00:00.000Z',
  ...over,
});
const M = [datedMilestone('m-apr', '2027-04-01')];
const due = (now: string, options: { subscriptions?: Subscription[]; holds?: MilestoneHold[]; milestones?: readonly Milestone[] } = {}) =>
  dueReminders({ now: new Date(now), subscriptions: options.subscriptions ?? [sub()], milestones: options.milestones ?? M, holds: options.holds ?? [], holidays: HOLIDAYS }).map(
    (d) => `${d.key.milestoneId} ${d.key.occurrenceDate} ${d.key.leadDays}${d.late ? ' late' : ''}${d.snoozed ? ' snoozed' : ''}`,
  );

describe('dueReminders', () => {
  it('picks the most recently due lead only', () => {
    expect(due('2027-03-01T07:59:00Z')).toEqual([]);
    expect(due('2027-03-02T08:00:00Z')).toEqual(['m-apr 2027-04-01 30']); // 2 March (Tue) 09:00 CET
    expect(due('2027-03-18T08:00:00Z')).toEqual(['m-apr 2027-04-01 14']);
    expect(due('2027-03-29T08:00:00Z')).toEqual(['m-apr 2027-04-01 7 late']);
    expect(due('2027-04-01T08:00:00Z')).toEqual(['m-apr 2027-04-01 1 late']);
    expect(due('2027-04-02T08:00:00Z')).toEqual([]);
  });

  it('never reminds of due dates before the subscription was made', () => {
    expect(due('2027-03-26T10:00:00Z', { subscriptions: [sub({ createdAt: '2027-03-26T09:30:00Z' })] })).toEqual([]);
    // Made on the due day itself: that day's reminder still counts.
    expect(due('2027-03-25T10:00:00Z', { subscriptions: [sub({ createdAt: '2027-03-25T09:30:00Z' })] })).toEqual(['m-apr 2027-04-01 7']);
  });

  it('gives a conversation one reminder per occurrence whatever number of subscriptions match: the most recent lead, the newest language', () => {
    const subscriptions = [
      sub({ id: 'a', leadDays: [7], language: 'en', createdAt: '2027-01-01T10:00:00.000Z' }),
      sub({ id: 'b', leadDays: [30, 14, 7], language: 'nl', createdAt: '2027-01-02T10:00:00.000Z' }),
      sub({ id: 'c', leadDays: [1], insurers: ['VGZ'], language: 'en', createdAt: '2027-01-03T10:00:00.000Z' }),
      sub({ id: 'd', address: { platform: 'local', conversationId: 'y' }, leadDays: [7] }),
    ];
    const items = dueReminders({ now: new Date('2027-03-31T08:00:00Z'), subscriptions, milestones: M, holds: [], holidays: HOLIDAYS });
    expect(items.map((i) => [i.key.conversation, i.key.leadDays, i.subscriptionId, i.language, [...i.subscriptionIds].sort().join(',')])).toEqual([
      ['local:x', 1, 'c', 'en', 'a,b,c'],
      ['local:y', 7, 'd', 'nl', 'd'],
    ]);
  });

  it('computes each subscription\'s next due instant: the next lead, or the end of a running snooze', () => {
    const s = sub({ leadDays: [7, 1] });
    const at = (now: string, holds: MilestoneHold[] = []) => nextDueInstants(new Date(now), [s], M, holds, HOLIDAYS).get('s1')?.toISOString();
    expect(at('2027-03-01T08:00:00Z')).toBe('2027-03-25T08:00:00.000Z');
    expect(at('2027-03-25T08:00:00Z')).toBe('2027-03-31T07:00:00.000Z');
    expect(at('2027-03-26T10:00:00Z', [{ conversation: 'local:x', milestoneId: 'm-apr', muted: false, snoozedUntil: new Date('2027-03-27T10:00:00Z') }])).toBe('2027-03-27T10:00:00.000Z');
    // Nothing ahead within the horizon: look again at its end.
    expect(at('2027-04-02T08:00:00Z')).toBe('2028-05-05T22:00:00.000Z');
  });

  it('respects "Done", holds a snoozed milestone and sends one follow-up when the snooze ends', () => {
    const hold = (h: Partial<MilestoneHold>): MilestoneHold => ({ conversation: 'local:x', milestoneId: 'm-apr', muted: false, ...h });
    expect(due('2027-03-25T10:00:00Z', { holds: [hold({ muted: true })] })).toEqual([]);
    expect(due('2027-03-25T10:00:00Z', { holds: [hold({ muted: true, conversation: 'local:other' })] })).toEqual(['m-apr 2027-04-01 7']);
    const until = new Date('2027-03-26T10:00:00Z');
    expect(due('2027-03-26T09:59:00Z', { holds: [hold({ snoozedUntil: until })] })).toEqual([]);
    expect(due('2027-03-26T10:00:00Z', { holds: [hold({ snoozedUntil: until })] })).toEqual(['m-apr 2027-04-01 6 snoozed']);
    // A lead due after the snooze ended wins again.
    expect(due('2027-03-31T08:00:00Z', { holds: [hold({ snoozedUntil: until })] })).toEqual(['m-apr 2027-04-01 1']);
    // An old snooze (last season) does not bring a follow-up for this year's occurrence.
    expect(due('2027-02-01T10:00:00Z', { holds: [hold({ snoozedUntil: new Date('2026-03-26T10:00:00Z') })] })).toEqual([]);
  });

  it('filters by insurer (own and sector-wide milestones) and sector', () => {
    const vgz = datedMilestone('m-vgz', '2027-04-01', { insurer: 'VGZ', sector: 'ggz', actor: 'zorgaanbieder' });
    const now = '2027-03-25T10:00:00Z';
    const milestones = [...M, vgz];
    expect(due(now, { milestones, subscriptions: [sub({ insurers: ['VGZ'] })] })).toEqual(['m-apr 2027-04-01 7', 'm-vgz 2027-04-01 7']);
    expect(due(now, { milestones, subscriptions: [sub({ insurers: ['CZ'] })] })).toEqual(['m-apr 2027-04-01 7']);
    expect(due(now, { milestones, subscriptions: [sub({ sectors: ['ggz'] })] })).toEqual(['m-vgz 2027-04-01 7']);
    expect(due(now, { milestones, subscriptions: [sub({ active: false })] })).toEqual([]);
  });

  it('groups milestones that state the same deadline into one reminder', () => {
    const catalog = testKnowledge().milestones;
    const groups = sameDeadlineGroups(catalog.flatMap((m) => (m.when.kind === 'yearly' && m.when.month === 4 && m.when.day === 1 ? [{ milestone: m, date: '2027-04-01' }] : [])));
    expect(groups).toHaveLength(1);
    expect(groups[0]?.milestone.id).toBe(POLICY_BY_APRIL_1);
    expect(groups[0]?.members.length).toBeGreaterThan(1);
    expect(due('2027-03-25T10:00:00Z', { milestones: catalog, subscriptions: [sub({ leadDays: [7] })] })).toEqual([`${POLICY_BY_APRIL_1} 2027-04-01 7`]);
  });
});

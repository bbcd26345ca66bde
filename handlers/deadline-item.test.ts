import { describe, expect, it } from 'vitest';
import type { Milestone } from '../knowledge/milestones/milestone.js';
import { deadlineStatus, toDeadlineItem } from './deadline-item.js';

const sign: Milestone = {
  id: 'zz-ggz-2024-sign',
  documentId: 'zz-ggz-2024',
  insurer: 'Zorg en Zekerheid',
  sector: 'ggz',
  contractYear: 2024,
  when: { kind: 'date', date: '2023-11-09' },
  actor: 'zorgaanbieder',
  label: { nl: 'Uiterste datum ondertekening', en: 'Last day to sign' },
  quote: '9 november 2023 Uiterste datum van ondertekening in VECOZO Zorginkoopportaal.',
  section: '6 Planning › 6.3 Planning',
  actions: ['sign'],
  verified: true,
};

describe('toDeadlineItem', () => {
  it('gives status and days relative to today, label in the user language', () => {
    const item = toDeadlineItem(sign, { date: '2023-11-09', precision: 'day' }, '2026-11-23', 'en');
    expect(item).toMatchObject({ date: '2023-11-09', status: 'past', label: 'Last day to sign', insurer: 'Zorg en Zekerheid', actor: 'zorgaanbieder', milestoneId: sign.id });
    expect(item.daysFromNow).toBe(-1110);
    expect(toDeadlineItem(sign, { date: '2023-11-09', precision: 'day' }, '2023-11-09', 'nl')).toMatchObject({ status: 'today', daysFromNow: 0, label: 'Uiterste datum ondertekening' });
    expect(toDeadlineItem(sign, { date: '2023-11-09', precision: 'day' }, '2023-11-01', 'nl')).toMatchObject({ status: 'upcoming', daysFromNow: 8 });
  });

  it('counts calendar days across a DST change', () => {
    expect(toDeadlineItem(sign, { date: '2026-03-30', precision: 'day' }, '2026-03-28', 'en').daysFromNow).toBe(2);
  });

  it('treats a month-precision occurrence as today during its whole month', () => {
    const oct = { date: '2023-10-01', precision: 'month' } as const;
    expect(deadlineStatus(oct, '2023-10-31')).toBe('today');
    expect(deadlineStatus(oct, '2023-11-01')).toBe('past');
    expect(deadlineStatus(oct, '2023-09-30')).toBe('upcoming');
  });
});

describe('deadlineStatus for a span of months', () => {
  it('is today during the whole span and past after its last month', () => {
    const first = { date: '2025-01-01', precision: 'month' as const };
    expect(deadlineStatus(first, '2025-03-15', '2025-03')).toBe('today');
    expect(deadlineStatus(first, '2025-03-15')).toBe('past');
    expect(deadlineStatus(first, '2025-04-01', '2025-03')).toBe('past');
    expect(deadlineStatus(first, '2024-12-31', '2025-03')).toBe('upcoming');
  });

  it('is used by toDeadlineItem for a quarter milestone', () => {
    const quarter: Milestone = { ...sign, id: 'q', when: { kind: 'month', month: '2025-01', through: '2025-03' } };
    expect(toDeadlineItem(quarter, { date: '2025-01-01', precision: 'month' }, '2025-02-10', 'nl')).toMatchObject({ status: 'today', precision: 'month' });
  });
});

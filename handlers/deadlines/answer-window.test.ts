import { afterEach, describe, expect, it } from 'vitest';
import { testKnowledge } from '../../knowledge/test-support/test-knowledge.js';
import { deadlineCalendar } from '../deadline-calendar.js';
import { replyToJson } from '../reply-json.js';
import { testBot, type TestBot } from '../../bot/test-support/test-bot.js';
import { understandingOf } from '../test-support/understanding-of.js';
import { answerWindow } from './answer-window.js';

const kb = testKnowledge();
const bots: TestBot[] = [];
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.close();
});

async function answer(now: string, slots: Parameters<typeof understandingOf>[1]) {
  const bot = await testBot({ now });
  bots.push(bot);
  return replyToJson(await answerWindow({ address: bot.address, text: '', receivedAt: bot.now }, understandingOf(kb, slots), bot.context()));
}

describe('answerWindow', () => {
  it('a 3-month window returns exactly the deadlines inside it, in date order', async () => {
    const window = { from: '2026-11-23', to: '2027-02-23', kind: 'range' as const };
    const reply = await answer('2026-11-23', { intent: 'deadlines-window', window });
    const dates = reply.deadlines.map((d) => d.date);
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((d) => d >= window.from && d <= window.to)).toBe(true);
    expect(dates).toEqual([...dates].sort());
    // Exactly: every verified occurrence in the window, none left out.
    const all = deadlineCalendar({ today: '2026-11-23', language: 'en', from: '1900-01-01', to: '2999-12-31' }, kb.milestones.filter((m) => m.verified));
    expect(dates).toEqual(all.filter((d) => d.date >= window.from && d.date <= window.to).map((d) => d.date));
  });

  it('filters by the insurers and sector named: an insurer gets its own steps plus the sector-wide rules, never another insurer\'s', async () => {
    const window = { from: '2019-09-01', to: '2019-12-31', kind: 'range' as const };
    const vgz = await answer('2019-09-01', { intent: 'deadlines-window', insurers: ['VGZ'], window });
    expect(vgz.deadlines.some((d) => d.insurer === 'VGZ')).toBe(true);
    expect(vgz.deadlines.every((d) => d.insurer === 'VGZ' || d.insurer === null)).toBe(true);
    const ggz = await answer('2019-09-01', { intent: 'deadlines-window', sector: 'huisartsenzorg', window });
    expect(ggz.deadlines.every((d) => d.insurer === null)).toBe(true);
  });

  it('a named insurer gets no sector-wide rule of a sector its policies are not for', async () => {
    const next = await answer('2026-11-23', { intent: 'deadlines-window', insurers: ['VGZ'], window: { from: '2026-11-23', to: '2026-11-23', kind: 'next' } });
    expect(next.deadlines.filter((d) => d.insurer === null)).toEqual([]);
    const gp = await answer('2026-11-23', { intent: 'deadlines-window', insurers: ['VGZ'], sector: 'huisartsenzorg', window: { from: '2026-11-23', to: '2026-11-23', kind: 'next' } });
    expect(gp.deadlines.length).toBeGreaterThan(0);
  });

  it('"what\'s next?" gives the next deadline only', async () => {
    const reply = await answer('2026-11-23', { intent: 'deadlines-window', window: { from: '2026-11-23', to: '2026-11-23', kind: 'next' } });
    expect(reply.deadlines.length).toBeGreaterThan(0);
    expect(new Set(reply.deadlines.map((d) => d.date)).size).toBe(1);
    expect(reply.deadlines[0]!.date >= '2026-11-23').toBe(true);
    expect(reply.text).toContain('The next deadline from');
  });

  it('says so when nothing falls in the window, with no dates', async () => {
    const reply = await answer('2026-11-23', { intent: 'deadlines-window', language: 'nl', insurers: ['VGZ'], sector: 'ggz', window: { from: '2030-06-02', to: '2030-06-03', kind: 'range' } });
    expect(reply.deadlines).toEqual([]);
    expect(reply.text).toContain('Daarin valt geen enkele deadline');
  });
});

describe('answerWindow: the next N deadlines and quarters, through the bot', () => {
  it('"next 3 deadlines" lists the first three deadlines from today, in date order', async () => {
    const bot = await testBot({ now: '2026-11-23' });
    bots.push(bot);
    const reply = await bot.ask('next 3 deadlines for GP practices?');
    expect(reply.intent).toBe('deadline');
    const all = deadlineCalendar({ today: '2026-11-23', language: 'en', from: '2026-11-23' }, kb.milestones.filter((m) => m.verified && m.sector === 'huisartsenzorg'));
    expect(reply.deadlines.map((d) => d.date)).toEqual(all.slice(0, 3).map((d) => d.date));
    expect(reply.text).toContain('The next 3 deadlines');
  });

  it('"deadlines in Q3 2027" lists only July–September 2027', async () => {
    const bot = await testBot({ now: '2026-11-23' });
    bots.push(bot);
    const reply = await bot.ask('deadlines huisartsen in Q3 2027?');
    expect(reply.deadlines.length).toBeGreaterThan(0);
    expect(reply.deadlines.every((d) => d.date >= '2027-07-01' && d.date <= '2027-09-30')).toBe(true);
  });
});

describe('answerWindow: nothing in the window', () => {
  it('shows the last earlier deadline with its source, but lists no deadline of the window', async () => {
    const bot = await testBot({ now: '2026-11-23' });
    bots.push(bot);
    const reply = await bot.ask('wat is de volgende deadline bij vgz?');
    expect(reply.deadlines).toEqual([]);
    expect(reply.text).toContain('Daarin valt geen enkele deadline');
    expect(reply.text).toContain('De laatste eerdere deadline in de documenten');
    expect(reply.text).toContain('2019');
    expect(reply.sources[0]?.documentId).toBe('vgz-ggz-2020');
  });
});

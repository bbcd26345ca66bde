import { afterEach, describe, expect, it } from 'vitest';
import { testBot as createTestBot, type TestBot } from '../bot/test-support/test-bot.js';
import { renderBlockKit } from '../adapters/slack/render-block-kit.js';
import { renderAdaptiveCards } from '../adapters/teams/render-adaptive-card.js';
import { presentedBlocks } from './reply.js';
import type { DeadlineItem, Reply, Source } from './types.js';

/** How often `needle` occurs in `text`. */
function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

describe('each date and quote is said once (issue #11.5)', () => {
  let bot: TestBot | undefined;
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
  });

  it('a deadline answer states the date and its quote once in the text, the sources only cite', async () => {
    bot = await createTestBot({ now: '2026-11-23' });
    const reply = await bot.send('wanneer moet ik tekenen bij zorg en zekerheid');
    expect(count(reply.fallbackText, 'donderdag 9 november 2023')).toBe(1);
    expect(count(reply.fallbackText, 'Uiterste datum van ondertekening in VECOZO Zorginkoopportaal')).toBe(1);
    expect(reply.fallbackText).toContain('Zorginkoopbeleid Geestelijke gezondheidszorg 2024 (Zorg en Zekerheid, 2023)');
    // `ask --json` keeps every deadline and every snippet.
    const json = await bot.ask('wanneer moet ik tekenen bij zorg en zekerheid');
    expect(json.deadlines.map((d) => d.date)).toContain('2023-11-09');
    expect(json.sources[0]?.snippet).toContain('Uiterste datum van ondertekening');
  });

  it('two insurers: each date once on every platform', async () => {
    bot = await createTestBot({ now: '2026-11-23' });
    const reply = await bot.send('When must I sign with VGZ and Z&Z?');
    expect(count(reply.fallbackText, 'Friday 1 November 2019')).toBe(1);
    expect(count(reply.fallbackText, 'Thursday 9 November 2023')).toBe(1);
    const slack = JSON.stringify(renderBlockKit(reply).map((m) => m.blocks));
    expect(count(slack, '9 November 2023')).toBe(1);
    const teams = JSON.stringify(renderAdaptiveCards(reply).map((c) => c.body));
    expect(count(teams, '9 November 2023')).toBe(1);
  });

  it('a window lists its deadlines once', async () => {
    bot = await createTestBot({ now: '2026-11-23' });
    const reply = await bot.send('welke deadlines komen er de komende 2 maanden?');
    expect(count(reply.fallbackText, 'dinsdag 1 december 2026')).toBe(1);
    const json = await bot.ask('welke deadlines komen er de komende 2 maanden?');
    expect(json.deadlines.length).toBeGreaterThan(1);
  });

  it('dates the text does not state are still shown, and unquoted passages keep their snippet', () => {
    const d = (date: string): DeadlineItem => ({ milestoneId: date, date, precision: 'day', label: `step ${date}`, insurer: null, documentId: 'x', status: 'past', daysFromNow: -1 });
    const source = (snippet: string): Source => ({ documentId: 'x', title: 'T', publisher: 'P', year: '2024', section: 'S', snippet, score: 1, url: null });
    const blocks: Reply['blocks'] = [
      { kind: 'text', markdown: 'step one. “Quoted passage here.”' },
      { kind: 'deadlines', deadlines: [d('2024-01-01'), d('2024-02-01')], stated: 1 },
      { kind: 'sources', sources: [source('Quoted passage here.'), source('Another passage.')] },
    ];
    const shown = presentedBlocks(blocks);
    expect(shown[1]).toEqual({ kind: 'deadlines', deadlines: [d('2024-02-01')] });
    expect(shown[2]).toMatchObject({ kind: 'sources', sources: [{ snippet: '' }, { snippet: 'Another passage.' }] });
  });
});

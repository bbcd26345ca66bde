import { afterEach, describe, expect, it } from 'vitest';
import { testKnowledge } from '../../knowledge/test-support/test-knowledge.js';
import { replyToJson } from '../reply-json.js';
import { testBot, type TestBot } from '../../bot/test-support/test-bot.js';
import { understandingOf } from '../test-support/understanding-of.js';
import type { Block } from '../types.js';
import { answerInsurers } from './answer-insurers.js';

const kb = testKnowledge();
const bots: TestBot[] = [];
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.close();
});

async function answer(slots: Parameters<typeof understandingOf>[1]) {
  const bot = await testBot({ now: '2026-11-23' });
  bots.push(bot);
  const message = { address: bot.address, text: '', receivedAt: bot.now };
  return answerInsurers(message, understandingOf(kb, slots), bot.context());
}

describe('answerInsurers', () => {
  it('two insurers give two answers, each from its own policy, in the order named', async () => {
    const reply = await answer({ intent: 'deadline', insurers: ['VGZ', 'Zorg en Zekerheid'], step: 'sign' });
    const json = replyToJson(reply);
    expect(json.deadlines.map((d) => [d.insurer, d.date])).toEqual([
      ['VGZ', '2019-11-01'],
      ['Zorg en Zekerheid', '2023-11-09'],
    ]);
    expect(json.text).toMatch(/VGZ — Friday 1 November 2019[\s\S]*Zorg en Zekerheid — Thursday 9 November 2023/);
    expect(json.sources.map((s) => s.documentId)).toEqual(['vgz-ggz-2020', 'zz-ggz-2024']);
    expect(reply.blocks.some((b) => b.kind === 'table')).toBe(false);
  });

  it('a comparison gives a table with one row per insurer (earliest first), and names no date for an insurer without a policy', async () => {
    const reply = await answer({ intent: 'compare', language: 'nl', insurers: ['Zorg en Zekerheid', 'CZ', 'VGZ'], step: 'sign' });
    const table = reply.blocks.find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
    expect(table?.header).toEqual(['Zorgverzekeraar', 'Datum', 'Status', 'Stap', 'Bron']);
    expect(table?.rows.map((r) => r.slice(0, 3))).toEqual([
      ['VGZ', 'vrijdag 1 november 2019', expect.stringMatching(/^verstreken/)],
      ['Zorg en Zekerheid', 'donderdag 9 november 2023', expect.stringMatching(/^verstreken/)],
      ['CZ', '—', 'geen inkoopbeleid geladen'],
    ]);
    expect(table?.rows[0]?.[4]).toMatch(/§/);
    const json = replyToJson(reply);
    expect(json.deadlines.map((d) => d.insurer)).toEqual(['VGZ', 'Zorg en Zekerheid']);
    expect(json.text).toContain('Het eerst: VGZ (vrijdag 1 november 2019).');
  });

  it('uses the contract year asked through policyFor, like a one-insurer answer', async () => {
    const reply = replyToJson(await answer({ intent: 'compare', insurers: ['VGZ', 'Zorg en Zekerheid'], step: 'offer', contractYear: 2024 }));
    expect(reply.deadlines.every((d) => d.insurer === 'VGZ' || d.date.startsWith('2023'))).toBe(true);
    expect(reply.deadlines.find((d) => d.insurer === 'VGZ')?.documentId).toBe('vgz-ggz-2020');
  });
});

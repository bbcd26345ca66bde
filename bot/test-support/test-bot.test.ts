import { afterEach, describe, expect, it } from 'vitest';
import { testBot, type TestBot } from './test-bot.js';

const bots: TestBot[] = [];
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.close();
});
const open = async (...args: Parameters<typeof testBot>) => {
  const bot = await testBot(...args);
  bots.push(bot);
  return bot;
};

describe('testBot', () => {
  it('answers a turn through the real router with the shipped knowledge at its frozen clock', async () => {
    const bot = await open({ now: '2026-11-23' });
    const reply = await bot.ask('When must I sign with Zorg en Zekerheid?');
    expect(reply.language).toBe('en');
    expect(reply.deadlines[0]).toMatchObject({ date: '2023-11-09', status: 'past' });
    bot.at('2023-11-01');
    expect((await bot.ask('When must I sign with Zorg en Zekerheid?')).deadlines[0]).toMatchObject({ date: '2023-11-09', status: 'upcoming', daysFromNow: 8 });
  });

  it('keeps one conversation in a real store: a checklist drafted by send is ticked by press', async () => {
    const bot = await open();
    const drafted = await bot.send('Draft an escalation checklist for VGZ');
    const checklist = drafted.blocks.find((b) => b.kind === 'checklist');
    if (checklist?.kind !== 'checklist') throw new Error('no checklist');
    const first = checklist.items[0]!;
    const ticked = await bot.press('checklist.toggle', `${checklist.id}|${first.id}|1`);
    const after = ticked.blocks.find((b) => b.kind === 'checklist');
    expect(after?.kind === 'checklist' && after.items[0]?.done).toBe(true);
    // Another conversation does not see it.
    expect((await bot.ask('tick 2', { address: { platform: 'local', conversationId: 'other' } })).text).toMatch(/no checklist/);
  });

  it('rejects a malformed clock', async () => {
    await expect(testBot({ now: '23-11-2026' })).rejects.toThrow(/YYYY-MM-DD/);
  });
});

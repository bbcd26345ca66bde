import { afterEach, describe, expect, it } from 'vitest';
import { testBot, type TestBot } from '../../bot/test-support/test-bot.js';

// Mechanisms behind the fifth blind set's failures, through the shared test bot (router, handlers, store).
const bots: TestBot[] = [];
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.close();
});
async function bot(now = '2026-11-23') {
  const b = await testBot({ now });
  bots.push(b);
  return b;
}

describe('small talk: "are you there?" is a greeting', () => {
  it('greets back in the user’s language', async () => {
    const b = await bot();
    const nl = await b.ask('hoi, ben je er?');
    expect(nl).toMatchObject({ intent: 'smalltalk', language: 'nl' });
    const en = await b.ask('hello, are you there?');
    expect(en).toMatchObject({ intent: 'smalltalk', language: 'en' });
  });
});

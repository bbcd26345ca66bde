import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../bot/logger.js';
import { openStore } from '../../bot/storage/open-store.js';
import { testKnowledge } from '../../knowledge/test-support/test-knowledge.js';
import type { HandlerContext } from '../context.js';
import { replyToJson } from '../reply-json.js';
import { createRouter } from '../router.js';
import type { Store } from '../store.js';
import type { Address, Block, Reply } from '../types.js';

// Issue 11: questions the way people ask them, through the full router and a real SQLite store.
const NOW = new Date('2026-11-23T11:00:00Z');
const route = createRouter();
let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

async function bot(publicUrl?: string) {
  store = await openStore('file::memory:');
  const opened = store;
  const context: HandlerContext = {
    knowledge: testKnowledge(),
    now: NOW,
    holidays: { goodFriday: false, liberationDay: false },
    store: async () => opened,
    log: silentLogger,
    ...(publicUrl ? { publicUrl } : {}),
  };
  const address: Address = { platform: 'slack', conversationId: 'C1' };
  const say = (text: string) => route({ address, text, receivedAt: NOW }, context);
  return { say, store: opened, address };
}

const checklistOf = (reply: Reply) => reply.blocks.find((b): b is Extract<Block, { kind: 'checklist' }> => b.kind === 'checklist');

describe('issue 11: small talk and control in the user’s language', () => {
  it('answers thanks as thanks, never "nothing found"', async () => {
    const { say } = await bot();
    const en = replyToJson(await say('thanks'));
    expect(en).toMatchObject({ intent: 'smalltalk', language: 'en' });
    expect(en.text).toMatch(/welcome/i);
    expect(en.text).not.toMatch(/found nothing|vind ik niets/);
    const nl = replyToJson(await say('bedankt!'));
    expect(nl).toMatchObject({ intent: 'smalltalk', language: 'nl' });
    expect(nl.text).toContain('Graag gedaan');
    expect(replyToJson(await say('Dank je wel voor de hulp')).text).toContain('Graag gedaan');
  });

  it('"in English please" switches to English and confirms in English; "in het Nederlands" the other way', async () => {
    const { say } = await bot();
    const en = replyToJson(await say('in English please'));
    expect(en).toMatchObject({ intent: 'control', language: 'en' });
    expect(en.text).toContain('answer in English');
    const nl = replyToJson(await say('in het Nederlands graag'));
    expect(nl).toMatchObject({ intent: 'control', language: 'nl' });
    expect(nl.text).toContain('Nederlands');
  });

  it('gives help and "what can you do" in the user’s language', async () => {
    const { say } = await bot();
    expect(replyToJson(await say('what can you do?'))).toMatchObject({ intent: 'help', language: 'en' });
    expect(replyToJson(await say('help me please')).text).toContain('Examples:');
    expect(replyToJson(await say('wat kun je allemaal?')).text).toContain('Voorbeelden:');
    expect(replyToJson(await say('hallo')).text).toContain('Hallo!');
  });
});

describe('issue 11: only an explicit request subscribes', () => {
  it('an Outlook question explains the calendar feed with its URL and creates no subscription', async () => {
    const { say, store, address } = await bot('https://bot.example.org');
    const reply = replyToJson(await say('Can I subscribe to the deadlines in Outlook?'));
    expect(reply.language).toBe('en');
    expect(reply.text).toContain('calendar feed');
    expect(reply.text).toContain('https://bot.example.org/calendar.ics');
    expect(reply.text).toContain('not set up any reminders');
    expect(await store.listSubscriptions({ conversation: address })).toEqual([]);
    await say('Kan ik de deadlines in mijn Google Agenda zetten?');
    expect(await store.listSubscriptions({ conversation: address })).toEqual([]);
  });

  it('a question about reminders without naming who is reminded is explained, not acted on', async () => {
    const { say, store, address } = await bot();
    expect(replyToJson(await say('Can I set up reminders for VGZ?')).text).toContain('only set up reminders when you ask');
    expect(await store.listSubscriptions({ conversation: address })).toEqual([]);
    await say('remind this channel about VGZ 14,7,1');
    expect(await store.listSubscriptions({ conversation: address })).toHaveLength(1);
  });
});

describe('issue 11: checklists', () => {
  it('"stappenplan escalatie" is a checklist request', async () => {
    const { say } = await bot();
    const reply = await say('stappenplan escalatie');
    expect(reply.intent).toBe('escalation');
    expect(checklistOf(reply)?.title).toContain('Escalatie-checklist');
  });

  it('an escalation that carries personal data gets the checklist, with the personal data removed', async () => {
    const { say, store } = await bot();
    const reply = await say('Escalatie naar de NZa over VGZ: patiënt Jan de Vries, BSN 111222333, wacht al 20 weken op behandeling');
    expect(reply.intent).toBe('escalation');
    expect(checklistOf(reply)?.title).toContain('VGZ');
    expect(reply.warnings?.join(' ')).toMatch(/BSN/);
    expect(reply.fallbackText).not.toContain('111222333');
    const stored = await store.latestChecklist('slack:C1');
    expect(JSON.stringify(stored)).not.toContain('111222333');
  });

  it('a second request while a checklist is open offers keep/replace and keeps the first until the user chooses; export exports the open one', async () => {
    const { say } = await bot();
    const first = checklistOf(await say('Draft an escalation checklist for VGZ about tariff discounts'));
    expect(first?.title).toContain('VGZ');
    await say('tick 1');

    const offer = await say('Draft an NZa signal outline about waiting times');
    expect(offer.fallbackText).toContain('already has an open checklist');
    expect(offer.fallbackText).toContain(first?.title ?? '?');
    const buttons = offer.blocks.find((b): b is Extract<Block, { kind: 'actions' }> => b.kind === 'actions')?.buttons ?? [];
    expect(buttons.map((b) => b.id)).toEqual(['checklist.keep', 'checklist.replace']);

    // Until the user chooses, commands and export apply to the VGZ checklist.
    const exported = replyToJson(await say('export checklist'));
    expect(exported.text).toContain('VGZ');
    expect(exported.text).toContain('[x]');
    const shown = checklistOf(await say('show checklist'));
    expect(shown?.title).toBe(first?.title);

    const kept = await say('keep');
    expect(kept.fallbackText).toContain('The current checklist stays');
    expect(checklistOf(kept)?.title).toBe(first?.title);
    expect((await say('replace')).fallbackText).toContain('No new checklist is waiting');

    await say('Draft an NZa signal outline about waiting times');
    const replaced = await say('replace');
    expect(replaced.fallbackText).toContain('has been replaced by');
    expect(checklistOf(replaced)?.title).toContain('[insurer]');
    expect(checklistOf(await say('show checklist'))?.title).toBe(checklistOf(replaced)?.title);
  });
});

describe('issue 11: deadline questions the way people ask them', () => {
  const ask = async (text: string) => replyToJson(await (await bot()).say(text));

  it('"zorg en zekerhied tekenen wanneer??" answers Zorg en Zekerheid’s signing date', async () => {
    const reply = await ask('zorg en zekerhied tekenen wanneer??');
    expect(reply.intent).toBe('deadline');
    expect(reply.deadlines[0]).toMatchObject({ date: '2023-11-09', insurer: 'Zorg en Zekerheid' });
    expect(reply.deadlines.every((d) => d.insurer === 'Zorg en Zekerheid')).toBe(true);
  });

  it('"accepted hebben in vecozo" (Dutch and English mixed, no question word) asks for the acceptance date', async () => {
    const reply = await ask('accepted hebben in vecozo');
    expect(reply.intent).toBe('deadline');
    expect(reply.deadlines[0]?.label).toMatch(/Vecozo geaccepteerd/);
  });

  it('"Is it too late to sign our Z&Z agreement?" gives the end of the signing period and that it has passed', async () => {
    const reply = await ask('Is it too late to sign our Z&Z agreement?');
    expect(reply.intent).toBe('deadline');
    expect(reply.deadlines[0]).toMatchObject({ date: '2023-11-09', insurer: 'Zorg en Zekerheid', status: 'past' });
  });

  it('"tot wanneer kan ik afsluiten" gives the end of a period, not its start', async () => {
    const reply = await ask('tot wanneer kan ik afsluiten');
    expect(reply.intent).toBe('deadline');
    expect(reply.deadlines[0]?.date).toMatch(/-11-07$/);
    expect(reply.text.split('\n')[0]).toContain('7 november');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { testBot, type TestBot } from '../../bot/test-support/test-bot.js';
import type { Block } from '../types.js';
import { MEMORY_TTL_MS, memoryKey } from './conversation-memory.js';

const bots: TestBot[] = [];
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.close();
});

async function bot(now = '2026-11-23'): Promise<TestBot> {
  const b = await testBot({ now });
  bots.push(b);
  return b;
}

const dates = (reply: { deadlines: readonly { date: string }[] }) => reply.deadlines.map((d) => d.date);

describe('conversations through the router (memory per conversation and thread)', () => {
  it('"and for Z&Z?" changes only the insurer: the signing date of the other insurer', async () => {
    const b = await bot();
    expect(dates(await b.ask('wanneer moet ik tekenen bij vgz?'))).toContain('2019-11-01');
    const next = await b.ask('and for Z&Z?');
    expect(next.intent).toBe('deadline');
    expect(dates(next)[0]).toBe('2023-11-09');
    expect(next.deadlines.every((d) => d.insurer === 'Zorg en Zekerheid')).toBe(true);
    // A third turn builds on the second: the step stays signing.
    expect(dates(await b.ask('ok and with VGZ then?')).slice(0, 2)).toContain('2019-11-01');
  });

  it('"en voor huisartsen?" changes the sector and leaves the ggz insurer behind', async () => {
    const b = await bot();
    expect(dates(await b.ask('Wanneer informeert Zorg en Zekerheid verzekerden over het gecontracteerde aanbod?'))[0]).toBe('2023-11-12');
    const gp = await b.ask('en voor huisartsen?');
    expect(gp.deadlines.slice(0, 2).some((d) => d.date.endsWith('-11-19') && d.insurer === null)).toBe(true);
  });

  it('a follow-up with words of its own keeps its own step and takes the insurer', async () => {
    const b = await bot();
    await b.ask('is het te laat om bij zz te tekenen?');
    const informed = await b.ask('and when were insured people informed about the contracted providers?');
    expect(informed.deadlines[0]).toMatchObject({ date: '2023-11-12', insurer: 'Zorg en Zekerheid', status: 'past' });
  });

  it('"en in november 2023?" moves the window; the window lists exactly the deadlines inside it', async () => {
    const b = await bot();
    const nov2019 = await b.ask('Welke deadlines vallen in november 2019?');
    expect(dates(nov2019).length).toBeGreaterThan(0);
    expect(dates(nov2019).every((d) => d >= '2019-11-01' && d <= '2019-11-30')).toBe(true);
    const nov2023 = await b.ask('en in november 2023?');
    expect(dates(nov2023)).toContain('2023-11-09');
    expect(dates(nov2023).every((d) => d >= '2023-11-01' && d <= '2023-11-30')).toBe(true);
    // "what about VGZ?" keeps the window and filters by the insurer named.
    const vgz = await b.ask('what about VGZ?');
    expect(vgz.deadlines.every((d) => d.insurer === 'VGZ' || d.insurer === null)).toBe(true);
    expect(dates(vgz).every((d) => d >= '2023-11-01' && d <= '2023-11-30')).toBe(true);
  });

  it('the next three months and "what\'s next?": only dates inside the window, in date order', async () => {
    const b = await bot();
    const window = await b.ask('welke deadlines komen er in de komende 3 maanden?');
    expect(dates(window).length).toBeGreaterThan(0);
    expect(dates(window).every((d) => d >= '2026-11-23' && d <= '2027-02-23')).toBe(true);
    expect(dates(window)).toEqual([...dates(window)].sort());
    const english = await b.ask('which deadlines are coming in the next three months?');
    expect(dates(english)).toEqual(dates(window));
    const next = await b.ask("what's next?");
    expect(new Set(dates(next)).size).toBe(1);
    expect(dates(next)[0]! >= '2026-11-23').toBe(true);
  });

  it('"in English please" and "zelfde maar dan in het Nederlands" ask the last question again in that language', async () => {
    const b = await bot();
    expect(dates(await b.ask('wanneer gaat de offertemodule van vgz open?'))[0]).toBe('2019-10-01');
    const english = await b.ask('in English please');
    expect(english).toMatchObject({ intent: 'deadline', language: 'en' });
    expect(dates(english)[0]).toBe('2019-10-01');
    const dutch = await b.ask('zelfde maar dan in het Nederlands graag');
    expect(dutch).toMatchObject({ intent: 'deadline', language: 'nl' });
    expect(dates(dutch)[0]).toBe('2019-10-01');
    // Without a question to ask again, the switch is confirmed and the language kept.
    const fresh = await bot();
    expect((await fresh.ask('in English please')).intent).toBe('control');
    expect((await fresh.ask('hoi')).language).toBe('nl');
  });

  it('a document question\'s follow-up searches the same topic for the insurer named; "same in English" re-asks it', async () => {
    const b = await bot();
    expect((await b.ask("What is VGZ's policy on e-health in basic GGZ?")).sources[0]?.documentId).toBe('vgz-ggz-2020');
    const zz = await b.ask('en wat zegt Zorg en Zekerheid daarover?');
    expect(zz.sources.slice(0, 3).map((s) => s.documentId)).toContain('zz-ggz-2024');
  });

  it('a reference day counts from today: "ik mail ze vandaag, wanneer uiterlijk antwoord?" after a rule question', async () => {
    const b = await bot();
    await b.ask('binnen hoeveel werkdagen reageert vgz op een mail?');
    const reply = await b.ask('ik mail ze vandaag, wanneer uiterlijk antwoord dan?');
    expect(reply.intent).toBe('calculation');
    expect(reply.deadlines[0]).toMatchObject({ date: '2026-12-07', insurer: 'VGZ', status: 'upcoming' });
    const tomorrow = await b.ask('en als ik morgen mail?');
    expect(tomorrow.deadlines[0]?.date).toBe('2026-12-08');
  });

  it('"and is that date already past?" asks the calculation again', async () => {
    const b = await bot();
    const first = await b.ask('Huisartsen: knelpunt ingebracht bij de verzekeraar op donderdag 10 december 2026. Wanneer moeten ze uiterlijk reageren?');
    expect(first.deadlines[0]?.date).toBe('2026-12-24');
    expect((await b.ask('and is that date already past?')).deadlines[0]).toMatchObject({ date: '2026-12-24', status: 'upcoming' });
  });

  it('"what about Zorg en Zekerheid?" after a checklist request asks for that insurer\'s checklist and keeps the open one', async () => {
    const b = await bot();
    await b.ask('Draft an escalation checklist for VGZ');
    const reply = await b.send('what about Zorg en Zekerheid?');
    expect(reply.intent).toBe('escalation');
    expect(reply.fallbackText).toContain('Zorg en Zekerheid');
    expect(reply.fallbackText.toLowerCase()).toContain('nza');
    expect(reply.blocks.some((block) => block.kind === 'actions')).toBe(true);
    // The open checklist is still the VGZ one.
    expect((await b.send('show checklist')).fallbackText).toContain('VGZ');
  });

  it('small talk mid-conversation is answered as such and leaves the memory alone', async () => {
    const b = await bot();
    await b.ask('whens the signing deadline at zorg en zekerheid');
    const thanks = await b.ask('top, dank je!');
    expect(thanks).toMatchObject({ intent: 'smalltalk', language: 'nl' });
    // Greeting and asking what it can do: what it can do is answered.
    const what = await b.ask('hoi, wat kun je eigenlijk allemaal?');
    expect(what).toMatchObject({ intent: 'help', language: 'nl' });
    expect(what.text).not.toMatch(/niets in de documenten|mogelijk niet/);
    expect(dates(await b.ask('and for VGZ?')).slice(0, 2)).toContain('2019-11-01');
  });

  it('memory is per conversation and thread, slots only, and forgotten after 30 minutes', async () => {
    const b = await bot();
    await b.ask('Wanneer moet ik tekenen bij Zorg en Zekerheid? Mijn BSN is 111222333');
    const stored = JSON.stringify((await b.store.getMemory(memoryKey(b.address)))?.slots);
    expect(stored).toContain('Zorg en Zekerheid');
    expect(stored).not.toMatch(/111222333|BSN|tekenen|Wanneer/i);
    // Another thread of the same channel has no memory.
    const thread = { ...b.address, threadId: 't1' };
    expect((await b.ask('and for VGZ?', { address: thread })).intent).not.toBe('deadline');
    b.advance(MEMORY_TTL_MS + 1000);
    expect((await b.ask('and for VGZ?')).intent).not.toBe('deadline');
  });
});

describe('several insurers and comparisons', () => {
  it('a question naming two insurers answers for each', async () => {
    const b = await bot();
    const reply = await b.ask('When do the VGZ and Zorg en Zekerheid contracts start?');
    expect(dates(reply)).toEqual(expect.arrayContaining(['2020-01-01', '2024-01-01']));
  });

  it('a document question naming two insurers answers from each one\'s policy', async () => {
    const b = await bot();
    const reply = await b.ask('Wat zeggen VGZ en Zorg en Zekerheid over wachttijden?');
    expect(reply.sources.slice(0, 2).map((s) => s.documentId)).toEqual(['vgz-ggz-2020', 'zz-ggz-2024']);
    expect(reply.text).toMatch(/VGZ[\s\S]*Zorg en Zekerheid/);
  });

  it('"compare …", "verschil tussen …" and "which insurer … first" give a table with a row per insurer', async () => {
    const b = await bot();
    for (const question of ['compare VGZ and Z&Z on when I must sign', 'wat is het verschil tussen VGZ en Zorg en Zekerheid bij het tekenen?', 'which insurer closes signing first?']) {
      const reply = await b.send(question);
      const table = reply.blocks.find((block): block is Extract<Block, { kind: 'table' }> => block.kind === 'table');
      expect(table, question).toBeDefined();
      expect(table?.rows.map((row) => row[0])).toEqual(expect.arrayContaining(['VGZ', 'Zorg en Zekerheid']));
    }
    const again = await b.ask('zelfde maar dan in het Nederlands graag');
    expect(again.language).toBe('nl');
    expect(dates(again)).toEqual(expect.arrayContaining(['2019-11-01', '2023-11-09']));
  });
});

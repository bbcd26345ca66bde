import { mkdtempSync, rmSync } from 'node:fs';
import { testKnowledge } from '../knowledge/test-support/test-knowledge.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../bot/storage/open-store.js';
import { checklistToggleValue } from './checklist-action.js';
import type { HandlerContext } from './context.js';
import { silentLogger } from '../bot/logger.js';
import { handlers } from './registry.js';
import { replyToJson } from './reply-json.js';
import { createRouter } from './router.js';
import type { Store } from './store.js';
import type { Address, Block, IncomingAction, Reply } from './types.js';

const route = createRouter(handlers);
const NOW = new Date('2026-11-23T11:00:00Z');

const dirs: string[] = [];
const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close().catch(() => undefined);
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDbUrl(): string {
  const dir = mkdtempSync(join(tmpdir(), 'contractbot-escalation-'));
  dirs.push(dir);
  return `file:${join(dir, 'checklists.db')}`;
}

async function open(url: string): Promise<Store> {
  const store = await openStore(url);
  opened.push(store);
  return store;
}

function context(store: Store | (() => Promise<Store>), now = NOW): HandlerContext {
  return { knowledge: testKnowledge(), now, holidays: { goodFriday: false, liberationDay: false }, store: typeof store === 'function' ? store : async () => store, log: silentLogger };
}

const local = (conversationId: string): Address => ({ platform: 'local', conversationId });

async function say(store: Store, text: string, address: Address = local('c1'), now = NOW): Promise<Reply> {
  return route({ address, text, receivedAt: now }, context(store, now));
}

async function press(store: Store, action: IncomingAction, address: Address = local('c1')): Promise<Reply> {
  return route({ address, text: '', action, receivedAt: NOW }, context(store));
}

function checklistOf(reply: Reply): Extract<Block, { kind: 'checklist' }> {
  const block = reply.blocks.find((b): b is Extract<Block, { kind: 'checklist' }> => b.kind === 'checklist');
  if (!block) throw new Error(`no checklist in reply: ${reply.fallbackText}`);
  return block;
}

const ids = (reply: Reply): string[] => checklistOf(reply).items.map((i) => i.id);
const doneNumbers = (reply: Reply): number[] => checklistOf(reply).items.flatMap((item, i) => (item.done ? [i + 1] : []));

describe('escalation checklist: drafting', () => {
  it('d19: drafts the checklist for Zorg en Zekerheid in English with the handbook steps', async () => {
    const store = await open(tempDbUrl());
    const reply = await say(store, 'Draft an escalation checklist for Zorg en Zekerheid');
    const json = replyToJson(reply);
    expect(json.intent).toBe('escalation');
    expect(json.language).toBe('en');
    expect(json.text).toContain('Zorg en Zekerheid');
    const lower = json.text.toLowerCase();
    const terms = ['nza', 'bestuurlijk', 'self-assessment', 'nederlandse ggz', 'mediation', 'arbitrage', 'privacy'];
    expect(terms.filter((t) => lower.includes(t))).toEqual(terms);
    expect(checklistOf(reply).title).toBe('Escalation checklist for Zorg en Zekerheid');
    // Every item cites its passage; `ask --json` carries those sources.
    expect(checklistOf(reply).items.every((i) => i.source && i.source.snippet.length > 10)).toBe(true);
    expect(json.sources).toHaveLength(checklistOf(reply).items.length);
    expect(json.text).toContain('↳ Handleiding escalatie contractering, § Hoe doe je een melding naar de NZa');
    // Without a topic: no topic items, and the user is told which topics exist.
    expect(ids(reply).some((id) => id.startsWith('tariffs.'))).toBe(false);
    expect(json.text).toContain('Name a topic for extra items');
  });

  it('tariffs (VGZ, English): the Bijlage 2 checks with the insurer in the items', async () => {
    const store = await open(tempDbUrl());
    const reply = await say(store, 'Draft an escalation checklist for VGZ about tariff discounts');
    expect(reply.intent).toBe('escalation');
    expect(checklistOf(reply).title).toBe('Escalation checklist for VGZ — tariffs and surcharges/discounts');
    expect(ids(reply)).toEqual(expect.arrayContaining(['tariffs.nza-100', 'tariffs.discount-motivated', 'tariffs.ova', 'tariffs.transparency']));
    expect(ids(reply).some((id) => id.startsWith('crucial.'))).toBe(false);
    expect(reply.fallbackText).toContain('Check whether VGZ takes the 100% NZa tariffs as the starting point');
    expect(reply.fallbackText).not.toContain('{insurer}');
    // Order: steps, report, topic items, privacy last.
    const order = ids(reply).map((id) => id.split('.')[0]);
    expect(order[0]).toBe('step');
    expect(order.lastIndexOf('step')).toBeLessThan(order.indexOf('report'));
    expect(order.lastIndexOf('report')).toBeLessThan(order.indexOf('tariffs'));
    expect(order[order.length - 1]).toBe('privacy');
  });

  it('crucial ggz (Zorg en Zekerheid, Dutch)', async () => {
    const store = await open(tempDbUrl());
    const reply = await say(store, 'escalatie checklist Zorg en Zekerheid, cruciale ggz');
    expect(reply.intent).toBe('escalation');
    expect(reply.language).toBe('nl');
    expect(checklistOf(reply).title).toBe('Escalatie-checklist Zorg en Zekerheid — cruciale ggz');
    expect(ids(reply)).toEqual(expect.arrayContaining(['crucial.deviation', 'crucial.conversation-guide', 'crucial.no-financial-closure']));
    expect(reply.fallbackText).toContain('Stap: Reflecteer samen met Zorg en Zekerheid');
    expect(reply.fallbackText).toContain('HIC en IHT');
  });

  it('access and waiting times (Menzis, Dutch): says honestly that the policy is not loaded', async () => {
    const store = await open(tempDbUrl());
    const reply = await say(store, 'maak een escalatieplan voor Menzis over wachttijden');
    expect(reply.intent).toBe('escalation');
    expect(checklistOf(reply).title).toBe('Escalatie-checklist Menzis — toegang en wachttijden');
    expect(ids(reply)).toEqual(expect.arrayContaining(['access.motivation', 'access.inflow', 'access.client-stop', 'access.duty-of-care']));
    expect(reply.fallbackText).toContain('Het inkoopbeleid van Menzis zit niet in mijn documenten');
    expect(reply.fallbackText).toContain('zorgplicht van Menzis');
  });

  it('process problems: insurer-specific items only for that insurer', async () => {
    const store = await open(tempDbUrl());
    const vgz = await say(store, 'escalatie checklist VGZ: onbereikbaar, late antwoorden en te weinig tijd om het aanbod te bestuderen');
    expect(ids(vgz)).toEqual(expect.arrayContaining(['process.log-contacts', 'process.timely-information', 'process.vgz-response-time']));
    expect(ids(vgz)).not.toContain('process.zz-contact');
    expect(vgz.fallbackText).toContain('binnen 10 werkdagen');
    const zz = await say(store, 'Draft an escalation checklist for Z&Z: the insurer is unreachable and answers late', local('zz'));
    expect(ids(zz)).toContain('process.zz-contact');
    expect(ids(zz)).not.toContain('process.vgz-response-time');
    const cz = await say(store, 'escalation checklist CZ, no response to our questions', local('cz'));
    expect(ids(cz).filter((id) => id.startsWith('process.'))).toEqual(['process.log-contacts', 'process.agreements', 'process.timely-information', 'process.inform-each-other']);
  });

  it('several topics in the order named', async () => {
    const store = await open(tempDbUrl());
    const reply = await say(store, 'escalatie checklist CZ over wachttijden en tariefkortingen');
    const topicIds = ids(reply).filter((id) => id.startsWith('access.') || id.startsWith('tariffs.'));
    expect(topicIds[0]).toMatch(/^access\./);
    expect(topicIds[topicIds.length - 1]).toMatch(/^tariffs\./);
  });

  it('without an insurer: a clear placeholder and a hint, in the user’s language', async () => {
    const store = await open(tempDbUrl());
    const en = await say(store, 'Draft an escalation checklist about tariffs');
    expect(checklistOf(en).title).toBe('Escalation checklist for [insurer] — tariffs and surcharges/discounts');
    expect(en.fallbackText).toContain('You did not name an insurer');
    const nl = await say(store, 'maak een escalatie-checklist over wachttijden', local('nl'));
    expect(checklistOf(nl).title).toBe('Escalatie-checklist [zorgverzekeraar] — toegang en wachttijden');
    expect(nl.fallbackText).toContain('Ga tijdig met [zorgverzekeraar] in gesprek');
  });

  it('leaves general questions about escalation to other handlers', async () => {
    const store = await open(tempDbUrl());
    for (const text of ['How should GGZ providers and insurers agree on escalation in advance?', 'Wat moet ik vermelden bij een signaal aan de NZa?']) {
      expect((await say(store, text)).intent, text).not.toBe('escalation');
    }
    expect(await store.latestChecklist('local:c1')).toBeUndefined();
  });

  it('still shows the checklist, without ticking, when the store is unavailable', async () => {
    const reply = await route(
      { address: local('c1'), text: 'Draft an escalation checklist for VGZ', receivedAt: NOW },
      context(() => Promise.reject(new Error('database down'))),
    );
    expect(reply.intent).toBe('escalation');
    expect(checklistOf(reply).items.length).toBeGreaterThan(10);
    expect(reply.fallbackText).toContain('I could not save the checklist');
    expect(reply.blocks.some((b) => b.kind === 'actions')).toBe(false);
  });
});

describe('escalation checklist: ticking, restart, export', () => {
  it('ticks and unticks by number, shows progress, and rejects bad numbers without changes', async () => {
    const store = await open(tempDbUrl());
    const created = await say(store, 'maak een escalatie-checklist voor VGZ over tariefafslagen');
    const total = checklistOf(created).items.length;
    expect(created.fallbackText).toContain(`(0/${total})`);

    const ticked = await say(store, 'vink 3 aan');
    expect(ticked.intent).toBe('escalation');
    expect(doneNumbers(ticked)).toEqual([3]);
    expect(ticked.fallbackText).toContain('Punt 3 afgevinkt.');
    expect(ticked.fallbackText).toContain(`(1/${total})`);
    expect(ticked.fallbackText).toContain(`Voortgang: 1 van ${total} afgevinkt.`);
    expect(ticked.fallbackText).toMatch(/\[x\] 3\. Stap: Helpt dat niet/);

    expect(doneNumbers(await say(store, 'tick 1,2'))).toEqual([1, 2, 3]);
    expect(doneNumbers(await say(store, 'untick 2'))).toEqual([1, 3]);
    const bad = await say(store, `vink ${total + 1} aan`);
    expect(bad.fallbackText).toContain(`Punt ${total + 1} bestaat niet`);
    expect(doneNumbers(await say(store, 'toon de checklist'))).toEqual([1, 3]);
    // Commands answer in the checklist's language, whatever language the command word is in.
    expect((await say(store, 'tick 4')).language).toBe('nl');
  });

  it('survives a restart: close and reopen the SQLite file, tick, export', async () => {
    const url = tempDbUrl();
    const first = await openStore(url);
    await say(first, 'Draft an escalation checklist for Zorg en Zekerheid about tariffs', local('team'));
    await say(first, 'tick 2', local('team'));
    await first.close();

    const second = await open(url);
    const shown = await say(second, 'show checklist', local('team'));
    expect(shown.language).toBe('en');
    expect(doneNumbers(shown)).toEqual([2]);
    expect(doneNumbers(await say(second, 'done 1', local('team')))).toEqual([1, 2]);

    const exported = await say(second, 'export checklist', local('team'));
    expect(exported.intent).toBe('escalation');
    const md = exported.fallbackText;
    expect(md).toMatch(/^# Escalation checklist for Zorg en Zekerheid — tariffs and surcharges\/discounts/);
    expect(md).toContain('2 of ');
    expect(md).toContain('## Escalation steps (in order)');
    expect(md).toContain('## What your report to the NZa must contain');
    expect(md).toContain('## Tariffs and surcharges/discounts');
    expect(md).toMatch(/- \[x\] 1\. Look up what you agreed/);
    expect(md).toContain('(ticked on 2026-11-23)');
    expect(md).toMatch(/- \[ \] 3\. If that does not help/);
    expect(md).toContain('  > “Worden de 100% NZa-tarieven als uitgangspunt gehanteerd?”');
    expect(md).toContain('  > — Handleiding escalatie contractering (De Nederlandse ggz, 2024), § Wat moet je vermelden bij het indienen van een signaal?');
    expect(md).toContain('## Sources');
    expect(md).toContain('- Good practices contractering ggz (NZa (Nederlandse Zorgautoriteit), 2018), https://puc.overheid.nl/nza/doc/PUC_2037_22/1/');
    // The NZa signal outline, in Dutch, with placeholders.
    expect(md).toContain('# Concept-signaal aan de NZa — contractering met Zorg en Zekerheid');
    for (const placeholder of ['[naam zorgaanbieder]', '[datum]', '[AGB-code]', '[contractjaar]']) expect(md).toContain(placeholder);
    expect(md).toContain('Afschrift: De Nederlandse ggz');
    expect(md).toMatch(/## \d+\. Tarieven en op- en afslagen/);
    expect(md).toContain('Uitgangspunt van Zorg en Zekerheid: [100% NZa-tarieven');
    expect(md).toMatch(/## \d+\. Voorbeelden van zorgverzekeraars die zich wel aan de afspraken houden/);
    expect(md).toMatch(/## \d+\. Bijlagen/);
    expect(md).toContain('geen vertrouwelijke of privacygevoelige gegevens over cliënten, medewerkers');
  });

  it('typed commands without a checklist say so and change nothing', async () => {
    const store = await open(tempDbUrl());
    const nl = await say(store, 'vink 3 aan', local('empty'));
    expect(nl.intent).toBe('escalation');
    expect(nl.fallbackText).toContain('Er is in dit gesprek nog geen checklist');
    expect((await say(store, 'tick 3', local('empty'))).fallbackText).toContain('There is no checklist in this conversation yet');
    expect((await say(store, 'exporteer de checklist', local('empty'))).fallbackText).toContain('nog geen checklist');
    expect(await store.latestChecklist('local:empty')).toBeUndefined();
  });

  it('keeps checklists per conversation, and typed commands work on the latest one', async () => {
    const store = await open(tempDbUrl());
    await say(store, 'escalation checklist VGZ', local('a'));
    await say(store, 'escalation checklist CZ', local('b'));
    // A second request while the VGZ checklist is open asks first; "replace" makes the new one current.
    expect((await say(store, 'escalation checklist Menzis', local('a'))).fallbackText).toContain('already has an open checklist');
    expect(checklistOf(await say(store, 'replace', local('a'))).title).toContain('Menzis');
    const a = await say(store, 'tick 1', local('a'));
    expect(checklistOf(a).title).toContain('Menzis');
    expect(doneNumbers(await say(store, 'show checklist', local('b')))).toEqual([]);
  });

  it('a stored checklist this version cannot read gets a clear message', async () => {
    const store = await open(tempDbUrl());
    await store.saveChecklist({ id: 'esc-old', conversation: 'local:c1', state: { items: 'garbage' }, updatedAt: NOW.toISOString() });
    expect((await say(store, 'vink 1 aan')).fallbackText).toContain('Deze checklist kan ik niet meer lezen');
  });
});

describe('escalation checklist: buttons (Slack, Teams)', () => {
  it('ticks and unticks through checklist.toggle button values (the wanted state), replacing the original', async () => {
    const store = await open(tempDbUrl());
    const created = await say(store, 'Draft an escalation checklist for VGZ', local('chan'));
    const block = checklistOf(created);
    const second = block.items[1];
    if (!second) throw new Error('no second item');

    const slackValue = checklistToggleValue({ checklistId: block.id, itemId: second.id, done: true });
    const ticked = await press(store, { id: 'checklist.toggle', value: slackValue }, local('chan'));
    expect(ticked.replaceOriginal).toBe(true);
    expect(ticked.intent).toBe('escalation');
    expect(doneNumbers(ticked)).toEqual([2]);
    // A double click asks for the same state again: nothing flips back.
    expect(doneNumbers(await press(store, { id: 'checklist.toggle', value: slackValue }, local('chan')))).toEqual([2]);

    const untickValue = checklistToggleValue({ checklistId: block.id, itemId: second.id, done: false });
    const unticked = await press(store, { id: 'checklist.toggle', value: untickValue }, local('chan'));
    expect(unticked.replaceOriginal).toBe(true);
    expect(doneNumbers(unticked)).toEqual([]);

    const gone = await press(store, { id: 'checklist.toggle', value: checklistToggleValue({ checklistId: 'esc-unknown', itemId: second.id, done: true }) }, local('chan'));
    expect(gone.fallbackText).toContain('does not exist');
    const nonsense = await press(store, { id: 'checklist.toggle', value: checklistToggleValue({ checklistId: block.id, itemId: 'no.such-item', done: true }) }, local('chan'));
    expect(nonsense.fallbackText).toContain('not recognised');
  });

  it('exports through the checklist.export button the reply offers', async () => {
    const store = await open(tempDbUrl());
    const created = await say(store, 'escalatie checklist Zorg en Zekerheid, cruciale ggz', local('chan'));
    const actions = created.blocks.find((b): b is Extract<Block, { kind: 'actions' }> => b.kind === 'actions');
    const button = actions?.buttons[0];
    expect(button?.id).toBe('checklist.export');
    const exported = await press(store, { id: button?.id ?? '', value: button?.value }, local('chan'));
    expect(exported.fallbackText).toMatch(/^# Escalatie-checklist Zorg en Zekerheid — cruciale ggz/);
    expect(exported.fallbackText).toContain('## Bronnen');
    expect(exported.fallbackText).toMatch(/## \d+\. Cruciale ggz/);
  });

  it('works across replicas: two connections to the same database see each other’s ticks', async () => {
    const url = tempDbUrl();
    const replicaA = await open(url);
    const replicaB = await open(url);
    const created = await say(replicaA, 'Draft an escalation checklist for DSW', local('shared'));
    const item = checklistOf(created).items[0];
    await press(replicaB, { id: 'checklist.toggle', value: checklistToggleValue({ checklistId: checklistOf(created).id, itemId: item?.id ?? '', done: true }) }, local('shared'));
    expect(doneNumbers(await say(replicaA, 'show checklist', local('shared')))).toEqual([1]);
  });
});

const pgUrl = process.env.TEST_DATABASE_URL;
describe.skipIf(!pgUrl)('escalation checklist on PostgreSQL', () => {
  it('keeps the state across two store instances (replicas, restart)', async () => {
    const schema = `escalation_test_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    try {
      const url = `${pgUrl}${pgUrl?.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      const first = await open(url);
      await say(first, 'escalatie checklist Zorg en Zekerheid, cruciale ggz', local('pg'));
      await say(first, 'vink 2,4 aan', local('pg'));
      await first.close();
      const second = await open(url);
      expect(doneNumbers(await say(second, 'toon de checklist', local('pg')))).toEqual([2, 4]);
      expect((await say(second, 'exporteer de checklist', local('pg'))).fallbackText).toContain('- [x] 4.');
    } finally {
      for (const store of opened.splice(0)) await store.close().catch(() => undefined);
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  });
});
if (!pgUrl) console.warn('escalation.test.ts: TEST_DATABASE_URL is not set; the PostgreSQL checklist test is skipped.');

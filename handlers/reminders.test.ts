import { afterEach, describe, expect, it } from 'vitest';
import { testKnowledge } from '../knowledge/test-support/test-knowledge.js';
import { silentLogger } from '../bot/logger.js';
import { runSchedulerPass } from '../bot/scheduler/run-scheduler-pass.js';
import { recordingAdapter } from '../bot/scheduler/test-support/recording-adapter.js';
import { openStore } from '../bot/storage/open-store.js';
import type { HandlerContext } from './context.js';
import { parseReminderCommand } from './reminder-command.js';
import { reminderMessage } from './reminder-message.js';
import { handlers } from './registry.js';
import { createRouter } from './router.js';
import type { Store } from './store.js';
import type { Address, IncomingMessage } from './types.js';

const HOLIDAYS = { goodFriday: false, liberationDay: false };
const CHANNEL: Address = { platform: 'slack', conversationId: 'C1', userId: 'U1' };
let store: Store;
afterEach(async () => store?.close());

async function setup(now = new Date('2027-01-04T10:00:00Z')) {
  store = await openStore('file::memory:');
  const route = createRouter(handlers);
  const context = (at: Date): HandlerContext => ({ knowledge: testKnowledge(), now: at, holidays: HOLIDAYS, store: async () => store, log: silentLogger });
  const say = (text: string, address: Address = CHANNEL, at = now) => route({ address, text, receivedAt: at }, context(at));
  const press = (id: string, value: string | undefined, at: Date) => route({ address: CHANNEL, text: '', action: { id, ...(value ? { value } : {}) }, receivedAt: at } as IncomingMessage, context(at));
  return { say, press };
}

describe('reminder commands', () => {
  it('recognises reminder commands and leaves deadline questions alone', () => {
    expect(parseReminderCommand('remind this channel about VGZ 14,7,1', testKnowledge())).toEqual({ kind: 'subscribe', insurers: ['VGZ'], sectors: 'all', leadDays: [14, 7, 1], scope: 'conversation', explicit: true });
    expect(parseReminderCommand('herinner dit kanaal aan alle deadlines', testKnowledge())).toEqual({ kind: 'subscribe', insurers: 'all', sectors: 'all', leadDays: [30, 14, 7, 1], scope: 'conversation', explicit: true });
    expect(parseReminderCommand('remind this thread about CZ 7', testKnowledge())).toMatchObject({ insurers: ['CZ'], leadDays: [7], scope: 'thread' });
    expect(parseReminderCommand('herinner deze draad aan VGZ', testKnowledge())).toMatchObject({ insurers: ['VGZ'], scope: 'thread' });
    expect(parseReminderCommand('Herinner ons aan Z&Z ggz 30, 14 en 7 dagen van tevoren', testKnowledge())).toMatchObject({ insurers: ['Zorg en Zekerheid'], sectors: ['ggz'], leadDays: [30, 14, 7] });
    expect(parseReminderCommand('remind us about huisartsenzorg deadlines in English', testKnowledge())).toMatchObject({ sectors: ['huisartsenzorg'], language: 'en' });
    expect(parseReminderCommand('which reminders are set here?', testKnowledge())).toEqual({ kind: 'list' });
    expect(parseReminderCommand('welke herinneringen staan hier?', testKnowledge())).toEqual({ kind: 'list' });
    expect(parseReminderCommand('stop reminders', testKnowledge())).toEqual({ kind: 'stop', insurers: 'all' });
    expect(parseReminderCommand('stop herinneringen', testKnowledge())).toEqual({ kind: 'stop', insurers: 'all' });
    expect(parseReminderCommand('remind me personally at 14:00 about VGZ', testKnowledge())).toEqual({ kind: 'subscribe', insurers: ['VGZ'], sectors: 'all', leadDays: [30, 14, 7, 1], scope: 'personal', explicit: true, timeOfDay: '14:00' });
    expect(parseReminderCommand('herinner mij om 8.30 aan Z&Z, een week van tevoren en de dag ervoor', testKnowledge())).toMatchObject({ scope: 'personal', timeOfDay: '08:30', leadDays: [7, 1] });
    expect(parseReminderCommand('remind this channel about VGZ at 8am, a week before and the day before', testKnowledge())).toMatchObject({ scope: 'conversation', timeOfDay: '08:00', leadDays: [7, 1] });
    expect(parseReminderCommand('remind us about CZ at 2 pm 14 and 3', testKnowledge())).toMatchObject({ timeOfDay: '14:00', leadDays: [14, 3] });
    expect(parseReminderCommand('herinner dit kanaal aan VGZ om 14 uur', testKnowledge())).toMatchObject({ timeOfDay: '14:00', leadDays: [30, 14, 7, 1] });
    expect(parseReminderCommand('remind me at 25:00 about VGZ', testKnowledge())).toEqual({ kind: 'invalid-time' });
    expect(parseReminderCommand('remind me at 13pm about VGZ', testKnowledge())).toEqual({ kind: 'invalid-time' });
    expect(parseReminderCommand('this channel is about ggz', testKnowledge())).toEqual({ kind: 'set-sector', sector: 'ggz', named: 'ggz' });
    expect(parseReminderCommand('Dit kanaal gaat over huisartsenzorg.', testKnowledge())).toEqual({ kind: 'set-sector', sector: 'huisartsenzorg', named: 'huisartsenzorg' });
    expect(parseReminderCommand('dit kanaal gaat over tandartsen', testKnowledge())).toEqual({ kind: 'set-sector', sector: undefined, named: 'tandartsen' });
    for (const q of ['When must I sign with VGZ?', 'Wanneer moet ik tekenen bij Zorg en Zekerheid?', 'Wat is een herinnering bij de NZa?', 'Stop met tekenen bij VGZ?', 'Maak een escalatie-checklist voor VGZ']) {
      expect(parseReminderCommand(q, testKnowledge()), q).toBeUndefined();
    }
  });

  it('reads the command words from data: stop words before or after, an id, all insurers, a time’s digits not taken for lead days', () => {
    const kb = testKnowledge();
    expect(parseReminderCommand('zet de herinneringen voor VGZ uit', kb)).toEqual({ kind: 'stop', insurers: ['VGZ'] });
    expect(parseReminderCommand('verwijder herinnering 0123456789ab', kb)).toEqual({ kind: 'stop', insurers: 'all', id: '0123456789ab' });
    expect(parseReminderCommand('cancel reminders for all insurers', kb)).toEqual({ kind: 'stop', insurers: 'all' });
    expect(parseReminderCommand('show me the reminders', kb)).toEqual({ kind: 'list' });
    expect(parseReminderCommand('reminders active?', kb)).toEqual({ kind: 'list' });
    expect(parseReminderCommand('ik wil herinneringen voor CZ, 10 en 2 dagen vooraf, om 9:15', kb)).toMatchObject({ kind: 'subscribe', insurers: ['CZ'], leadDays: [10, 2], timeOfDay: '09:15', explicit: false });
    // A question about the word, and "remind" as a plain verb without reminders to set up, are no commands.
    expect(parseReminderCommand('Wat zijn herinneringen voor de NZa?', kb)).toBeUndefined();
    expect(parseReminderCommand('add the remind subcommand', kb)).toBeUndefined();
  });

  it('subscribes, lists and stops per conversation, in Dutch and English', async () => {
    const { say } = await setup();
    const added = await say('remind this channel about VGZ 14,7,1');
    expect(added.intent).toBe('reminder');
    expect(added.language).toBe('en');
    expect(added.fallbackText).toMatch(/deadlines of VGZ \(ggz\), 14, 7 and 1 days before, in English/);
    expect((await say('remind this channel about VGZ 14,7,1')).fallbackText).toMatch(/already set here/);
    const nl = await say('herinner dit kanaal aan alle deadlines', CHANNEL, new Date('2027-01-04T10:05:00Z'));
    expect(nl.fallbackText).toMatch(/alle zorgverzekeraars \(ggz\), 30, 14, 7 en 1 dagen vooraf, in het Nederlands/);
    await say('herinner dit kanaal aan alle deadlines', { platform: 'slack', conversationId: 'C2' });

    const subs = await store.listSubscriptions({ conversation: CHANNEL });
    expect(subs.map((s) => [s.insurers, s.leadDays, s.language])).toEqual([[['VGZ'], [14, 7, 1], 'en'], ['all', [30, 14, 7, 1], 'nl']]);
    expect(subs[0]?.address).toEqual({ platform: 'slack', conversationId: 'C1' });

    const listed = await say('welke herinneringen staan hier?');
    expect(listed.fallbackText).toMatch(/Herinneringen hier:\n1\. de deadlines van VGZ/);
    expect(listed.fallbackText).toContain(`id ${subs[0]?.id}`);
    expect((await say('stop reminders')).fallbackText).toMatch(/Stopped 2 reminder subscription/);
    expect((await say('which reminders are set here?')).fallbackText).toMatch(/No reminders are set here/);
    expect(await store.listSubscriptions()).toHaveLength(1); // C2 keeps its own
  });

  it('does not take deadline questions', async () => {
    const { say } = await setup();
    expect((await say('When must I sign with Zorg en Zekerheid?')).intent).not.toBe('reminder');
    expect((await say('Wanneer moet ik tekenen bij VGZ?')).intent).not.toBe('reminder');
    expect(await store.listSubscriptions()).toEqual([]);
  });

  it('"Done" stops reminders for that milestone here; "Snooze 1 day" brings it back once the next day', async () => {
    const { say, press } = await setup();
    await say('remind this channel about all deadlines 7,1');
    const adapter = recordingAdapter('slack');
    const run = (iso: string) =>
      runSchedulerPass({ store, knowledge: testKnowledge(), adapters: new Map([['slack', adapter]]), holidays: HOLIDAYS, log: silentLogger, now: new Date(iso), minIntervalMs: 0 }).then((r) =>
        r.delivered.filter((d) => d.date === '2027-04-01').map((d) => d.leadDays),
      );
    expect(await run('2027-03-25T09:00:00+01:00')).toEqual([7]);
    const reminder = adapter.sent.find((s) => /1 April 2027/.test(s.reply.fallbackText))?.reply;
    const actions = reminder?.blocks.find((b) => b.kind === 'actions');
    const [done, snooze] = actions?.kind === 'actions' ? actions.buttons : [];

    const snoozed = await press('reminder.snooze', snooze?.value, new Date('2027-03-25T10:00:00+01:00'));
    expect(snoozed.replaceOriginal).toBe(true);
    // The reminder keeps its text and gains who snoozed it, when, and until when.
    expect(snoozed.fallbackText).toMatch(/^Reminder: .*Thursday 1 April 2027/);
    expect(snoozed.fallbackText).toContain('Snoozed by someone on Thursday 25 March 2027 10:00, until Friday 26 March 2027.');
    expect(await run('2027-03-26T09:59:00+01:00')).toEqual([]);
    expect(await run('2027-03-26T10:00:00+01:00')).toEqual([6]);
    expect(await run('2027-03-26T11:00:00+01:00')).toEqual([]);

    const muted = await press('reminder.done', done?.value, new Date('2027-03-26T11:00:00+01:00'));
    expect(muted.fallbackText).toMatch(/^Reminder: .*Thursday 1 April 2027/);
    expect(muted.fallbackText).toContain('Done — marked by someone on Friday 26 March 2027 11:00');
    expect(muted.blocks.some((b) => b.kind === 'actions')).toBe(false);
    expect(await run('2027-03-31T09:00:00+02:00')).toEqual([]);
  });

  it('snoozes for 3 days, a week, or until the next planned reminder, naming who did it', async () => {
    const { say } = await setup();
    await say('remind this channel about all deadlines 14,7,1');
    const milestone = testKnowledge().milestones.find((m) => m.id === 'gcp-yearly-policy-by-april-1')!;
    const reminder = reminderMessage({ knowledge: testKnowledge(), milestones: [milestone], occurrenceDate: '2027-04-01', today: '2027-03-18', language: 'en', late: false });
    const actions = reminder.blocks.find((b) => b.kind === 'actions');
    const buttons = actions?.kind === 'actions' ? actions.buttons : [];
    const at = new Date('2027-03-18T10:00:00+01:00');
    const route = createRouter(handlers);
    const context = (now: Date): HandlerContext => ({ knowledge: testKnowledge(), now, holidays: HOLIDAYS, store: async () => store, log: silentLogger });
    const snooze = async (label: string) => {
      const button = buttons.find((b) => b.label === label)!;
      const reply = await route({ address: CHANNEL, text: '', action: { id: button.id, value: button.value! }, receivedAt: at, userName: 'Anna' }, context(at));
      return { reply, until: (await store.listMilestoneHolds()).find((h) => h.milestoneId === milestone.id)?.snoozedUntil?.toISOString() };
    };
    expect(await snooze('3 days')).toMatchObject({ until: '2027-03-21T09:00:00.000Z' });
    expect(await snooze('1 week')).toMatchObject({ until: '2027-03-25T09:00:00.000Z' });
    const lead = await snooze('Until next reminder');
    // 14 days before was today; the next planned one is 7 days before (25 March), from the start of that day.
    expect(lead.until).toBe('2027-03-24T23:00:00.000Z');
    expect(lead.reply.fallbackText).toContain('Snoozed by Anna on Thursday 18 March 2027 10:00, until Thursday 25 March 2027.');
  });

  it('answers a forged or stale button clearly and changes nothing', async () => {
    const { press } = await setup();
    const reply = await press('reminder.done', '{"m":"../../etc","d":"x"}', new Date());
    expect(reply.fallbackText).toMatch(/niet \(meer\) geldig/);
    expect(await store.listMilestoneHolds()).toEqual([]);
  });
});

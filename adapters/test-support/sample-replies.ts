import { silentLogger } from '../../bot/logger.js';
import { testKnowledge } from '../../knowledge/test-support/test-knowledge.js';
import { openStore } from '../../bot/storage/open-store.js';
import { APP_HOME, APP_WELCOME } from '../../handlers/app-home.js';
import { CHECKLIST_TOGGLE_ACTION } from '../../handlers/checklist-action.js';
import type { HandlerContext } from '../../handlers/context.js';
import { FEEDBACK_NOT_HELPFUL, feedbackSubject } from '../../handlers/feedback.js';
import { makeReply } from '../../handlers/reply.js';
import { reminderMessage, REMINDER_DONE, REMINDER_SNOOZE, encodeReminderAction } from '../../handlers/reminder-message.js';
import { handlers } from '../../handlers/registry.js';
import { createRouter } from '../../handlers/router.js';
import type { Address, Block, Reply } from '../../handlers/types.js';

/** The escalation request that gives the largest checklist (every topic). */
export const LARGEST_CHECKLIST_REQUEST = 'maak een escalatieplan voor Zorg en Zekerheid over tarieven, cruciale ggz, wachttijden en het contracteerproces';

/**
 * Every kind of reply the bot can send, produced by the real router and handlers (plus a
 * synthetic worst case), for renderer validation and size checks on each platform.
 */
export async function sampleReplies(): Promise<{ name: string; reply: Reply }[]> {
  const store = await openStore('file::memory:');
  const now = new Date('2026-05-11T10:00:00+02:00');
  const context: HandlerContext = { now, knowledge: testKnowledge(), holidays: { goodFriday: false, liberationDay: false }, store: async () => store, log: silentLogger, publicUrl: 'https://bot.example.org' };
  const route = createRouter(handlers);
  const address: Address = { platform: 'teams', conversationId: 'a:samples', userId: 'u1' };
  const ask = (text: string, action?: { id: string; value?: string }) => route({ address, text, ...(action ? { action } : {}), receivedAt: now, userName: 'Anna de Vries' }, context);
  const out: { name: string; reply: Reply }[] = [];
  const add = async (name: string, reply: Promise<Reply> | Reply) => out.push({ name, reply: await reply });

  await add('help', ask('help'));
  await add('welcome', ask('', { id: APP_WELCOME, value: 'en' }));
  await add('home', ask('', { id: APP_HOME }));
  await add('calendar link', ask('kalender'));
  await add('question', ask('Wat moet ik vermelden bij een signaal aan de NZa?'));
  await add('deadline', ask('When must I sign with Zorg en Zekerheid?'));
  await add('calculation', ask('Vraag gesteld aan VGZ op 11 mei 2026, wanneer moet er antwoord zijn?'));
  await add('unknown insurer', ask('Wanneer moet ik tekenen bij CZ?'));
  await add('not understood', ask('qwerty asdf'));
  await add('privacy warning', ask('Mijn BSN is 111222333, wanneer moet ik tekenen bij VGZ?'));
  await add('escalation (largest checklist)', ask(LARGEST_CHECKLIST_REQUEST));
  const checklist = out.at(-1)!.reply.blocks.find((b): b is Extract<Block, { kind: 'checklist' }> => b.kind === 'checklist');
  if (checklist?.items[3]) {
    await add('checklist tick', ask('', { id: CHECKLIST_TOGGLE_ACTION, value: `${checklist.id}|${checklist.items[3].id}|1` }));
  }
  await add('checklist export', ask('exporteer de checklist'));
  await add('reminder subscribe', ask('herinner dit kanaal aan VGZ 14,7,1'));
  await add('reminder list', ask('welke herinneringen staan hier?'));
  const milestone = testKnowledge().milestones.find((m) => m.verified && m.when.kind === 'date');
  if (milestone && milestone.when.kind === 'date') {
    const reminder = reminderMessage({ knowledge: testKnowledge(), milestones: [milestone], occurrenceDate: milestone.when.date, today: '2023-10-01', language: 'nl', late: true });
    await add('reminder', reminder);
    const value = encodeReminderAction({ milestoneIds: [milestone.id], occurrenceDate: milestone.when.date, language: 'nl' });
    await add('reminder done', ask('', { id: REMINDER_DONE, value }));
    await add('reminder snooze', ask('', { id: REMINDER_SNOOZE, value }));
  }
  const rated = out.find((o) => o.name === 'deadline')!.reply;
  await add('feedback thanks with comment field', ask('', { id: FEEDBACK_NOT_HELPFUL, value: `en|${feedbackSubject(rated)}` }));
  await add('synthetic worst case', syntheticWorstCase());
  await store.close();
  return out;
}

/** A reply far beyond every platform limit: long text, many sources, 120 checklist items with long labels. */
export function syntheticWorstCase(): Reply {
  const source = {
    documentId: 'ggz-handleiding-escalatie',
    title: 'Handleiding escalatie contractering',
    publisher: 'De Nederlandse ggz',
    year: '2024',
    section: '3 Escalatieladder › 3.2 Bestuurlijk overleg',
    snippet: '> Leg de afspraken vast.\no Bespreek het escalatieplan met de zorgverzekeraar. '.repeat(6),
    score: 1,
    url: 'https://www.denederlandseggz.nl/',
  };
  return makeReply('escalation', 'nl', [
    { kind: 'text', markdown: `**Lange uitleg.**\n\n${'> Een alinea uit het document met veel tekst.\no Een subpunt uit de PDF.\n'.repeat(400)}` },
    { kind: 'sources', sources: Array.from({ length: 6 }, () => source) },
    {
      kind: 'checklist',
      id: 'esc-worst',
      title: 'Escalatie-checklist Zorg en Zekerheid — alle onderwerpen',
      items: Array.from({ length: 120 }, (_, i) => ({ id: `item-${i}`, label: `Stap ${i}: ${'neem contact op met de zorgverzekeraar en leg het gesprek vast; '.repeat(4)}`, done: i % 3 === 0, source })),
    },
    { kind: 'actions', buttons: [{ id: 'checklist.export', label: 'Exporteren', value: 'esc-worst' }] },
  ]);
}

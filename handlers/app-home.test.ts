import { testKnowledge } from '../knowledge/test-support/test-knowledge.js';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../bot/logger.js';
import { openStore } from '../bot/storage/open-store.js';
import { APP_HOME, APP_WELCOME } from './app-home.js';
import { matchChatCommand, readVerdict } from './chat-commands.js';
import type { HandlerContext } from './context.js';
import { handlers } from './registry.js';
import { createRouter } from './router.js';

const now = new Date('2026-05-11T10:00:00+02:00');
const route = createRouter(handlers);

async function context(publicUrl?: string): Promise<HandlerContext & { close(): Promise<void> }> {
  const store = await openStore('file::memory:');
  return { now, knowledge: testKnowledge(), holidays: { goodFriday: false, liberationDay: false }, store: async () => store, log: silentLogger, ...(publicUrl ? { publicUrl } : {}), close: () => store.close() };
}

describe('chat commands (data)', () => {
  it('matches whole-message phrases and prefixes, keeping the rest as written', () => {
    expect(matchChatCommand(testKnowledge().chatCommands, 'Kalender link?')).toEqual({ id: 'calendar', rest: '' });
    expect(matchChatCommand(testKnowledge().chatCommands, 'overzicht')).toEqual({ id: 'home', rest: '' });
    expect(matchChatCommand(testKnowledge().chatCommands, 'Feedback 👎 Mist de bron')).toEqual({ id: 'feedback', rest: '👎 Mist de bron' });
    expect(matchChatCommand(testKnowledge().chatCommands, 'wanneer is de agenda van VGZ bekend?')).toBeUndefined();
    expect(readVerdict(testKnowledge().chatCommands, 'goed, klopt')).toEqual({ helpful: true, comment: 'klopt' });
    expect(readVerdict(testKnowledge().chatCommands, 'mist iets')).toEqual({ helpful: undefined, comment: 'mist iets' });
  });
});

describe('welcome, home and calendar URL from the core (same on every platform)', () => {
  it('welcomes in the platform locale with examples, the calendar URL and how to give feedback', async () => {
    const ctx = await context('https://bot.example.org/');
    const reply = await route({ address: { platform: 'teams', conversationId: 'a:1' }, text: '', action: { id: APP_WELCOME, value: 'en' }, receivedAt: now }, ctx);
    expect(reply.language).toBe('en');
    expect(reply.fallbackText).toContain('Welcome to ContractBot');
    expect(reply.fallbackText).toContain('https://bot.example.org/calendar.ics');
    expect(reply.fallbackText).toContain('feedback 👎 <comment>');
    await ctx.close();
  });

  it('answers "calendar" with the subscription URL, or says where it is without PUBLIC_URL', async () => {
    const withUrl = await context('https://bot.example.org');
    const en = await route({ address: { platform: 'local', conversationId: 'cli' }, text: 'subscribe to the calendar', receivedAt: now }, withUrl);
    expect(en.fallbackText).toContain('https://bot.example.org/calendar.ics?lang=en');
    const nl = await route({ address: { platform: 'local', conversationId: 'cli' }, text: 'kalender', receivedAt: now }, withUrl);
    expect(nl.fallbackText).toContain('https://bot.example.org/calendar.ics?insurer=VGZ');
    const without = await context();
    const bare = await route({ address: { platform: 'local', conversationId: 'cli' }, text: 'agenda', receivedAt: now }, without);
    expect(bare.fallbackText).toContain('PUBLIC_URL');
    await withUrl.close();
    await without.close();
  });

  it('shows the reminders of the user’s conversations and the next deadlines they follow', async () => {
    const ctx = await context();
    const store = await ctx.store();
    await store.addSubscription({ address: { platform: 'slack', conversationId: 'C1' }, insurers: ['VGZ'], sectors: 'all', leadDays: [14, 7], language: 'nl' }, now);
    await store.addSubscription({ address: { platform: 'slack', conversationId: 'C2' }, insurers: 'all', sectors: 'all', leadDays: [7], language: 'en' }, now);
    await store.addSubscription({ address: { platform: 'teams', conversationId: 'C1' }, insurers: 'all', sectors: 'all', leadDays: [1], language: 'en' }, now);
    const reply = await route({ address: { platform: 'slack', conversationId: 'D1', userId: 'U1' }, text: '', action: { id: APP_HOME, value: 'C1,C9' }, receivedAt: now }, ctx);
    expect(reply.fallbackText).toContain('de deadlines van VGZ, 14 en 7 dagen vooraf');
    expect(reply.fallbackText).not.toContain('all insurers');
    expect(reply.blocks.some((b) => b.kind === 'deadlines' && b.deadlines.every((d) => d.insurer === null || d.insurer === 'VGZ'))).toBe(true);
    const typed = await route({ address: { platform: 'local', conversationId: 'cli' }, text: 'home', receivedAt: now }, ctx);
    expect(typed.fallbackText).toContain('Herinneringen: nog geen');
    await ctx.close();
  });
});

import { openStore } from '../storage/open-store.js';
import { silentLogger } from '../logger.js';
import { amsterdamInstant, isValidYmd } from '../../knowledge/dates/calendar-date.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import { testKnowledge } from '../../knowledge/test-support/test-knowledge.js';
import type { HandlerContext, HolidaySettings } from '../../handlers/context.js';
import { handlers } from '../../handlers/registry.js';
import { replyToJson, type ReplyJson } from '../../handlers/reply-json.js';
import { createRouter } from '../../handlers/router.js';
import type { Store } from '../../handlers/store.js';
import type { Address, Reply } from '../../handlers/types.js';

/** A date (noon in Europe/Amsterdam) or an instant. */
export type TestTime = string | Date;

export interface TestBotOptions {
  /** The frozen clock (default 2026-11-23, noon in Amsterdam). */
  readonly now?: TestTime;
  /** The conversation (default `local:test`). */
  readonly address?: Address;
  /** Default: the shipped knowledge base. */
  readonly knowledge?: KnowledgeBase;
  /** Default: a fresh in-memory SQLite store (closed by {@link TestBot.close}). */
  readonly store?: Store;
  readonly holidays?: HolidaySettings;
  readonly publicUrl?: string;
}

/**
 * A conversation with the real router, the real handlers, a real store and the shipped knowledge:
 * send a turn, get the reply (botbuilder's TestAdapter, for handler tests).
 */
export interface TestBot {
  /** Sends a message in the bot's conversation (or `address`) at the bot's clock. */
  send(text: string, options?: { readonly address?: Address }): Promise<Reply>;
  /** Sends and returns the `ask --json` shape. */
  ask(text: string, options?: { readonly address?: Address }): Promise<ReplyJson>;
  /** Presses a button (or submits a field, with `text`). */
  press(actionId: string, value?: string, options?: { readonly text?: string; readonly address?: Address }): Promise<Reply>;
  /** Moves the clock to `time`, or forward by `ms` milliseconds. */
  at(time: TestTime): void;
  advance(ms: number): void;
  readonly now: Date;
  readonly address: Address;
  readonly store: Store;
  /** The context a turn gets now (for handlers called directly). */
  context(): HandlerContext;
  close(): Promise<void>;
}

function toInstant(time: TestTime): Date {
  if (time instanceof Date) return time;
  if (!isValidYmd(time)) throw new Error(`testBot: now must be YYYY-MM-DD or a Date, got ${time}`);
  return amsterdamInstant(time, 12);
}

/**
 * @example
 *   const bot = await testBot({ now: '2026-11-23' });
 *   expect((await bot.ask('When must I sign with Zorg en Zekerheid?')).deadlines[0]?.date).toBe('2023-11-09');
 *   await bot.close();
 */
export async function testBot(options: TestBotOptions = {}): Promise<TestBot> {
  const store = options.store ?? (await openStore('file::memory:'));
  const ownStore = options.store === undefined;
  const knowledge = options.knowledge ?? testKnowledge();
  const address: Address = options.address ?? { platform: 'local', conversationId: 'test' };
  const route = createRouter(handlers);
  let now = toInstant(options.now ?? '2026-11-23');
  const context = (): HandlerContext => ({
    now,
    knowledge,
    holidays: options.holidays ?? { goodFriday: false, liberationDay: false },
    store: async () => store,
    log: silentLogger,
    ...(options.publicUrl !== undefined ? { publicUrl: options.publicUrl } : {}),
  });
  const send = (text: string, sendOptions: { readonly address?: Address } = {}) =>
    route({ address: sendOptions.address ?? address, text, receivedAt: now }, context());
  return {
    send,
    ask: async (text, sendOptions) => replyToJson(await send(text, sendOptions)),
    press: (id, value, pressOptions = {}) =>
      route({ address: pressOptions.address ?? address, text: pressOptions.text ?? '', action: value === undefined ? { id } : { id, value }, receivedAt: now }, context()),
    at: (time) => (now = toInstant(time)),
    advance: (ms) => (now = new Date(now.getTime() + ms)),
    get now() {
      return now;
    },
    address,
    store,
    context,
    close: async () => {
      if (ownStore) await store.close();
    },
  };
}

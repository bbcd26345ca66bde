import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../../knowledge/test-support/test-knowledge.js';
import type { ChatAdapter } from '../../adapters/adapter.js';
import type { Platform } from '../../handlers/types.js';
import { loadConfig } from '../config.js';
import { createHandlerContext } from '../create-context.js';
import { silentLogger } from '../logger.js';
import type { ServeDeps } from '../serve-deps.js';
import { openStore } from '../storage/open-store.js';
import { createSchedulerPart } from './scheduler-part.js';
import { recordingAdapter } from './test-support/recording-adapter.js';

async function deps(env: Record<string, string>, now: () => Date) {
  const config = loadConfig({ DATABASE_URL: 'file::memory:', ...env });
  const store = await openStore(config.databaseUrl);
  const getStore = async () => store;
  const d: ServeDeps = {
    config,
    log: silentLogger,
    clock: now,
    store: getStore,
    handle: async () => {
      throw new Error('unused');
    },
    knowledge: () => testKnowledge(),
    refreshKnowledge: async () => testKnowledge(),
    context: (at) => createHandlerContext(config, at, silentLogger, getStore, testKnowledge()),
  };
  return { d, store };
}

describe('createSchedulerPart', () => {
  it('runs a pass at start and then every interval on the serve clock, delivering each reminder once', async () => {
    let now = new Date('2027-03-25T08:59:00+01:00');
    const { d, store } = await deps({ REMINDER_INTERVAL_SECONDS: '1' }, () => now);
    await store.addSubscription({ address: { platform: 'local', conversationId: 'x' }, insurers: 'all', sectors: 'all', leadDays: [7], language: 'en' }, new Date('2027-01-01T00:00:00Z'));
    const adapter = recordingAdapter();
    const part = await createSchedulerPart(d, new Map<Platform, ChatAdapter>([['local', adapter]]));
    expect(part?.name).toBe('reminders');
    try {
      const first = part?.nextPass();
      await part?.start?.();
      expect((await first)?.delivered).toEqual([]);
      now = new Date('2027-03-25T09:00:00+01:00');
      expect((await part?.nextPass())?.delivered.map((r) => [r.date, r.leadDays])).toEqual([['2027-04-01', 7]]);
      expect((await part?.nextPass())?.delivered).toEqual([]);
      expect(adapter.sent).toHaveLength(1);
    } finally {
      await part?.stop?.();
      await store.close();
    }
  });

  it('is off with REMINDER_INTERVAL_SECONDS=0', async () => {
    const { d, store } = await deps({ REMINDER_INTERVAL_SECONDS: '0' }, () => new Date());
    expect(await createSchedulerPart(d, new Map())).toBeUndefined();
    await store.close();
  });
});

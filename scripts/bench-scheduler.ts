import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatAdapter } from '../adapters/adapter.js';
import { silentLogger } from '../bot/logger.js';
import { runSchedulerPass } from '../bot/scheduler/run-scheduler-pass.js';
import { openStore } from '../bot/storage/open-store.js';
import type { Platform, Sector } from '../handlers/types.js';
import { testKnowledge } from '../knowledge/test-support/test-knowledge.js';

export interface SchedulerBench {
  readonly subscriptions: number;
  /** The pass in which every subscription has a reminder due (claims, sends, completions). */
  readonly busyPassMs: number;
  readonly delivered: number;
  /** The next pass a minute later: everything already delivered, nothing sent. */
  readonly quietPassMs: number;
  /** Peak resident set size of the process during the bench. */
  readonly peakRssMb: number;
  /** Heap growth across the busy pass. */
  readonly heapDeltaMb: number;
}

/**
 * Times one scheduler pass over `count` subscriptions in a fresh SQLite file: each a conversation
 * of its own with a mix of insurer and sector filters and lead days, all with a 7-day lead, so
 * at 25 March 2027 09:00 every one of them has the 1 April reminder due. The adapter accepts
 * every message at once (the network is not what is measured).
 */
export async function benchSchedulerPass(count = 10_000): Promise<SchedulerBench> {
  const dir = mkdtempSync(join(tmpdir(), 'contractbot-bench-'));
  const store = await openStore(`file:${join(dir, 'bench.db')}`);
  try {
    const created = new Date('2027-01-04T10:00:00Z');
    const insurers: (string[] | 'all')[] = ['all', ['VGZ'], ['Zorg en Zekerheid'], ['VGZ', 'CZ']];
    const sectors: (Sector[] | 'all')[] = ['all', ['huisartsenzorg']];
    const leads = [[30, 14, 7, 1], [14, 7], [7], [7, 1]];
    for (let i = 0; i < count; i++) {
      await store.addSubscription(
        { address: { platform: 'local', conversationId: `bench-${i}` }, insurers: insurers[i % 4] ?? 'all', sectors: sectors[i % 2] ?? 'all', leadDays: leads[i % 4] ?? [7], language: i % 3 === 0 ? 'en' : 'nl' },
        created,
      );
    }
    let sent = 0;
    const adapter: ChatAdapter = { platform: 'local', send: async () => (sent++, { ok: true }), stop: async () => undefined };
    const adapters = new Map<Platform, ChatAdapter>([['local', adapter]]);
    const knowledge = testKnowledge();
    const options = { store, knowledge, adapters, holidays: { goodFriday: false, liberationDay: false }, log: silentLogger };

    const now = new Date('2027-03-25T09:00:00+01:00');
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const busy = await runSchedulerPass({ ...options, now });
    const busyPassMs = performance.now() - t0;
    const heapDeltaMb = (process.memoryUsage().heapUsed - heapBefore) / 1_048_576;

    const later = new Date(now.getTime() + 60_000);
    const t1 = performance.now();
    const quiet = await runSchedulerPass({ ...options, now: later });
    const quietPassMs = performance.now() - t1;
    if (quiet.delivered.length > 0 || busy.delivered.length !== sent) throw new Error('bench: a reminder was delivered twice');

    return {
      subscriptions: count,
      busyPassMs: Math.round(busyPassMs),
      delivered: busy.delivered.length,
      quietPassMs: Math.round(quietPassMs),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      heapDeltaMb: Math.round(heapDeltaMb),
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

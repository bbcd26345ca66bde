import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../bot/logger.js';
import { runSchedulerPass } from '../../bot/scheduler/run-scheduler-pass.js';
import { testKnowledge } from '../../knowledge/test-support/test-knowledge.js';
import { eventEnvelope, postSigned } from './test-support/signed-request.js';
import { SIGNING_SECRET, startSlackHarness } from './test-support/slack-harness.js';

const HOLIDAYS = { goodFriday: false, liberationDay: false };

describe('personal reminders over Slack', () => {
  it('"remind me personally at 14:00" in a channel reminds that user in their DM at 14:00 Amsterdam time, summer and winter', async () => {
    const h = await startSlackHarness({ now: new Date('2026-09-01T10:00:00+02:00') });
    try {
      const event = { type: 'app_mention', user: 'U0ANNA', channel: 'C0PLAN', ts: '1788000000.000100', text: '<@UBOT> remind me personally at 14:00 about all deadlines, a week before and the day before' };
      expect((await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'json', value: eventEnvelope('EvPERSONAL', event) })).status).toBe(200);
      await h.part.idle();
      const answer = h.standIn.callsTo('chat.postMessage').at(-1);
      expect(answer?.args.channel).toBe('C0PLAN');
      expect(JSON.stringify(answer?.args)).toContain('remind you personally (in a direct message)');
      const [subscription] = await h.store.listSubscriptions();
      expect(subscription).toMatchObject({ address: { platform: 'slack', conversationId: 'U0ANNA' }, timeOfDay: '14:00', leadDays: [7, 1] });

      const pass = (iso: string) => runSchedulerPass({ store: h.store, knowledge: testKnowledge(), adapters: new Map([['slack', h.part.adapter]]), holidays: HOLIDAYS, log: silentLogger, now: new Date(iso), minIntervalMs: 0 });
      const posts = () => h.standIn.callsTo('chat.postMessage').filter((c) => c.args.channel !== 'C0PLAN');
      // 15 September (a yearly GP-care step) minus 7 days: Tuesday 8 September, 14:00 CEST = 12:00 UTC.
      expect((await pass('2026-09-08T11:59:00Z')).delivered).toEqual([]);
      const summer = await pass('2026-09-08T12:00:00Z');
      expect(summer.delivered.map((d) => [d.date, d.leadDays])).toContainEqual(['2026-09-15', 7]);
      expect(h.standIn.callsTo('conversations.open').map((c) => c.args.users)).toContain('U0ANNA');
      expect(posts().length).toBeGreaterThan(0);
      expect(new Set(posts().map((c) => c.args.channel))).toEqual(new Set(['D0ANNA']));
      // 7 November minus 1 day: Friday 6 November, 14:00 CET = 13:00 UTC (after the change to winter time).
      await pass('2026-11-06T08:00:00Z');
      const before = posts().length;
      expect((await pass('2026-11-06T12:59:00Z')).delivered.filter((d) => d.date === '2026-11-07')).toEqual([]);
      const winter = await pass('2026-11-06T13:00:00Z');
      expect(winter.delivered.map((d) => [d.date, d.leadDays])).toContainEqual(['2026-11-07', 1]);
      expect(posts().length).toBeGreaterThan(before);
      // Exactly once: the same instant again sends nothing.
      expect((await pass('2026-11-06T13:00:00Z')).delivered).toEqual([]);
    } finally {
      await h.close();
    }
  }, 60_000);

  it('"herinner mij" in a DM reminds in that DM', async () => {
    const h = await startSlackHarness({ now: new Date('2026-09-01T10:00:00+02:00') });
    try {
      const event = { type: 'message', channel_type: 'im', user: 'U0BOB', channel: 'D0BOB', ts: '1788000000.000200', text: 'herinner mij om 8:00 aan alle deadlines, een week van tevoren' };
      expect((await postSigned(h.baseUrl, SIGNING_SECRET, { kind: 'json', value: eventEnvelope('EvDM', event) })).status).toBe(200);
      await h.part.idle();
      expect(JSON.stringify(h.standIn.callsTo('chat.postMessage').at(-1)?.args)).toContain('je persoonlijk (in een direct bericht)');
      expect(await h.store.listSubscriptions()).toMatchObject([{ address: { platform: 'slack', conversationId: 'D0BOB' }, timeOfDay: '08:00', leadDays: [7] }]);
    } finally {
      await h.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { silentLogger } from '../bot/logger.js';
import { openStore } from '../bot/storage/open-store.js';
import type { HandlerContext } from './context.js';
import { FEEDBACK_HELPFUL, FEEDBACK_NOT_HELPFUL, feedbackHandler, feedbackSubject, withFeedbackButtons } from './feedback.js';
import { makeReply } from './reply.js';
import { createRouter } from './router.js';

const answer = makeReply('deadline', 'en', [{ kind: 'text', markdown: 'Sign by 9 November 2023.' }]);

describe('feedback', () => {
  it('adds 👍/👎 buttons to answers only, carrying language and a subject without the user text', () => {
    const rated = withFeedbackButtons(answer);
    expect(rated.fallbackText).toBe(answer.fallbackText);
    const last = rated.blocks[rated.blocks.length - 1];
    expect(last).toMatchObject({ kind: 'actions', buttons: [{ id: FEEDBACK_HELPFUL }, { id: FEEDBACK_NOT_HELPFUL }] });
    const value = last?.kind === 'actions' ? last.buttons[0]?.value : undefined;
    expect(value).toMatch(/^en\|deadline:[0-9a-f]{12}$/);
    expect(value).toBe(`en|${feedbackSubject(answer)}`);
    for (const intent of ['help', 'unknown', 'escalation', 'reminder'] as const) {
      const other = makeReply(intent, 'nl', [{ kind: 'text', markdown: 'x' }]);
      expect(withFeedbackButtons(other)).toBe(other);
    }
    const replacing = makeReply('question', 'nl', [{ kind: 'text', markdown: 'x' }], { replaceOriginal: true });
    expect(withFeedbackButtons(replacing)).toBe(replacing);
  });

  it('stores a click through the router (conversation only, no user id) and thanks in the answer’s language', async () => {
    const store = await openStore('file::memory:');
    const now = new Date('2026-05-11T10:00:00Z');
    const context: HandlerContext = { now, holidays: { goodFriday: false, liberationDay: false }, store: async () => store, log: silentLogger };
    const route = createRouter([feedbackHandler]);
    const address = { platform: 'slack' as const, conversationId: 'C1', threadId: '1.0', userId: 'U1' };
    const reply = await route({ address, text: '', action: { id: FEEDBACK_NOT_HELPFUL, value: `en|${feedbackSubject(answer)}` }, receivedAt: now }, context);
    expect(reply.language).toBe('en');
    expect(reply.fallbackText).toMatch(/feedback has been saved/);
    expect(await store.listFeedback()).toEqual([
      { address: { platform: 'slack', conversationId: 'C1', threadId: '1.0' }, helpful: false, subject: feedbackSubject(answer), at: now.toISOString() },
    ]);

    const forged = await route({ address, text: '', action: { id: FEEDBACK_HELPFUL, value: 'nl|my BSN is 123456782' }, receivedAt: now }, context);
    expect(forged.fallbackText).toMatch(/niet herkend/);
    expect(await store.listFeedback()).toHaveLength(1);
    await store.close();
  });
});

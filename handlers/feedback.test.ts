import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../knowledge/test-support/test-knowledge.js';
import { silentLogger } from '../bot/logger.js';
import { openStore } from '../bot/storage/open-store.js';
import type { HandlerContext } from './context.js';
import { CHAT_SUBJECT, FEEDBACK_COMMENT, FEEDBACK_HELPFUL, FEEDBACK_NOT_HELPFUL, feedbackHandler, feedbackSubject, withFeedbackButtons } from './feedback.js';
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
    const context: HandlerContext = { knowledge: testKnowledge(), now, holidays: { goodFriday: false, liberationDay: false }, store: async () => store, log: silentLogger };
    const route = createRouter();
    const address = { platform: 'slack' as const, conversationId: 'C1', threadId: '1.0', userId: 'U1' };
    const reply = await route({ address, text: '', action: { id: FEEDBACK_NOT_HELPFUL, value: `en|${feedbackSubject(answer)}` }, receivedAt: now }, context);
    expect(reply.language).toBe('en');
    expect(reply.fallbackText).toMatch(/feedback has been saved/);
    expect(await store.listFeedback()).toEqual([
      { address: { platform: 'slack', conversationId: 'C1', threadId: '1.0' }, helpful: false, subject: feedbackSubject(answer), at: now.toISOString() },
    ]);

    const forged = await route({ address, text: '', action: { id: FEEDBACK_HELPFUL, value: 'nl|my BSN is 123456782' }, receivedAt: now }, context);
    expect(forged.fallbackText).toMatch(/niet herkend/);
    for (const value of ['de|question:0123456789ab', 'en|question:0123456789AB', 'en|question:0123456789a', 'en|reminder:0123456789ab', 'en|question:0123456789ab|1', 'en|chat']) {
      const bad = await route({ address, text: '', action: { id: FEEDBACK_HELPFUL, value }, receivedAt: now }, context);
      expect(bad.fallbackText, value).toMatch(/not recognised|niet herkend/);
    }
    expect(await store.listFeedback()).toHaveLength(1);
    await store.close();
  });

  it('offers a comment field after a click and stores the comment with the verdict', async () => {
    const store = await openStore('file::memory:');
    const now = new Date('2026-05-11T10:00:00Z');
    const context: HandlerContext = { knowledge: testKnowledge(), now, holidays: { goodFriday: false, liberationDay: false }, store: async () => store, log: silentLogger };
    const route = createRouter();
    const address = { platform: 'teams' as const, conversationId: 'a:1', userId: 'aad-1' };
    const clicked = await route({ address, text: '', action: { id: FEEDBACK_NOT_HELPFUL, value: `nl|${feedbackSubject(answer)}` }, receivedAt: now }, context);
    const field = clicked.blocks.find((b) => b.kind === 'input');
    expect(field).toMatchObject({ kind: 'input', id: FEEDBACK_COMMENT, value: `nl|${feedbackSubject(answer)}|0` });
    const commented = await route({ address, text: 'Mijn BSN 111222333 en de bron ontbrak', action: { id: FEEDBACK_COMMENT, value: field?.kind === 'input' ? field.value : '' }, receivedAt: now }, context);
    expect(commented.fallbackText).toMatch(/opmerking is opgeslagen/);
    const stored = await store.listFeedback();
    expect(stored).toHaveLength(2);
    expect(stored[1]).toMatchObject({ helpful: false, subject: feedbackSubject(answer), comment: 'Mijn BSN [BSN] en de bron ontbrak' });
    expect(JSON.stringify(stored)).not.toContain('111222333');
    await store.close();
  });

  it('takes typed feedback (the terminal): a verdict word and an optional comment', async () => {
    const store = await openStore('file::memory:');
    const now = new Date('2026-05-11T10:00:00Z');
    const context: HandlerContext = { knowledge: testKnowledge(), now, holidays: { goodFriday: false, liberationDay: false }, store: async () => store, log: silentLogger };
    const route = createRouter();
    const address = { platform: 'local' as const, conversationId: 'cli' };
    expect((await route({ address, text: 'feedback 👍 precies wat ik zocht', receivedAt: now }, context)).fallbackText).toMatch(/opgeslagen/);
    expect((await route({ address, text: 'feedback', receivedAt: now }, context)).fallbackText).toMatch(/feedback 👍/);
    expect(await store.listFeedback()).toEqual([{ address, helpful: true, subject: CHAT_SUBJECT, at: now.toISOString(), comment: 'precies wat ik zocht' }]);
    await store.close();
  });
});

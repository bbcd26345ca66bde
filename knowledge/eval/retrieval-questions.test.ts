import { readFileSync } from 'node:fs';
import { testKnowledge } from '../test-support/test-knowledge.js';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../bot/logger.js';
import { checkAnswer } from '../../bot/eval/check-answer.js';
import { evalFileSchema } from '../../bot/eval/eval-question.js';
import type { HandlerContext } from '../../handlers/context.js';
import { handlers } from '../../handlers/registry.js';
import { replyToJson } from '../../handlers/reply-json.js';
import { createRouter } from '../../handlers/router.js';
import { detectLanguage } from '../../handlers/detect-language.js';
import { knowledgePath } from '../paths.js';

const file = evalFileSchema.parse(JSON.parse(readFileSync(knowledgePath('eval', 'retrieval-questions.json'), 'utf8')));
const now = new Date('2026-11-23T12:00:00Z');
const context: HandlerContext = { knowledge: testKnowledge(),
  now,
  holidays: { goodFriday: false, liberationDay: false },
  store: () => Promise.reject(new Error('not used')),
  log: silentLogger,
};
// The full router: a document question must also reach the question handler (not a deadline reply).
const route = createRouter(handlers);
const ask = async (text: string) =>
  replyToJson(await route({ address: { platform: 'local', conversationId: 't' }, text, receivedAt: now }, context));

describe('knowledge/eval/retrieval-questions.json', () => {
  const content = file.questions.filter((q) => q.cat !== 'badinput');

  it('is a dev-set style file: 40+ document questions over all five documents, half Dutch and half English, plus bad inputs', () => {
    expect(new Set(file.questions.map((q) => q.id)).size).toBe(file.questions.length);
    expect(content.length).toBeGreaterThanOrEqual(40);
    const ids = new Set(testKnowledge().documents.map((d) => d.id));
    for (const q of content) {
      expect(q.doc && ids.has(q.doc), q.id).toBe(true);
      expect(q.phrases?.length, q.id).toBeGreaterThan(0);
    }
    for (const id of ids) expect(content.filter((q) => q.doc === id).length, id).toBeGreaterThanOrEqual(6);
    const dutch = content.filter((q) => detectLanguage(q.q) === 'nl').length;
    expect(dutch / content.length).toBeGreaterThan(0.4);
    expect(dutch / content.length).toBeLessThan(0.6);
    for (const q of file.questions.filter((x) => x.cat === 'badinput')) expect(q.robust, q.id).toBe(true);
  });

  it('answers at least 95% of its document questions through the full router (doc and phrase rules)', async () => {
    const failed: string[] = [];
    for (const q of content) {
      const stdout = JSON.stringify(await ask(q.q));
      const result = checkAnswer(q, { exitCode: 0, stdout, stderr: '' });
      if (!result.pass) failed.push(`${q.id}: ${result.failures.join('; ')}`);
    }
    expect(failed.length, failed.join('\n')).toBeLessThanOrEqual(Math.floor(content.length * 0.05));
  }, 60_000);

  it('gives out-of-domain questions the honest reply, never a confident answer', async () => {
    const outOfDomain = [
      'What is the capital of France?',
      'Hoe bak ik een appeltaart?',
      'Who won the football world cup in 2018?',
      "What's the weather in Amsterdam tomorrow?",
      'Wat is de beste pizzeria in Utrecht?',
      'How do I reset my Outlook password?',
      'Welke zorgverzekeraar is het goedkoopst voor studenten?',
      'Can you recommend a good book about project management?',
    ];
    for (const q of outOfDomain) {
      const reply = await ask(q);
      expect(reply.intent, q).toBe('question');
      expect(reply.text, q).toMatch(/^(I found nothing about this|Daarover vind ik niets|The documents may not answer|De documenten beantwoorden deze vraag mogelijk niet)/);
    }
  }, 30_000);
});

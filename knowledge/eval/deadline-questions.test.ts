import { readFileSync } from 'node:fs';
import { testKnowledge } from '../test-support/test-knowledge.js';
import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../bot/eval/check-answer.js';
import { evalFileSchema } from '../../bot/eval/eval-question.js';
import { silentLogger } from '../../bot/logger.js';
import type { HandlerContext } from '../../handlers/context.js';
import { handlers } from '../../handlers/registry.js';
import { replyToJson } from '../../handlers/reply-json.js';
import { createRouter } from '../../handlers/router.js';
import { amsterdamInstant } from '../dates/calendar-date.js';
import { knowledgePath } from '../paths.js';

const file = evalFileSchema.parse(JSON.parse(readFileSync(knowledgePath('eval', 'deadline-questions.json'), 'utf8')));
// `--now 2026-11-23` means noon of that day in Europe/Amsterdam, as in `ask`.
const now = amsterdamInstant(file.now, 12, 0);
const context: HandlerContext = { knowledge: testKnowledge(),
  now,
  holidays: { goodFriday: false, liberationDay: false },
  store: () => Promise.reject(new Error('not used by deadline questions')),
  log: silentLogger,
};
const route = createRouter(handlers);

describe('knowledge/eval/deadline-questions.json (deadline, calculation and honesty regression set)', () => {
  it('passes every question through the full router with the rules of the dev set', async () => {
    const failed: string[] = [];
    for (const q of file.questions) {
      const reply = await route({ address: { platform: 'local', conversationId: 'eval' }, text: q.q, receivedAt: now }, context);
      const result = checkAnswer(q, { exitCode: 0, stdout: JSON.stringify(replyToJson(reply)), stderr: '' });
      if (!result.pass) failed.push(`${q.id}: ${q.q} — ${result.failures.join('; ')}`);
    }
    expect(file.questions.length).toBeGreaterThanOrEqual(100);
    expect(failed, failed.join('\n')).toEqual([]);
  }, 60_000);
});

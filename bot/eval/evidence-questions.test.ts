import { readFileSync } from 'node:fs';
import { testKnowledge } from '../../knowledge/test-support/test-knowledge.js';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.js';
import { loadEvidenceSet, showsAnswer } from './calibrate-evidence.js';
import type { HandlerContext } from '../../handlers/context.js';
import { questionHandler } from '../../handlers/question.js';
import { handlers } from '../../handlers/registry.js';
import { createRouter } from '../../handlers/router.js';
import type { Reply } from '../../handlers/types.js';
import { knowledgePath } from '../../knowledge/paths.js';
import { loadEvidenceRule } from '../../knowledge/search/evidence-rule.js';

const now = new Date('2026-11-23T12:00:00+01:00');
const context: HandlerContext = { knowledge: testKnowledge(),
  now,
  holidays: { goodFriday: false, liberationDay: false },
  store: () => Promise.reject(new Error('the question handler does not use the store')),
  log: silentLogger,
};
// The calibration set measures the question handler: every message the router would send to a
// deadline or calculation answer goes to it too, as before intents were understood.
const route = createRouter({ ...handlers, deadline: questionHandler, calculation: questionHandler });
const ask = (text: string) => route({ address: { platform: 'local', conversationId: 'evidence' }, text, receivedAt: now }, context);
/** An answer quotes its passage; a hedge or "nothing found" does not. */
const answered = (reply: Reply) => reply.blocks.some((b) => b.kind === 'quote');

const calibration = JSON.parse(readFileSync(knowledgePath('eval', 'evidence-calibration.json'), 'utf8')) as {
  rule: unknown;
  floors: { inDomainRight: number; outOfDomainHedgedOrNothing: number };
};

describe('evidence calibration set (knowledge/eval/evidence-questions.json)', () => {
  const set = loadEvidenceSet();

  it('holds at least 100 in-domain and 50 out-of-domain questions with unique ids', () => {
    expect(set.inDomain.length).toBeGreaterThanOrEqual(100);
    expect(set.outOfDomain.length).toBeGreaterThanOrEqual(50);
    const ids = [...set.inDomain, ...set.outOfDomain].map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the shipped evidence rule is the calibrated one', () => {
    expect(loadEvidenceRule()).toEqual(calibration.rule);
  });

  it('answers in-domain questions with the right passage and hedges out-of-domain ones at least as often as measured', { timeout: 120_000 }, async () => {
    let inDomainRight = 0;
    for (const q of set.inDomain) {
      const reply = await ask(q.q);
      if (answered(reply) && showsAnswer(reply, q.doc, q.phrases)) inDomainRight++;
    }
    let hedged = 0;
    const answeredOutOfDomain: string[] = [];
    for (const q of set.outOfDomain) {
      if (answered(await ask(q.q))) answeredOutOfDomain.push(q.id);
      else hedged++;
    }
    expect(inDomainRight).toBeGreaterThanOrEqual(calibration.floors.inDomainRight);
    expect(hedged, `answered out of domain: ${answeredOutOfDomain.join(', ')}`).toBeGreaterThanOrEqual(calibration.floors.outOfDomainHedgedOrNothing);
  });
});

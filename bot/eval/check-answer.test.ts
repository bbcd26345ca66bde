import { describe, expect, it } from 'vitest';
import { checkAnswer, type AskOutcome } from './check-answer.js';
import type { EvalQuestion } from './eval-question.js';

const q = (rules: Partial<EvalQuestion>): EvalQuestion => ({ id: 't', cat: 'x', q: 'vraag', ...rules });
const answer = (json: object, exitCode = 0): AskOutcome => ({ exitCode, stdout: JSON.stringify(json) + '\n', stderr: '' });
const base = { intent: 'question', language: 'nl', text: '', sources: [], deadlines: [] };
const deadline = (date: string, extra: object = {}) => ({ date, precision: 'day', status: 'past', insurer: 'VGZ', documentId: 'vgz-ggz-2020', label: 'x', daysFromNow: -1, ...extra });

describe('checkAnswer', () => {
  it('date / anyDate / monthDay look at the first two deadlines only', () => {
    const out = answer({ ...base, deadlines: [deadline('2020-01-01'), deadline('2019-10-01'), deadline('2019-11-12')] });
    expect(checkAnswer(q({ date: '2019-10-01' }), out).pass).toBe(true);
    expect(checkAnswer(q({ date: '2019-11-12' }), out).failures).toEqual(['date 2019-11-12 not among the first two deadlines (2020-01-01, 2019-10-01)']);
    expect(checkAnswer(q({ anyDate: ['2030-01-01', '2020-01-01'] }), out).pass).toBe(true);
    expect(checkAnswer(q({ monthDay: '10-01' }), out).pass).toBe(true);
    expect(checkAnswer(q({ monthDay: '11-12' }), out).pass).toBe(false);
  });

  it('monthPrefix needs month precision; status applies to the matched deadline', () => {
    const out = answer({ ...base, deadlines: [deadline('2023-10-01', { precision: 'month', status: 'past' }), deadline('2026-12-01', { status: 'upcoming' })] });
    expect(checkAnswer(q({ monthPrefix: '2023-10' }), out).pass).toBe(true);
    expect(checkAnswer(q({ monthPrefix: '2026-12' }), out).pass).toBe(false);
    expect(checkAnswer(q({ date: '2026-12-01', status: 'upcoming' }), out).pass).toBe(true);
    expect(checkAnswer(q({ date: '2026-12-01', status: 'past' }), out).failures).toEqual(['status upcoming, expected past']);
    expect(checkAnswer(q({ status: 'past' }), out).pass).toBe(true);
  });

  it('doc and phrases look at the first three sources, phrases also at the text, ignoring case and accents', () => {
    const sources = ['a', 'b', 'c', 'd'].map((id) => ({ documentId: id, snippet: `snippet ${id}` }));
    const out = answer({ ...base, text: 'De Coöperatie zegt: 80%', sources });
    expect(checkAnswer(q({ doc: 'c' }), out).pass).toBe(true);
    expect(checkAnswer(q({ doc: 'd' }), out).pass).toBe(false);
    expect(checkAnswer(q({ phrases: ['nope', 'SNIPPET B'] }), out).pass).toBe(true);
    expect(checkAnswer(q({ phrases: ['snippet d'] }), out).pass).toBe(false);
    expect(checkAnswer(q({ phrases: ['cooperatie'] }), out).pass).toBe(true);
    expect(checkAnswer(q({ phrases: ['80%'] }), out).pass).toBe(true);
  });

  it('intent, mustMention and atLeast check the reply', () => {
    const out = answer({ ...base, intent: 'escalation', text: 'Checklist voor Zorg en Zekerheid: NZa, bestuurlijk overleg, mediation' });
    expect(checkAnswer(q({ intent: 'escalation', mustMention: ['zorg en zekerheid'] }), out).pass).toBe(true);
    expect(checkAnswer(q({ intent: 'question' }), out).pass).toBe(false);
    expect(checkAnswer(q({ mustMention: ['VGZ'] }), out).pass).toBe(false);
    expect(checkAnswer(q({ atLeast: [3, ['nza', 'bestuurlijk', 'mediation', 'arbitrage']] }), out).pass).toBe(true);
    expect(checkAnswer(q({ atLeast: [4, ['nza', 'bestuurlijk', 'mediation', 'arbitrage']] }), out).pass).toBe(false);
  });

  it('unknownInsurer: named, no date for it, no other insurer presented as the answer', () => {
    const rule = q({ unknownInsurer: 'Zilveren Kruis' });
    expect(checkAnswer(rule, answer({ ...base, text: 'Van Zilveren Kruis heb ik geen beleid.' })).pass).toBe(true);
    expect(checkAnswer(rule, answer({ ...base, text: 'Geen beleid geladen.' })).pass).toBe(false);
    expect(checkAnswer(rule, answer({ ...base, text: 'Zilveren Kruis', deadlines: [deadline('2026-11-07', { insurer: 'Zilveren Kruis' })] })).pass).toBe(false);
    expect(checkAnswer(rule, answer({ ...base, text: 'Zilveren Kruis', deadlines: [deadline('2023-11-09', { insurer: 'Zorg en Zekerheid' })] })).pass).toBe(false);
    expect(checkAnswer(rule, answer({ ...base, text: 'Zilveren Kruis', deadlines: [deadline('2016-11-07', { insurer: null })] })).pass).toBe(true);
  });

  it('robust: one JSON object with exit 0, or a one-line message with exit 2, never a stack trace', () => {
    const rule = q({ robust: true });
    expect(checkAnswer(rule, answer(base)).pass).toBe(true);
    expect(checkAnswer(rule, { exitCode: 2, stdout: '', stderr: 'contractbot: ask: give the question.\n' }).pass).toBe(true);
    expect(checkAnswer(rule, { exitCode: 0, stdout: '{}\n{}\n', stderr: '' }).pass).toBe(false);
    expect(checkAnswer(rule, { exitCode: 1, stdout: '', stderr: 'contractbot: internal error' }).pass).toBe(false);
    expect(checkAnswer(rule, { exitCode: 0, stdout: JSON.stringify(base), stderr: 'Error: x\n    at foo (/a/b.js:1:2)\n' }).pass).toBe(false);
    expect(checkAnswer(rule, { exitCode: 0, stdout: 'not json', stderr: '' }).pass).toBe(false);
  });

  it('allDates, within, notPhrases and language (the conversation checks)', () => {
    const out = answer({ ...base, language: 'en', text: 'Thanks! Anything else?', deadlines: [deadline('2027-01-15'), deadline('2027-02-01')] });
    expect(checkAnswer(q({ allDates: ['2027-02-01', '2027-01-15'] }), out).pass).toBe(true);
    expect(checkAnswer(q({ allDates: ['2027-02-01', '2027-03-01'] }), out).failures).toEqual(['dates 2027-03-01 not among the deadlines (2027-01-15, 2027-02-01)']);
    expect(checkAnswer(q({ within: ['2027-01-01', '2027-02-28'] }), out).pass).toBe(true);
    expect(checkAnswer(q({ within: ['2027-01-20', '2027-02-28'] }), out).failures).toEqual(['deadlines outside 2027-01-20 – 2027-02-28: 2027-01-15']);
    expect(checkAnswer(q({ within: ['2027-01-01', '2027-02-28'] }), answer(base)).failures).toEqual(['no deadline within 2027-01-01 – 2027-02-28']);
    expect(checkAnswer(q({ notPhrases: ['nothing about this'] }), out).pass).toBe(true);
    expect(checkAnswer(q({ notPhrases: ['ANYTHING else'] }), out).failures).toEqual(['text says "ANYTHING else"']);
    expect(checkAnswer(q({ language: 'en' }), out).pass).toBe(true);
    expect(checkAnswer(q({ language: 'nl' }), out).failures).toEqual(['language en, expected nl']);
  });
});

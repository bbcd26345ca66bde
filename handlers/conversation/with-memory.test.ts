import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../../knowledge/test-support/test-knowledge.js';
import { understandingOf } from '../test-support/understanding-of.js';
import { slotsOf, withMemory } from './with-memory.js';

const kb = testKnowledge();
const first = understandingOf(kb, { intent: 'deadline', language: 'nl', insurers: ['Zorg en Zekerheid'], step: 'sign', sector: 'ggz', contractYear: 2024 });
const memory = slotsOf(first);

/** Every slot a follow-up may change, for comparing what changed. */
const slots = (u: ReturnType<typeof understandingOf>) => ({
  intent: u.intent,
  language: u.language,
  insurers: u.insurers.map((i) => i.name),
  sector: u.sector,
  step: u.step,
  wantsEnd: u.wantsEnd,
  contractYear: u.contractYear,
  window: u.window,
});

describe('withMemory', () => {
  it('remembers slots only, never the text or words', () => {
    const u = understandingOf(kb, { ...first, insurers: ['Zorg en Zekerheid'], text: 'BSN [BSN] wanneer tekenen', words: ['tekenen'] });
    expect(JSON.stringify(slotsOf(u))).not.toMatch(/BSN|tekenen/);
    expect(slotsOf(understandingOf(kb, { intent: 'smalltalk', smalltalk: 'thanks' }))).toBeUndefined();
    // A language switch with nothing to ask again is remembered as the conversation's language.
    expect(slotsOf(understandingOf(kb, { intent: 'control', control: 'language-en', language: 'en' }))).toEqual({ intent: 'control', language: 'en', insurers: [] });
  });

  it('an elliptic follow-up changes only the slot it names', () => {
    const before = slots(first);
    const forVgz = withMemory(understandingOf(kb, { intent: 'question', language: 'nl', insurers: ['VGZ'], followUp: true, elliptic: true }), memory, kb);
    expect(slots(forVgz)).toEqual({ ...before, insurers: ['VGZ'] });
    const in2027 = withMemory(understandingOf(kb, { intent: 'unknown', language: 'en', contractYear: 2027, followUp: true, elliptic: true }), memory, kb);
    expect(slots(in2027)).toEqual({ ...before, contractYear: 2027, language: 'en' });
    const inEnglish = withMemory(understandingOf(kb, { intent: 'control', control: 'language-en', language: 'en', followUp: true, elliptic: true }), memory, kb);
    expect(slots(inEnglish)).toEqual({ ...before, language: 'en' });
    expect(inEnglish.control).toBeUndefined();
  });

  it('naming a sector the remembered insurer does not contract drops the insurer; naming an insurer drops a sector it does not contract', () => {
    const forGps = withMemory(understandingOf(kb, { intent: 'question', language: 'nl', sector: 'huisartsenzorg', followUp: true, elliptic: true }), memory, kb);
    expect(slots(forGps)).toEqual({ ...slots(first), sector: 'huisartsenzorg', insurers: [] });
    const gp = slotsOf(understandingOf(kb, { intent: 'deadline', language: 'nl', sector: 'huisartsenzorg', step: 'sign', wantsEnd: true }));
    const forZz = withMemory(understandingOf(kb, { intent: 'question', language: 'nl', insurers: ['Zorg en Zekerheid'], followUp: true, elliptic: true }), gp, kb);
    expect(slots(forZz)).toMatchObject({ intent: 'deadline', insurers: ['Zorg en Zekerheid'], sector: undefined, step: 'sign', wantsEnd: true });
  });

  it('keeps a follow-up\'s own intent and step when it asks something of its own kind, taking the context', () => {
    const accept = withMemory(understandingOf(kb, { intent: 'deadline', language: 'en', step: 'offer', followUp: true }), memory, kb);
    expect(slots(accept)).toEqual({ ...slots(first), language: 'en', step: 'offer' });
    // Words of its own: the step asked before is not taken over.
    const other = withMemory(understandingOf(kb, { intent: 'deadline', language: 'en', words: ['nza', 'beleidsregels'], followUp: true }), memory, kb);
    expect(other.step).toBeUndefined();
    expect(other.insurers.map((i) => i.name)).toEqual(['Zorg en Zekerheid']);
    const compare = withMemory(understandingOf(kb, { intent: 'compare', insurers: ['VGZ', 'Zorg en Zekerheid'], followUp: true }), memory, kb);
    expect(slots(compare)).toMatchObject({ intent: 'compare', insurers: ['VGZ', 'Zorg en Zekerheid'], step: 'sign' });
  });

  it('a calculation follow-up keeps the event and its date; a window follow-up naming a year moves the window', () => {
    const calc = slotsOf(understandingOf(kb, { intent: 'calculation', sector: 'huisartsenzorg', referenceDate: '2026-12-10', triggers: ['conflict'] }));
    const past = withMemory(understandingOf(kb, { intent: 'question', language: 'en', followUp: true, elliptic: true }), calc, kb);
    expect(past).toMatchObject({ intent: 'calculation', referenceDate: '2026-12-10', triggers: ['conflict'], sector: 'huisartsenzorg' });
    const today = withMemory(understandingOf(kb, { intent: 'calculation', referenceDate: '2026-11-23', triggers: ['question'], followUp: true }), slotsOf(first), kb);
    expect(today).toMatchObject({ intent: 'calculation', referenceDate: '2026-11-23', insurers: [expect.objectContaining({ name: 'Zorg en Zekerheid' })] });
    const november = slotsOf(understandingOf(kb, { intent: 'deadlines-window', window: { from: '2019-11-01', to: '2019-11-30', kind: 'range' } }));
    const in2023 = withMemory(understandingOf(kb, { intent: 'question', contractYear: 2023, followUp: true, elliptic: true }), november, kb);
    expect(in2023).toMatchObject({ intent: 'deadlines-window', window: { from: '2023-11-01', to: '2023-11-30', kind: 'range' } });
  });

  it('a document question\'s follow-up searches the remembered topics with the insurer it names', () => {
    const question = slotsOf(understandingOf(kb, { intent: 'question', insurers: ['VGZ'], topics: ['e-health', 'basic'] }));
    const zz = withMemory(understandingOf(kb, { intent: 'question', insurers: ['Zorg en Zekerheid'], text: 'en wat zegt Zorg en Zekerheid daarover?', followUp: true, elliptic: true }), question, kb);
    expect(zz.text).toBe('Zorg en Zekerheid e-health basic');
    expect(zz.insurers.map((i) => i.name)).toEqual(['Zorg en Zekerheid']);
  });

  it('leaves a message that is not a follow-up, or one without memory, unchanged', () => {
    const fresh = understandingOf(kb, { intent: 'deadline', insurers: ['VGZ'], step: 'apply' });
    expect(withMemory(fresh, memory, kb)).toBe(fresh);
    const lone = understandingOf(kb, { intent: 'unknown', insurers: ['VGZ'], followUp: true });
    expect(withMemory(lone, undefined, kb)).toBe(lone);
  });
});

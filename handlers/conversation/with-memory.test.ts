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
  });

  it('a follow-up changes only the slot it names', () => {
    const before = slots(first);
    const forVgz = withMemory(understandingOf(kb, { intent: 'unknown', language: 'nl', insurers: ['VGZ'], followUp: true }), memory, kb);
    expect(slots(forVgz)).toEqual({ ...before, insurers: ['VGZ'] });
    const forGps = withMemory(understandingOf(kb, { intent: 'question', language: 'nl', sector: 'huisartsenzorg', followUp: true }), memory, kb);
    expect(slots(forGps)).toEqual({ ...before, sector: 'huisartsenzorg' });
    const in2027 = withMemory(understandingOf(kb, { intent: 'unknown', language: 'en', contractYear: 2027, followUp: true }), memory, kb);
    expect(slots(in2027)).toEqual({ ...before, contractYear: 2027, language: 'en' });
    const inEnglish = withMemory(understandingOf(kb, { intent: 'control', control: 'language-en', language: 'en', followUp: true }), memory, kb);
    expect(slots(inEnglish)).toEqual({ ...before, language: 'en' });
    expect(inEnglish.control).toBeUndefined();
  });

  it('keeps a follow-up\'s own intent and step when it asks something of its own kind', () => {
    const accept = withMemory(understandingOf(kb, { intent: 'deadline', language: 'en', step: 'offer', followUp: true }), memory, kb);
    expect(slots(accept)).toEqual({ ...slots(first), language: 'en', step: 'offer' });
    const compare = withMemory(understandingOf(kb, { intent: 'compare', insurers: ['VGZ', 'Zorg en Zekerheid'], followUp: true }), memory, kb);
    expect(slots(compare)).toMatchObject({ intent: 'compare', insurers: ['VGZ', 'Zorg en Zekerheid'], step: 'sign' });
  });

  it('leaves a message that is not a follow-up, or one without memory, unchanged', () => {
    const fresh = understandingOf(kb, { intent: 'deadline', insurers: ['VGZ'], step: 'apply' });
    expect(withMemory(fresh, memory, kb)).toBe(fresh);
    const lone = understandingOf(kb, { intent: 'unknown', insurers: ['VGZ'], followUp: true });
    expect(withMemory(lone, undefined, kb)).toBe(lone);
  });
});

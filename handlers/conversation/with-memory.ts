import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { InsurerMention } from '../../knowledge/vocabulary/insurer-catalog.js';
import type { IntentKind, Understanding } from '../understand/understanding.js';
import type { RememberedSlots } from './remembered-slots.js';

/** Intents a follow-up takes over from the conversation when it names none of its own ("and for VGZ?"). */
const CARRIES_OVER: ReadonlySet<IntentKind> = new Set(['unknown', 'question', 'control']);
/** Intents worth remembering for a follow-up. */
const REMEMBERED: ReadonlySet<IntentKind> = new Set(['deadline', 'deadlines-window', 'compare', 'calculation', 'question']);

/** The slots of an understanding to remember (never its text or words); undefined for turns not worth remembering (thanks, stop, …). */
export function slotsOf(u: Understanding): RememberedSlots | undefined {
  if (!REMEMBERED.has(u.intent)) return undefined;
  return {
    intent: u.intent,
    language: u.language,
    insurers: u.insurers.map((i) => i.name),
    ...(u.sector !== undefined ? { sector: u.sector } : {}),
    ...(u.step !== undefined ? { step: u.step } : {}),
    ...(u.wantsEnd ? { wantsEnd: true } : {}),
    ...(u.contractYear !== undefined ? { contractYear: u.contractYear } : {}),
    ...(u.window !== undefined ? { window: u.window } : {}),
    ...(u.referenceDate !== undefined ? { referenceDate: u.referenceDate } : {}),
  };
}

function remembered(kb: KnowledgeBase, names: readonly string[]): InsurerMention[] {
  return names.flatMap((name, index) => {
    const found = kb.insurers.find(name)[0];
    return found && found.name === name ? [{ ...found, index }] : [];
  });
}

/**
 * A follow-up completed from the conversation's memory: it changes only the slots it names and
 * keeps every other one ("and for VGZ?" changes the insurers, "en voor huisartsen?" the sector,
 * "what about 2027?" the contract year, "same in English" the language). Its intent is the
 * remembered one unless it asks something of its own kind ("and when do I accept there?" stays a
 * deadline question). Not a follow-up, or nothing remembered: unchanged.
 * @example withMemory(understand('and for VGZ?'), { intent: 'deadline', insurers: ['Zorg en Zekerheid'], step: 'sign', … }, kb)
 *   // → intent 'deadline', insurers [VGZ], step 'sign'
 */
export function withMemory(u: Understanding, memory: RememberedSlots | undefined, kb: KnowledgeBase): Understanding {
  if (!u.followUp || !memory) return u;
  const intent = CARRIES_OVER.has(u.intent) && REMEMBERED.has(memory.intent as IntentKind) ? (memory.intent as IntentKind) : u.intent;
  const language = u.control === 'language-en' ? 'en' : u.control === 'language-nl' ? 'nl' : u.language;
  const step = u.step ?? memory.step;
  const sector = u.sector ?? memory.sector;
  const contractYear = u.contractYear ?? memory.contractYear;
  const window = u.window ?? memory.window;
  const referenceDate = u.referenceDate ?? memory.referenceDate;
  const { control: _control, ...rest } = u;
  return {
    ...(intent === 'control' ? u : rest),
    intent,
    language,
    insurers: u.insurers.length > 0 ? u.insurers : remembered(kb, memory.insurers),
    wantsEnd: u.step !== undefined ? u.wantsEnd : u.wantsEnd || memory.wantsEnd === true,
    ...(step !== undefined ? { step } : {}),
    ...(sector !== undefined ? { sector } : {}),
    ...(contractYear !== undefined ? { contractYear } : {}),
    ...(window !== undefined ? { window } : {}),
    ...(referenceDate !== undefined ? { referenceDate } : {}),
  };
}

import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { InsurerMention } from '../../knowledge/vocabulary/insurer-catalog.js';
import type { IntentKind, TimeWindow, Understanding } from '../understand/understanding.js';
import type { RememberedSlots } from './remembered-slots.js';

/** Intents worth remembering for a follow-up. */
const REMEMBERED: ReadonlySet<IntentKind> = new Set(['deadline', 'deadlines-window', 'compare', 'calculation', 'question', 'escalation']);
/** Intents a follow-up takes over from the conversation when it asks nothing of its own kind ("and for VGZ?"). */
const CARRIES_OVER: ReadonlySet<IntentKind> = new Set(['unknown', 'question', 'control']);
/** Intents whose topics a follow-up of the same intent keeps. */
const KEEPS_TOPICS: ReadonlySet<IntentKind> = new Set(['question', 'escalation']);

function isRemembered(intent: string): intent is IntentKind {
  return REMEMBERED.has(intent as IntentKind);
}

/**
 * The slots of an understanding to remember (never its text or words): undefined for turns not
 * worth remembering (thanks, stop, commands). A language switch with nothing to ask again is
 * remembered as the conversation's language.
 */
export function slotsOf(u: Understanding): RememberedSlots | undefined {
  if (u.intent === 'control' && (u.control === 'language-en' || u.control === 'language-nl')) return { intent: 'control', language: u.language, insurers: [] };
  if (!REMEMBERED.has(u.intent)) return undefined;
  return {
    intent: u.intent,
    language: u.language,
    insurers: u.insurers.map((i) => i.name),
    ...(u.sector !== undefined ? { sector: u.sector } : {}),
    ...(u.step !== undefined ? { step: u.step } : {}),
    ...(u.steps.length > 0 ? { steps: [...u.steps] } : {}),
    ...(u.wantsEnd ? { wantsEnd: true } : {}),
    ...(u.actor !== undefined ? { actor: u.actor } : {}),
    ...(u.documents.length > 0 ? { documents: [...u.documents] } : {}),
    ...(u.triggers.length > 0 ? { triggers: [...u.triggers] } : {}),
    ...(u.contractYear !== undefined ? { contractYear: u.contractYear } : {}),
    ...(u.window !== undefined ? { window: u.window } : {}),
    ...(u.referenceDate !== undefined ? { referenceDate: u.referenceDate } : {}),
    ...(u.ordinalYear !== undefined ? { ordinalYear: u.ordinalYear } : {}),
    ...(u.topics !== undefined && u.topics.length > 0 ? { topics: [...u.topics] } : {}),
  };
}

function remembered(kb: KnowledgeBase, names: readonly string[]): InsurerMention[] {
  return names.flatMap((name, index) => {
    const found = kb.insurers.find(name)[0];
    return found && found.name === name ? [{ ...found, index }] : [];
  });
}

/** Whether the insurer's loaded policies are all of another sector (a GP question is not about a ggz insurer). */
function otherSector(kb: KnowledgeBase, insurer: string, sector: string): boolean {
  const sectors = kb.documents.filter((d) => d.kind === 'insurer-policy' && d.insurer === insurer).map((d) => d.sector);
  return sectors.length > 0 && !sectors.includes(sector);
}

/** A remembered window moved to the year a follow-up names ("Welke deadlines in november 2019?" → "what about 2023?"). */
function inYear(window: TimeWindow, year: number | undefined): TimeWindow {
  if (year === undefined || window.kind === 'next') return window;
  const shift = year - Number(window.from.slice(0, 4));
  const move = (date: string) => `${Number(date.slice(0, 4)) + shift}${date.slice(4)}`;
  // 29 February moved to a year without it is the 28th.
  const valid = (date: string) => (date.endsWith('-02-29') && Number(date.slice(0, 4)) % 4 !== 0 ? `${date.slice(0, 8)}28` : date);
  return shift === 0 ? window : { ...window, from: valid(move(window.from)), to: valid(move(window.to)) };
}

/**
 * A follow-up completed from the conversation's memory: it changes only the slots it names and
 * keeps the others ("and for VGZ?" changes the insurers, "en voor huisartsen?" the sector,
 * "what about 2027?" the contract year, "en in november 2023?" the window, "en voor het derde jaar?" the ordinal year of a calculation, "same in English" the
 * language). An elliptic follow-up (nothing of its own besides the slots) asks the remembered
 * question again: its intent, steps, events and topics; one with words of its own keeps its own
 * intent and steps and takes the context (insurers, sector, year, the reference date of a
 * calculation). Naming a sector the remembered insurers' policies do not cover drops them, and
 * naming insurers drops a remembered sector their policies do not cover. For a document question
 * the search text is the remembered topics with the insurers named or remembered (the memory
 * holds no text). Not a follow-up, or nothing remembered: unchanged.
 * @example withMemory(understand('and for VGZ?'), { intent: 'deadline', insurers: ['Zorg en Zekerheid'], step: 'sign', … }, kb)
 *   // → intent 'deadline', insurers [VGZ], step 'sign'
 */
export function withMemory(u: Understanding, memory: RememberedSlots | undefined, kb: KnowledgeBase): Understanding {
  if (!u.followUp || !memory) return u;
  const language = u.control === 'language-en' ? 'en' : u.control === 'language-nl' ? 'nl' : u.language;
  const last = memory.intent;
  if (u.intent === 'control' && !isRemembered(last)) return u;
  const elliptic = u.elliptic === true || u.intent === 'control';
  const ownSteps = u.steps.length > 0;

  let intent: IntentKind = u.intent;
  if (isRemembered(last)) {
    if (CARRIES_OVER.has(u.intent) && (elliptic || u.intent !== 'question')) intent = last;
    else if (elliptic && u.intent === 'deadline' && (!ownSteps || last === 'compare')) intent = last;
    // "en als het een vraag aan VGZ zorginkoop ggz was geweest?": an event without a date of its own, after a calculation, is counted from the remembered date.
    else if (last === 'calculation' && (u.intent === 'deadline' || u.intent === 'question') && !ownSteps && u.triggers.length > 0 && u.referenceDate === undefined && memory.referenceDate !== undefined) intent = last;
  }
  const again = intent === last && elliptic;

  const rememberedSteps = memory.steps ?? (memory.step !== undefined ? [memory.step] : []);
  // A comparison names insurers, not always the step: "compare with VGZ" compares the step asked before.
  const steps = ownSteps ? u.steps : again || intent === 'compare' ? rememberedSteps : u.steps;
  const insurers =
    u.insurers.length > 0 ? u.insurers : u.sector !== undefined ? remembered(kb, memory.insurers.filter((name) => !otherSector(kb, name, u.sector ?? ''))) : remembered(kb, memory.insurers);
  const sector = u.sector ?? (memory.sector !== undefined && u.insurers.some((i) => otherSector(kb, i.name, memory.sector ?? '')) ? undefined : memory.sector);
  const triggers = u.triggers.length > 0 ? u.triggers : again || intent === 'calculation' ? (memory.triggers ?? []) : [];
  const actor = again && !ownSteps ? (memory.actor ?? u.actor) : u.actor;
  const documents = u.documents.length > 0 ? u.documents : again ? (memory.documents ?? []) : [];
  const contractYear = u.contractYear ?? memory.contractYear;
  const window = u.window ?? (intent === 'deadlines-window' && memory.window ? inYear(memory.window, u.contractYear) : undefined);
  const referenceDate = u.referenceDate ?? (intent === 'calculation' ? memory.referenceDate : undefined);
  const ordinalYear = u.ordinalYear ?? (intent === 'calculation' && u.referenceDate === undefined ? memory.ordinalYear : undefined);
  const wantsEnd = ownSteps ? u.wantsEnd : again ? u.wantsEnd || memory.wantsEnd === true : u.wantsEnd;
  const topics = KEEPS_TOPICS.has(intent) && intent === last ? [...new Set([...(u.topics ?? []), ...(memory.topics ?? [])])] : (u.topics ?? []);

  // The search text of a document question: its own words (unless it only names slots), the
  // remembered topics, and the insurers it takes from memory.
  const inherited = u.insurers.length > 0 ? [] : insurers.map((i) => i.name);
  const own = elliptic && topics.length > 0 ? u.insurers.map((i) => i.name) : [u.text];
  const text = intent === 'question' ? [...own, ...topics, ...inherited].filter((part) => part.trim() !== '').join(' ') : u.text;

  const { control: _control, step: _step, window: _window, referenceDate: _referenceDate, ordinalYear: _ordinal, yearStartDated: _dated, sector: _sector, contractYear: _year, actor: _actor, ...rest } = u;
  return {
    ...(intent === 'control' ? u : rest),
    intent,
    language,
    insurers,
    steps,
    ...(steps[0] !== undefined ? { step: steps[0] } : {}),
    wantsEnd,
    triggers,
    documents,
    topics,
    text,
    ...(actor !== undefined ? { actor } : {}),
    ...(sector !== undefined ? { sector } : {}),
    ...(contractYear !== undefined ? { contractYear } : {}),
    ...(window !== undefined ? { window } : {}),
    ...(referenceDate !== undefined ? { referenceDate } : {}),
    ...(ordinalYear !== undefined ? { ordinalYear } : {}),
    ...(u.yearStartDated && u.referenceDate !== undefined ? { yearStartDated: true } : {}),
  };
}

import { fold } from '../../knowledge/fold.js';
import type { Language } from '../types.js';

/** A typed command on the conversation's current checklist; item numbers are 1-based as shown. */
export type ChecklistCommand =
  | { readonly kind: 'set'; readonly numbers: readonly number[]; readonly done: boolean; readonly language: Language }
  | { readonly kind: 'export'; readonly language: Language }
  | { readonly kind: 'show'; readonly language: Language }
  /** The answer to "keep the open checklist or replace it with the one just asked for?". */
  | { readonly kind: 'keep' | 'replace'; readonly language: Language | undefined };

const NUMBER = String.raw`\d{1,3}(?:\s*-\s*\d{1,3})?`;
const NUMBERS = String.raw`(?:(?:punt(?:en)?|items?|stap(?:pen)?|steps?|nr\.?|nummers?|#)\s*)?(${NUMBER}(?:\s*(?:,|;|&|\+|\ben\b|\band\b|\s)\s*${NUMBER})*)`;
const THE = String.raw`(?:\s+(?:de|het|mijn|onze|deze|the|my|our|this))?`;
const CHECKLIST = String.raw`(?:\s+(?:escalatie|escalation))?[- ]?(?:check[- ]?list|stappenplan)`;

const PATTERNS: readonly { pattern: RegExp; make: (numbers: number[]) => ChecklistCommand }[] = [
  // Unticking first: "vink 3 uit" must not read as "vink 3".
  { pattern: new RegExp(String.raw`^(?:vink\s+${NUMBERS}\s+uit|(?:uitvinken|niet\s+gedaan|niet\s+klaar|heropen|ongedaan(?:\s+maken)?)\s+${NUMBERS})$`, 'u'), make: (n) => set(n, false, 'nl') },
  { pattern: new RegExp(String.raw`^${NUMBERS}\s+(?:uitvinken|niet\s+gedaan|niet\s+klaar|ongedaan(?:\s+maken)?)$`, 'u'), make: (n) => set(n, false, 'nl') },
  { pattern: new RegExp(String.raw`^(?:untick|uncheck|undo|reopen|not\s+done)\s+${NUMBERS}$`, 'u'), make: (n) => set(n, false, 'en') },
  { pattern: new RegExp(String.raw`^mark\s+${NUMBERS}\s+(?:as\s+)?(?:not\s+done|undone|open)$`, 'u'), make: (n) => set(n, false, 'en') },
  { pattern: new RegExp(String.raw`^(?:vink(?:\s+af)?|afvinken|aanvinken|gedaan|klaar|afgerond)\s+${NUMBERS}(?:\s+(?:aan|af))?$`, 'u'), make: (n) => set(n, true, 'nl') },
  { pattern: new RegExp(String.raw`^${NUMBERS}\s+(?:afvinken|aanvinken|gedaan|klaar|afgerond)$`, 'u'), make: (n) => set(n, true, 'nl') },
  { pattern: new RegExp(String.raw`^(?:tick(?:\s+off)?|check(?:\s+off)?|done|complete)\s+${NUMBERS}(?:\s+(?:off|done))?$`, 'u'), make: (n) => set(n, true, 'en') },
  { pattern: new RegExp(String.raw`^(?:mark\s+${NUMBERS}\s+(?:as\s+)?done|${NUMBERS}\s+(?:done|ticked|checked|completed))$`, 'u'), make: (n) => set(n, true, 'en') },
  { pattern: new RegExp(String.raw`^(?:exporteer|exporteren|download)${THE}(?:${CHECKLIST})?(?:\s+(?:als|in|naar)\s+markdown)?$|^(?:de\s+)?(?:escalatie[- ]?)?check[- ]?list\s+exporteren$`, 'u'), make: () => ({ kind: 'export', language: 'nl' }) },
  { pattern: new RegExp(String.raw`^export${THE}(?:${CHECKLIST})?(?:\s+(?:as|to|in)\s+markdown)?$|^(?:the\s+)?(?:escalation\s+)?check[- ]?list\s+export$`, 'u'), make: () => ({ kind: 'export', language: 'en' }) },
  { pattern: new RegExp(String.raw`^(?:(?:toon|bekijk|laat)${THE}${CHECKLIST}(?:\s+zien)?|(?:escalatie[- ]?)?check[- ]?list(?:\s+(?:tonen|bekijken|voortgang|status))?|voortgang${THE}?${CHECKLIST})$`, 'u'), make: () => ({ kind: 'show', language: 'nl' }) },
  { pattern: new RegExp(String.raw`^(?:(?:show|view|open|display)${THE}${CHECKLIST}|(?:escalation\s+)?check[- ]?list\s+(?:status|progress)|progress${THE}?${CHECKLIST})$`, 'u'), make: () => ({ kind: 'show', language: 'en' }) },
];

function set(numbers: number[], done: boolean, language: Language): ChecklistCommand {
  return { kind: 'set', numbers, done, language };
}

/**
 * Parses a typed checklist command: "vink 3 aan", "vink 1,2 af", "vink 3 uit", "tick 3",
 * "untick 3", "done 1,2", "1-3 gedaan", "exporteer de checklist", "export checklist",
 * "toon de checklist". The whole message must be the command, so ordinary questions never match.
 */
export function parseChecklistCommand(text: string): ChecklistCommand | undefined {
  const folded = fold(text).trim().replace(/[.!]+$/, '').replace(/\s+/g, ' ');
  for (const { pattern, make } of PATTERNS) {
    const m = pattern.exec(folded);
    if (!m) continue;
    const numberText = m.slice(1).find((g) => g !== undefined);
    if (numberText === undefined) return make([]);
    const numbers = parseNumbers(numberText);
    if (numbers) return make(numbers);
  }
  return undefined;
}

/** "1, 2 en 4-6" → [1, 2, 4, 5, 6]; undefined for an absurd range. */
function parseNumbers(text: string): number[] | undefined {
  const out = new Set<number>();
  for (const part of text.match(/\d+\s*-\s*\d+|\d+/g) ?? []) {
    const [from, to] = part.split('-').map((s) => Number(s.trim()));
    if (from === undefined) continue;
    const end = to ?? from;
    if (end < from || end - from > 100) return undefined;
    for (let n = from; n <= end; n++) out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}

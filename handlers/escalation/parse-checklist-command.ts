import type { ChecklistWordId } from '../../knowledge/knowledge-base.js';
import type { PhraseHit, PhraseList } from '../../knowledge/vocabulary/phrase-list.js';
import { tokenize, type Token } from '../../knowledge/vocabulary/term-matcher.js';
import type { Language } from '../types.js';

/**
 * A typed command on the conversation's current checklist; item numbers are 1-based as shown.
 * `language`: the language of the command's words; undefined when they are the same in both
 * ("checklist"), then the conversation's language applies.
 */
export type ChecklistCommand =
  | { readonly kind: 'set'; readonly numbers: readonly number[]; readonly done: boolean; readonly language: Language | undefined }
  | { readonly kind: 'export'; readonly language: Language | undefined }
  | { readonly kind: 'show'; readonly language: Language | undefined }
  /** The answer to "keep the open checklist or replace it with the one just asked for?". */
  | { readonly kind: 'keep' | 'replace'; readonly language: Language | undefined };

/** Item numbers have at most this many digits; a range spans at most {@link MAX_RANGE} items. */
const MAX_DIGITS = 3;
const MAX_RANGE = 100;
/** What may stand between two words of a command (besides spaces): list separators, a range dash, '#'. */
const BETWEEN = ',;&+-#';
/** What may follow the command: a full stop or exclamation marks. */
const AFTER = '.!';
const BEFORE = '#';
const RANGE = '-';

/** Words allowed in a command without item numbers. */
const LISTING: ReadonlySet<ChecklistWordId> = new Set(['export', 'show', 'checklist', 'plan', 'escalation', 'article', 'format']);

function only(gap: string, allowed: string): boolean {
  return [...gap.trim()].every((c) => allowed.includes(c));
}

function isDigits(text: string): boolean {
  return text.length > 0 && text.length <= MAX_DIGITS && [...text].every((c) => c >= '0' && c <= '9');
}

/** "3" → [3, 3]; "2-4" (one token) → [2, 4]; anything else undefined. */
function numberToken(token: Token): [number, number] | undefined {
  const [from, to, ...rest] = token.folded.split(RANGE);
  if (from === undefined || rest.length > 0 || !isDigits(from) || (to !== undefined && !isDigits(to))) return undefined;
  return [Number(from), Number(to ?? from)];
}

function languageOf(hits: readonly PhraseHit<ChecklistWordId>[]): Language | undefined {
  return hits.find((h) => h.language !== undefined)?.language;
}

/**
 * Parses a typed checklist command from the words of `knowledge/data/vocabulary/checklist-commands.json`:
 * "vink 3 aan", "vink 1,2 af", "vink 3 uit", "tick 3", "untick 3", "done 1,2", "1-3 gedaan",
 * "exporteer de checklist", "export checklist", "toon de checklist". The whole message must be the
 * command, so ordinary questions never match.
 *
 * @example parseChecklistCommand('vink punt 1 en 4 aan', kb.phrases.checklist) // { kind: 'set', numbers: [1, 4], done: true, language: 'nl' }
 */
export function parseChecklistCommand(text: string, words: PhraseList<ChecklistWordId>): ChecklistCommand | undefined {
  const tokens = tokenize(text);
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!first || !last || !only(text.slice(0, first.start), BEFORE) || !only(text.slice(last.end), AFTER)) return undefined;
  if (!tokens.every((t, i) => i === 0 || only(text.slice(tokens[i - 1]?.end ?? 0, t.start), BETWEEN))) return undefined;

  const numbered = tokens.flatMap((t, i) => (numberToken(t) ? [i] : []));
  const from = numbered[0];
  const to = numbered[numbered.length - 1];
  if (from === undefined || to === undefined) return listing(tokens, words);

  // One list of numbers, joined by separators or "en"/"and", perhaps after "punt"/"items".
  const list = tokens.slice(from, to + 1);
  if (!list.every((t) => numberToken(t) !== undefined || words.has([t], 'number-joiner'))) return undefined;
  const numberWord = from > 0 && words.has(tokens.slice(from - 1, from), 'number-word') ? 1 : 0;
  const command = [...tokens.slice(0, from - numberWord), ...tokens.slice(to + 1)];
  const hits = words.find(command);
  if (hits.length === 0 || hits.reduce((n, h) => n + h.length, 0) !== command.length || !hits.every((h) => h.id === 'tick' || h.id === 'untick')) return undefined;

  const numbers = numbersOf(text, list);
  if (!numbers) return undefined;
  return { kind: 'set', numbers, done: hits[0]?.id === 'tick', language: languageOf(hits) };
}

/** Export or show: every word an export, show, checklist, article or format word. */
function listing(tokens: readonly Token[], words: PhraseList<ChecklistWordId>): ChecklistCommand | undefined {
  const hits = words.find(tokens);
  if (hits.reduce((n, h) => n + h.length, 0) !== tokens.length || !hits.every((h) => LISTING.has(h.id))) return undefined;
  const ids = new Set(hits.map((h) => h.id));
  const exporting = hits.find((h) => h.id === 'export');
  if (exporting) return { kind: 'export', language: exporting.language ?? languageOf(hits) };
  const showing = hits.find((h) => h.id === 'show');
  if (showing && (ids.has('checklist') || ids.has('plan'))) return { kind: 'show', language: showing.language ?? languageOf(hits) };
  // A bare "checklist" shows it; "escalatie checklist" or "stappenplan" alone ask for one.
  if (!showing && ids.has('checklist') && !ids.has('plan') && !ids.has('escalation')) return { kind: 'show', language: languageOf(hits) };
  return undefined;
}

/** The numbers of the list: "1, 2 en 4-6" or "4 - 6" → [1, 2, 4, 5, 6]; undefined for an absurd range. */
function numbersOf(text: string, list: readonly Token[]): number[] | undefined {
  const out = new Set<number>();
  const ranges: [number, number][] = [];
  list.forEach((t, i) => {
    const range = numberToken(t);
    if (!range) return;
    const previous = list[i - 1];
    const open = ranges[ranges.length - 1];
    // "4 - 6" with spaces: the dash between two single numbers makes them one range.
    if (previous && open && open[0] === open[1] && numberToken(previous) && text.slice(previous.end, t.start).trim() === RANGE) open[1] = range[1];
    else ranges.push(range);
  });
  for (const [a, b] of ranges) {
    if (b < a || b - a > MAX_RANGE) return undefined;
    for (let n = a; n <= b; n++) out.add(n);
  }
  return [...out].sort((x, y) => x - y);
}

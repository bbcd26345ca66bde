import { z } from 'zod';
import { TermMatcher, tokenize, type Token } from './term-matcher.js';

/** `knowledge/data/reminder-words.json`: the words of reminder requests (see its note). */
export const reminderWordsSchema = z.object({
  note: z.string(),
  personal: z.array(z.string().min(1)).min(1),
  sectorStatement: z.array(z.string().min(1)).min(1),
  leads: z.array(z.object({ days: z.number().int().min(0).max(365), terms: z.array(z.string().min(1)).min(1) })).min(1),
  meridiem: z.object({ am: z.array(z.string().min(1)).min(1), pm: z.array(z.string().min(1)).min(1) }),
  hourWords: z.array(z.string().min(1)).min(1),
});

export type ReminderWordsData = z.infer<typeof reminderWordsSchema>;

/** A time of day found in a request, with where it stands (so its digits are not read as lead days). */
export interface TimeOfDayMatch {
  /** "HH:MM", 24-hour. */
  readonly time: string;
  readonly start: number;
  readonly end: number;
}

/** The reminder word lists, compiled once per knowledge base. */
export interface ReminderWords {
  /** True when the request is for the writer alone ("remind me", "persoonlijk"). */
  isPersonal(text: string): boolean;
  /** The text after a sector statement ("this channel is about …"), or undefined when there is none. */
  sectorStatement(text: string): string | undefined;
  /** Lead days named in words ("a week before and the day before" → [7, 1]), with the matched character ranges. */
  leads(text: string): { days: number[]; ranges: { start: number; end: number }[] };
  /**
   * A time of day: "14:00", "om 14.30", "at 8am", "2 pm", "om 14 uur". Undefined when none, or
   * `invalid` when a time is written but is not one (25:00, 13pm).
   */
  timeOfDay(text: string): TimeOfDayMatch | 'invalid' | undefined;
}

export function createReminderWords(data: ReminderWordsData): ReminderWords {
  const personal = new TermMatcher([[true, data.personal] as const]);
  const statement = new TermMatcher([[true, data.sectorStatement] as const]);
  const leads = new TermMatcher(data.leads.map((l) => [l.days, l.terms] as const));
  const am = new Set(data.meridiem.am.flatMap((t) => tokenize(t).map((x) => x.folded)));
  const pm = new Set(data.meridiem.pm.flatMap((t) => tokenize(t).map((x) => x.folded)));
  const hourWords = new Set(data.hourWords.flatMap((t) => tokenize(t).map((x) => x.folded)));
  return {
    isPersonal: (text) => personal.find(text).length > 0,
    sectorStatement(text) {
      const match = statement.find(text)[0];
      return match ? text.slice(match.end).trim() : undefined;
    },
    leads(text) {
      const found = leads.find(text);
      return { days: found.map((f) => f.value), ranges: found.map((f) => ({ start: f.start, end: f.end })) };
    },
    timeOfDay(text) {
      const tokens = tokenize(text);
      for (let i = 0; i < tokens.length; i++) {
        const hit = timeAt(text, tokens, i, am, pm, hourWords);
        if (hit) return hit;
      }
      return undefined;
    },
  };
}

/** A time of day starting at token `i`: "14:00" / "14.00" (two number tokens joined by ':' or '.'), or an hour with am/pm or an hour word. */
function timeAt(text: string, tokens: readonly Token[], i: number, am: ReadonlySet<string>, pm: ReadonlySet<string>, hourWords: ReadonlySet<string>): TimeOfDayMatch | 'invalid' | undefined {
  const t = tokens[i] as Token;
  // The tokenizer keeps "14.00" as one token and splits "14:00" in two.
  const [before, after, ...more] = t.folded.split('.');
  const next = tokens[i + 1];
  let hour: number | undefined;
  let minute = 0;
  let end = t.end;
  if (after !== undefined && more.length === 0 && isDigits(before, 1, 2) && isDigits(after, 2, 2)) {
    hour = Number(before);
    minute = Number(after);
  } else if (isDigits(t.folded, 1, 2) && next && text.slice(t.end, next.start) === ':' && isDigits(next.folded, 2, 2)) {
    hour = Number(t.folded);
    minute = Number(next.folded);
    end = next.end;
  } else {
    // "8am" is one token: split its digits from its letters.
    const split = leadingDigits(t.folded);
    const glued = split > 0 && split < t.folded.length;
    const digits = glued || split === t.folded.length ? t.folded.slice(0, split) : '';
    const word = glued ? t.folded.slice(split) : next?.folded;
    if (!isDigits(digits, 1, 2) || word === undefined) return undefined;
    if (!glued && next && text.slice(t.end, next.start).trim() !== '') return undefined;
    const h = Number(digits);
    const wordEnd = glued ? t.end : (next as Token).end;
    if (am.has(word) || pm.has(word)) {
      if (h < 1 || h > 12) return 'invalid';
      hour = (h % 12) + (pm.has(word) ? 12 : 0);
      end = wordEnd;
    } else if (hourWords.has(word)) {
      hour = h;
      end = wordEnd;
    } else return undefined;
  }
  if (hour === undefined) return undefined;
  if (hour > 23 || minute > 59) return 'invalid';
  return { time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`, start: t.start, end };
}

function leadingDigits(text: string): number {
  let n = 0;
  while (n < text.length && text.charCodeAt(n) >= 48 && text.charCodeAt(n) <= 57) n++;
  return n;
}

/** `text` is `min` to `max` ASCII digits. */
function isDigits(text: string | undefined, min: number, max: number): boolean {
  return text !== undefined && text.length >= min && text.length <= max && leadingDigits(text) === text.length;
}

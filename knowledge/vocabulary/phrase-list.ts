import { z } from 'zod';
import { TermMatcher, tokenize, type Token } from './term-matcher.js';

/**
 * `knowledge/data/vocabulary/*.json`: a bilingual word list, `{ note, entries: [{ id, nl: [...], en: [...] }] }`.
 * Terms follow {@link TermMatcher} (folded whole words, several words, `*` for a prefix). An entry
 * with id `filler` holds words that may surround a whole-message phrase without changing it.
 */
export const phraseListSchema = z.object({
  note: z.string(),
  entries: z
    .array(z.object({ id: z.string().min(1), nl: z.array(z.string().min(1)), en: z.array(z.string().min(1)) }).strict())
    .min(1)
    .refine((entries) => new Set(entries.map((e) => e.id)).size === entries.length, 'entry ids must be unique'),
});
export type PhraseListFile = z.infer<typeof phraseListSchema>;

/** The id of the entry whose words may surround a whole-message phrase. */
export const FILLER = 'filler';

export interface PhraseHit<Id extends string> {
  readonly id: Id;
  /** The language of the matched term; undefined when the term is listed in both languages. */
  readonly language: 'nl' | 'en' | undefined;
  readonly start: number;
  readonly end: number;
  readonly token: number;
  readonly length: number;
}

/**
 * A compiled bilingual word list: which entries a text mentions, and whether a whole message is
 * one of its phrases (every word a term of the list, at least one not a filler).
 *
 * @example smalltalk.whole(tokenize('thanks a lot!')) // { id: 'thanks', language: 'en', … }
 */
export class PhraseList<Id extends string = string> {
  private readonly matcher: TermMatcher<{ id: Id; language: 'nl' | 'en' | undefined }>;
  private readonly byEntry = new Map<Id, TermMatcher<true>>();
  readonly ids: readonly Id[];

  constructor(file: PhraseListFile) {
    const pairs: [{ id: Id; language: 'nl' | 'en' | undefined }, string[]][] = [];
    for (const entry of file.entries) {
      const id = entry.id as Id;
      const nl = new Set(entry.nl.map((t) => t.toLowerCase()));
      const en = new Set(entry.en.map((t) => t.toLowerCase()));
      pairs.push([{ id, language: undefined }, [...nl].filter((t) => en.has(t))]);
      pairs.push([{ id, language: 'nl' }, [...nl].filter((t) => !en.has(t))]);
      pairs.push([{ id, language: 'en' }, [...en].filter((t) => !nl.has(t))]);
    }
    this.matcher = new TermMatcher(pairs);
    for (const entry of file.entries) this.byEntry.set(entry.id as Id, new TermMatcher([[true, [...entry.nl, ...entry.en]]]));
    this.ids = file.entries.map((e) => e.id as Id);
  }

  /** Every mention of an entry (fillers included), in text order, never overlapping. */
  find(text: string | readonly Token[]): PhraseHit<Id>[] {
    return this.matcher.find(text).map((m) => ({ id: m.value.id, language: m.value.language, start: m.start, end: m.end, token: m.token, length: m.length }));
  }

  /**
   * Whether the text mentions the entry `id` anywhere, matched on its own terms only (so a word
   * may count for two entries: "escalatieplan" is both an escalation word and a plan).
   */
  has(text: string | readonly Token[], id: Id): boolean {
    return (this.byEntry.get(id)?.find(text).length ?? 0) > 0;
  }

  /** Every mention of the entry `id`, matched on its own terms ({@link has}), in text order. */
  findEntry(text: string | readonly Token[], id: Id): PhraseHit<Id>[] {
    return (this.byEntry.get(id)?.find(text) ?? []).map((m) => ({ id, language: undefined, start: m.start, end: m.end, token: m.token, length: m.length }));
  }

  /** The entries the text mentions, each matched on its own terms ({@link has}). */
  mentioned(text: string | readonly Token[]): Set<Id> {
    const tokens = typeof text === 'string' ? tokenize(text) : text;
    return new Set(this.ids.filter((id) => this.has(tokens, id)));
  }

  /**
   * The phrase a whole message is: every token covered by a term of the list and at least one
   * covered by a non-filler entry; the first non-filler hit wins. Undefined otherwise.
   */
  whole(text: string | readonly Token[]): PhraseHit<Id> | undefined {
    const tokens = typeof text === 'string' ? tokenize(text) : text;
    if (tokens.length === 0) return undefined;
    const hits = this.find(tokens);
    const covered = hits.reduce((n, h) => n + h.length, 0);
    if (covered !== tokens.length) return undefined;
    const meaning = hits.filter((h) => h.id !== FILLER);
    const first = meaning[0];
    if (!first) return undefined;
    const language = meaning.find((h) => h.language !== undefined)?.language;
    return { ...first, language };
  }

  /** Whether the message starts with a term of entry `id`. */
  startsWith(text: string | readonly Token[], id: Id): boolean {
    const first = this.find(text)[0];
    return first !== undefined && first.token === 0 && first.id === id;
  }
}

import { distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { fold } from '../fold.js';
import { TermMatcher, tokenize, type Token } from './term-matcher.js';

export const insurerEntrySchema = z.object({ name: z.string().min(1), aliases: z.array(z.string().min(1)).min(1) });
export const insurersFileSchema = z.object({ note: z.string(), insurers: z.array(insurerEntrySchema).min(1) });
export type InsurerEntry = z.infer<typeof insurerEntrySchema>;

export interface InsurerMention {
  /** Canonical name, e.g. "Zorg en Zekerheid". */
  readonly name: string;
  /** True when a purchasing policy of this insurer is in the knowledge base. */
  readonly loaded: boolean;
  /** The text that matched, as the user wrote it. */
  readonly matched: string;
  readonly index: number;
  /** True when the name was recognised despite a small typo ("zorg en zekerhied"). */
  readonly fuzzy: boolean;
}

/** The insurers the bot recognises: shipped names and aliases plus every insurer a document declares. */
export interface InsurerCatalog {
  readonly names: readonly string[];
  /** Insurers with a loaded purchasing policy. */
  readonly loaded: readonly string[];
  /** The insurers named in a text, in order of appearance, each once; small typos are tolerated. */
  find(text: string | readonly Token[]): InsurerMention[];
  /** Resolves one user-supplied name or alias (typos tolerated) to its canonical name. */
  canonical(nameOrAlias: string): string | undefined;
}

/** Edits allowed for a typo in an alias of this many letters: none for short ones (VGZ, CZ, DSW). */
function allowedEdits(letters: number): number {
  if (letters < 5) return 0;
  return letters < 9 ? 1 : 2;
}

interface FuzzyAlias {
  readonly name: string;
  /** The alias's folded words; each may differ by its own allowance of edits. */
  readonly words: readonly string[];
}

/**
 * Builds the catalog. `declared` are insurer names of loaded policies (shipped or uploaded); a name
 * the data does not know becomes an insurer of its own, with its name as alias.
 *
 * @example createInsurerCatalog(entries, ['Zorg en Zekerheid']).find('zorg en zekerhied tekenen wanneer??')[0].name // 'Zorg en Zekerheid'
 */
export function createInsurerCatalog(
  entries: readonly InsurerEntry[],
  declared: Iterable<string> = [],
  /** Words of the documents' own language: a single real word ("zeker") is never a typo of an alias ("Zekur"). */
  knownWord: (folded: string) => boolean = () => false,
): InsurerCatalog {
  const all = entries.map((e) => ({ name: e.name, aliases: [...e.aliases] }));
  // Folded name or alias → the first entry that has it (a hundred uploaded insurers stay cheap).
  const byFolded = new Map<string, { name: string }>();
  const index = (e: { name: string; aliases: readonly string[] }) => {
    for (const key of [e.name, ...e.aliases].map(fold)) if (!byFolded.has(key)) byFolded.set(key, e);
  };
  all.forEach(index);
  const loaded = [...new Set(declared)];
  for (const name of loaded) {
    if (byFolded.has(fold(name))) continue;
    const entry = { name, aliases: [name] };
    all.push(entry);
    index(entry);
  }
  const loadedSet = new Set(loaded.map((n) => byFolded.get(fold(n))?.name ?? n));
  const exact = new TermMatcher(all.map((e) => [e.name, [e.name, ...e.aliases]] as const));
  const fuzzy: FuzzyAlias[] = all
    .flatMap((e) => [e.name, ...e.aliases].map((a) => ({ name: e.name, words: tokenize(a).map((t) => t.folded) })))
    .filter((a) => a.words.some((w) => allowedEdits(w.length) > 0));
  // A typo never starts a word, so only aliases whose first word starts with a token's first letter can match there.
  const byFirstLetter = new Map<string, FuzzyAlias[]>();
  for (const alias of fuzzy) {
    const letter = alias.words[0]?.[0] ?? '';
    const list = byFirstLetter.get(letter);
    if (list) list.push(alias);
    else byFirstLetter.set(letter, [alias]);
  }

  // Word by word: short words ("en", "de", "dsw") must match exactly, a long one may have a typo,
  // and a typo never starts the word. A single real word of the documents ("zeker") is no typo.
  const fuzzyAt = (tokens: readonly Token[], i: number): { alias: FuzzyAlias; length: number } | undefined => {
    let best: { alias: FuzzyAlias; length: number; d: number } | undefined;
    for (const alias of byFirstLetter.get(tokens[i]?.folded[0] ?? '') ?? []) {
      const n = alias.words.length;
      if (i + n > tokens.length) continue;
      let total = 0;
      for (let k = 0; k < n && total >= 0; k++) {
        const want = alias.words[k] ?? '';
        const got = tokens[i + k]?.folded ?? '';
        if (got === want) continue;
        const allowed = allowedEdits(want.length);
        if (allowed === 0 || got[0] !== want[0] || Math.abs(got.length - want.length) > allowed) total = -1;
        else {
          const d = distance(got, want);
          // Asked only for a real near miss: building the vocabulary costs more than the distances.
          total = d <= allowed && !knownWord(got) ? total + d : -1;
        }
      }
      if (total > 0 && (!best || total < best.d)) best = { alias, length: n, d: total };
    }
    return best;
  };

  const find = (text: string | readonly Token[]): InsurerMention[] => {
    const source = typeof text === 'string' ? text : undefined;
    const tokens = typeof text === 'string' ? tokenize(text) : text;
    const found: InsurerMention[] = [];
    const add = (name: string, start: number, end: number, fuzzyMatch: boolean) => {
      if (found.some((f) => f.name === name)) return;
      const matched = source ? source.slice(start, end) : tokens.filter((t) => t.start >= start && t.end <= end).map((t) => t.text).join(' ');
      found.push({ name, loaded: loadedSet.has(name), matched, index: start, fuzzy: fuzzyMatch });
    };
    const exactMatches = exact.find(tokens);
    const covered = new Set<number>();
    for (const m of exactMatches) for (let k = m.token; k < m.token + m.length; k++) covered.add(k);
    const events: { index: number; name: string; start: number; end: number; fuzzy: boolean }[] = exactMatches.map((m) => ({ index: m.token, name: m.value, start: m.start, end: m.end, fuzzy: false }));
    for (let i = 0; i < tokens.length; i++) {
      if (covered.has(i)) continue;
      const hit = fuzzyAt(tokens, i);
      if (!hit) continue;
      let overlaps = false;
      for (let k = i; k < i + hit.length; k++) overlaps ||= covered.has(k);
      if (overlaps) continue;
      for (let k = i; k < i + hit.length; k++) covered.add(k);
      events.push({ index: i, name: hit.alias.name, start: tokens[i]?.start ?? 0, end: tokens[i + hit.length - 1]?.end ?? 0, fuzzy: true });
      i += hit.length - 1;
    }
    events.sort((a, b) => a.index - b.index);
    for (const e of events) add(e.name, e.start, e.end, e.fuzzy);
    return found;
  };

  return {
    names: all.map((e) => e.name),
    loaded: [...loadedSet],
    find,
    canonical(nameOrAlias) {
      // The whole text must be one name: "VGZ\r\nX-Injected: 1" names no insurer.
      const tokens = tokenize(nameOrAlias.trim());
      const mentions = find(tokens);
      const mention = mentions[0];
      if (mentions.length !== 1 || !mention) return undefined;
      const words = tokenize(mention.matched).length;
      return words === tokens.length && mention.index === tokens[0]?.start ? mention.name : undefined;
    },
  };
}

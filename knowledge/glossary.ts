import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fold } from './fold.js';
import { knowledgePath } from './paths.js';
import { readValidated, type ValidatedMode } from './validated-data.js';

const terms = z.array(z.string().trim().min(1).max(100)).min(1);
const entrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('translation'), en: terms, nl: terms }).strict(),
  z.object({ kind: z.literal('synonym'), nl: terms.min(2) }).strict(),
  z.object({ kind: z.literal('abbreviation'), short: terms, long: terms }).strict(),
]);
const glossarySchema = z.object({ note: z.string().optional(), entries: z.array(entrySchema) }).strict();

/** One glossary entry: English → Dutch, Dutch synonyms, or abbreviation ↔ long form. */
export type GlossaryEntry = z.infer<typeof entrySchema>;

/** A glossary file (shipped or the user's) failed to read or validate; the message says where and why. */
export class GlossaryError extends Error {
  readonly code = 'GLOSSARY_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'GlossaryError';
  }
}

/** What a query matched in the glossary: the words found, and the terms they add to the search. */
export interface GlossaryMatch {
  readonly matched: string;
  readonly index: number;
  readonly length: number;
  readonly expansions: readonly string[];
  /** Translations replace a word that is not in the (Dutch) documents; synonyms only widen the search. */
  readonly kind: GlossaryEntry['kind'];
}

interface Trigger {
  /** The term as tokens: folded, or as written for all-capital abbreviations ("ZIN", "FACT", "EPA"). */
  readonly tokens: readonly string[];
  readonly caseSensitive: boolean;
  readonly expansions: readonly string[];
  readonly kind: GlossaryEntry['kind'];
}

// Words, keeping inner joiners: "Z&Z", "POH-GGZ", "e-health", "a.s.r".
const TOKEN = /[\p{L}\p{N}]+(?:[&'’.\-/][\p{L}\p{N}]+)*/gu;

interface Token {
  readonly text: string;
  readonly folded: string;
  readonly start: number;
  readonly end: number;
}

function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], folded: fold(m[0]), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

/** A loaded glossary, compiled for matching. */
export interface Glossary {
  readonly entries: readonly GlossaryEntry[];
  /** Triggers by their first token (folded), for matching in one pass over a text's words. */
  readonly triggers: ReadonlyMap<string, readonly Trigger[]>;
}

/** Validates parsed JSON as a glossary; `source` names the file in the error. */
export function parseGlossary(json: unknown, source: string): GlossaryEntry[] {
  const parsed = glossarySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new GlossaryError(`Glossary ${source} is invalid${where}: ${issue?.message ?? 'unknown problem'}.`);
  }
  return parsed.data.entries;
}

function readGlossaryText(path: string, source: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new GlossaryError(`Glossary ${source} cannot be read (${code}).`);
  }
}

function parseGlossaryText(text: string, source: string): GlossaryEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new GlossaryError(`Glossary ${source} is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`);
  }
  return parseGlossary(json, source);
}

function readGlossaryFile(path: string, source: string): GlossaryEntry[] {
  return parseGlossaryText(readGlossaryText(path, source), source);
}

function keyOf(entry: GlossaryEntry): string {
  switch (entry.kind) {
    case 'translation':
      return `translation:${fold(entry.en[0] ?? '')}`;
    case 'synonym':
      return `synonym:${fold(entry.nl[0] ?? '')}`;
    case 'abbreviation':
      return `abbreviation:${fold(entry.short[0] ?? '')}`;
  }
}

/** User entries replace shipped entries with the same kind and first term; others are added. */
export function mergeGlossaries(shipped: readonly GlossaryEntry[], extra: readonly GlossaryEntry[]): GlossaryEntry[] {
  const merged = new Map(shipped.map((e) => [keyOf(e), e] as const));
  for (const e of extra) merged.set(keyOf(e), e);
  return [...merged.values()];
}

function compile(entries: readonly GlossaryEntry[]): Map<string, Trigger[]> {
  const triggers = new Map<string, Trigger[]>();
  const add = (term: string, expansions: readonly string[], kind: GlossaryEntry['kind'], allowCase: boolean) => {
    const caseSensitive = allowCase && [...term].filter((c) => c !== c.toLowerCase()).length >= 2 && term === term.toUpperCase();
    const tokens = tokenize(term).map((t) => (caseSensitive ? t.text : t.folded));
    const first = tokens[0];
    if (!first) return;
    const key = fold(first);
    const list = triggers.get(key) ?? [];
    list.push({ tokens, caseSensitive, expansions, kind });
    triggers.set(key, list);
  };
  for (const entry of entries) {
    switch (entry.kind) {
      case 'translation':
        for (const t of entry.en) add(t, entry.nl, entry.kind, false);
        break;
      case 'synonym':
        for (const t of entry.nl) add(t, entry.nl.filter((o) => o !== t), entry.kind, false);
        break;
      case 'abbreviation': {
        const all = [...entry.short, ...entry.long];
        for (const t of entry.short) add(t, all.filter((o) => o !== t), entry.kind, true);
        for (const t of entry.long) add(t, all.filter((o) => o !== t), entry.kind, false);
        break;
      }
    }
  }
  return triggers;
}

/**
 * The shipped glossary (`knowledge/data/glossary.json`) merged with an optional user file of the
 * same shape (the path comes from CONTRACTBOT_GLOSSARY via the configuration).
 * Throws {@link GlossaryError} with a clear message when a file is missing or invalid.
 */
export function loadGlossary(extraPath?: string, validated: ValidatedMode = 'use'): Glossary {
  const source = 'knowledge/data/glossary.json';
  // The shipped glossary is validated once per build (see readValidated); an extra one on every load.
  const shipped = readValidated('glossary.json', knowledgePath('data', 'glossary.json'), (text) => parseGlossaryText(text, source), validated, (path) => readGlossaryText(path, source));
  const entries = extraPath ? mergeGlossaries(shipped, readGlossaryFile(extraPath, `${extraPath} (CONTRACTBOT_GLOSSARY)`)) : shipped;
  return { entries, triggers: compile(entries) };
}

/** Builds a glossary from entries (tests, tools). */
export function glossaryFrom(entries: readonly GlossaryEntry[]): Glossary {
  return { entries, triggers: compile(entries) };
}

/**
 * Glossary terms found in a text (whole words/phrases, case and accents ignored except for
 * all-capital abbreviations), with the terms each adds. Overlapping matches are all returned.
 *
 * @example glossaryMatches(g, 'When must I sign?') // → [{ matched: 'sign', expansions: ['ondertekenen', …], kind: 'translation' }]
 */
export function glossaryMatches(glossary: Glossary, text: string): GlossaryMatch[] {
  const tokens = tokenize(text);
  const matches: GlossaryMatch[] = [];
  tokens.forEach((token, i) => {
    for (const trigger of glossary.triggers.get(token.folded) ?? []) {
      const ok = trigger.tokens.every((t, k) => {
        const candidate = tokens[i + k];
        return candidate !== undefined && (trigger.caseSensitive ? candidate.text === t : candidate.folded === t);
      });
      if (!ok) continue;
      const last = tokens[i + trigger.tokens.length - 1] ?? token;
      matches.push({
        matched: text.slice(token.start, last.end),
        index: token.start,
        length: last.end - token.start,
        expansions: trigger.expansions,
        kind: trigger.kind,
      });
    }
  });
  return matches.sort((a, b) => a.index - b.index || b.length - a.length);
}

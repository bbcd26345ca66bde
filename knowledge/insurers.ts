import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { loadDocuments } from './documents.js';
import { escapeRegExp, fold } from './fold.js';
import { knowledgePath } from './paths.js';

const insurersSchema = z.object({
  note: z.string(),
  insurers: z.array(z.object({ name: z.string().min(1), aliases: z.array(z.string().min(1)).min(1) })).min(1),
});

export interface InsurerMention {
  /** Canonical name, e.g. "Zorg en Zekerheid". */
  readonly name: string;
  /** True when a purchasing policy of this insurer is in the knowledge documents. */
  readonly loaded: boolean;
  /** The text that matched, as the user wrote it. */
  readonly matched: string;
  readonly index: number;
}

interface CompiledInsurers {
  readonly names: readonly string[];
  /** Folded alias → canonical name. */
  readonly byAlias: ReadonlyMap<string, string>;
  /** One alternation of every alias, longest first, on word boundaries (compiled once: fast). */
  readonly pattern: RegExp;
}

let compiled: CompiledInsurers | undefined;

function insurers(): CompiledInsurers {
  if (compiled) return compiled;
  const data = insurersSchema.parse(JSON.parse(readFileSync(knowledgePath('data', 'insurers.json'), 'utf8')));
  const byAlias = new Map<string, string>();
  for (const i of data.insurers) for (const a of [i.name, ...i.aliases]) byAlias.set(fold(a), i.name);
  const alternation = [...byAlias.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  compiled = {
    names: data.insurers.map((i) => i.name),
    byAlias,
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, 'gu'),
  };
  return compiled;
}

/** Canonical names of the insurers whose policy documents are loaded. */
export function loadedInsurers(): string[] {
  return [...new Set(loadDocuments().flatMap((d) => (d.insurer ? [d.insurer] : [])))];
}

/** Every insurer the bot recognises (loaded or not), canonical names. */
export function knownInsurers(): string[] {
  return [...insurers().names];
}

/**
 * Finds the insurers named in a text, in order of appearance, each once.
 * @example findInsurers("wanneer tekenen bij Z&Z?") → [{ name: "Zorg en Zekerheid", loaded: true, … }]
 */
export function findInsurers(text: string): InsurerMention[] {
  const folded = fold(text);
  const { byAlias, pattern } = insurers();
  const loaded = new Set(loadedInsurers());
  const found: InsurerMention[] = [];
  for (const m of folded.matchAll(pattern)) {
    const name = byAlias.get(m[0]);
    if (!name || found.some((f) => f.name === name)) continue;
    found.push({ name, loaded: loaded.has(name), matched: text.slice(m.index, m.index + m[0].length), index: m.index });
  }
  return found;
}

/** Resolves one user-supplied insurer name or alias to its canonical name, or undefined. */
export function canonicalInsurer(nameOrAlias: string): string | undefined {
  return insurers().byAlias.get(fold(nameOrAlias.trim()));
}

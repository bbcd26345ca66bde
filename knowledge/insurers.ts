import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { loadDocuments } from './documents.js';
import { fold, wordPattern } from './fold.js';
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

interface CompiledInsurer {
  readonly name: string;
  readonly patterns: readonly RegExp[];
}

let compiled: readonly CompiledInsurer[] | undefined;

function insurers(): readonly CompiledInsurer[] {
  if (compiled) return compiled;
  const data = insurersSchema.parse(JSON.parse(readFileSync(knowledgePath('data', 'insurers.json'), 'utf8')));
  compiled = data.insurers.map((i) => ({
    name: i.name,
    // Longest aliases first so "Coöperatie VGZ" wins over "VGZ".
    patterns: [...i.aliases].sort((a, b) => b.length - a.length).map((a) => wordPattern(a, 'gu')),
  }));
  return compiled;
}

/** Canonical names of the insurers whose policy documents are loaded. */
export function loadedInsurers(): string[] {
  return [...new Set(loadDocuments().flatMap((d) => (d.insurer ? [d.insurer] : [])))];
}

/** Every insurer the bot recognises (loaded or not), canonical names. */
export function knownInsurers(): string[] {
  return insurers().map((i) => i.name);
}

/**
 * Finds the insurers named in a text, in order of appearance, each once.
 * @example findInsurers("wanneer tekenen bij Z&Z?") → [{ name: "Zorg en Zekerheid", loaded: true, … }]
 */
export function findInsurers(text: string): InsurerMention[] {
  const folded = fold(text);
  const loaded = new Set(loadedInsurers());
  const found: InsurerMention[] = [];
  for (const insurer of insurers()) {
    let best: { index: number; length: number } | undefined;
    for (const pattern of insurer.patterns) {
      pattern.lastIndex = 0;
      const m = pattern.exec(folded);
      if (m && (!best || m.index < best.index)) best = { index: m.index, length: m[0].length };
    }
    if (best) {
      found.push({
        name: insurer.name,
        loaded: loaded.has(insurer.name),
        matched: text.slice(best.index, best.index + best.length),
        index: best.index,
      });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Resolves one user-supplied insurer name or alias to its canonical name, or undefined. */
export function canonicalInsurer(nameOrAlias: string): string | undefined {
  const target = fold(nameOrAlias.trim());
  for (const insurer of insurers()) {
    for (const pattern of insurer.patterns) {
      pattern.lastIndex = 0;
      const m = pattern.exec(target);
      if (m && m[0].length === target.length) return insurer.name;
    }
  }
  return undefined;
}

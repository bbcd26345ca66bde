import { z } from 'zod';
import { TermMatcher, tokenize, type Token } from './term-matcher.js';

const sectorIdSchema = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/);

/** True for a well-formed sector id (lower case, digits, hyphens), e.g. a new sector a document declares. */
export function isSectorId(text: string): boolean {
  return sectorIdSchema.safeParse(text).success;
}

export const sectorEntrySchema = z.object({
  id: sectorIdSchema,
  name: z.object({ nl: z.string().min(1), en: z.string().min(1) }),
  terms: z.array(z.string().min(1)).min(1),
});
export const sectorsFileSchema = z.object({ note: z.string(), sectors: z.array(sectorEntrySchema).min(1) });

export type SectorEntry = z.infer<typeof sectorEntrySchema>;

/** The care sectors the bot knows (data), extended with any sector an uploaded document declares. */
export interface SectorCatalog {
  readonly ids: readonly string[];
  /** Sector ids named in a text, in order of appearance. */
  find(text: string | readonly Token[]): string[];
  /** The id for a user-given name or id ("GGZ", "huisartsen", "wijkverpleging"), or undefined. */
  canonical(nameOrId: string): string | undefined;
  /** The display name of a sector in a language (the id itself for a sector only a document declared). */
  name(id: string, language: 'nl' | 'en'): string;
}

/**
 * Builds the sector catalog from the shipped entries plus sector ids that documents declare.
 * @example createSectorCatalog(entries, ['wijkverpleging']).find('wanneer tekenen voor huisartsen?') // ['huisartsenzorg']
 */
export function createSectorCatalog(entries: readonly SectorEntry[], declared: Iterable<string> = []): SectorCatalog {
  const all = [...entries];
  for (const id of declared) if (!all.some((e) => e.id === id)) all.push({ id, name: { nl: id, en: id }, terms: [id, id.replace(/-/g, ' ')] });
  const matcher = new TermMatcher(all.map((e) => [e.id, [e.id, ...e.terms]] as const));
  return {
    ids: all.map((e) => e.id),
    find: (text) => matcher.values(text),
    canonical(nameOrId) {
      const tokens = tokenize(nameOrId.trim());
      const found = matcher.find(tokens);
      // The whole text must be one sector name.
      if (found.length === 1 && found[0] && found[0].token === 0 && found[0].length === tokens.length) return found[0].value;
      return all.find((e) => e.id === nameOrId.trim().toLowerCase())?.id;
    },
    name: (id, language) => all.find((e) => e.id === id)?.name[language] ?? id,
  };
}

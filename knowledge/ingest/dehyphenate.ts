import { fold } from '../fold.js';

// "oplo-\npende", also across blank lines and with stray spaces after the hyphen.
const LINE_END_HYPHEN = /(\p{L}+)-[ \t]*\n(?:[ \t]*\n)*[ \t]*(?=(\p{L}[\p{L}/]*))/gu;
// Justified layouts sometimes leave a space before the hyphen: "zorgver -\n zekeraars".
const SPACED_HYPHEN = /(\p{Ll}+) -[ \t]*\n(?:[ \t]*\n)*[ \t]*(?=(\p{Ll}+))/gu;
// A hyphen that ends the first half of a suspended compound: "minimum- en kwaliteitseisen".
const CONJUNCTION = /^(?:en|of|tot|noch|en\/of)$/;

/** Words of a text (folded), to check whether a rejoined word really occurs elsewhere. */
function vocabulary(text: string): Set<string> {
  return new Set(fold(text).match(/\p{L}+/gu) ?? []);
}

/**
 * Left halves that form real hyphenated compounds in-line: "ggz" of "ggz-aanbieders" and
 * "ggz-problematiek" (two different compounds), or short ones such as "e" (e-health), "to".
 */
function compoundHeads(text: string): Set<string> {
  const compounds = new Map<string, Set<string>>();
  for (const [compound] of fold(text).matchAll(/\p{L}+(?:-\p{L}+)+/gu)) {
    const parts = compound.split('-');
    for (let i = 0; i + 1 < parts.length; i++) {
      const head = parts[i] ?? '';
      const tails = compounds.get(head) ?? new Set<string>();
      tails.add(parts[i + 1] ?? '');
      compounds.set(head, tails);
    }
  }
  return new Set([...compounds].filter(([head, tails]) => tails.size >= 2 || head.length <= 2).map(([head]) => head));
}

/**
 * Rejoins words split across line breaks by PDF extraction while keeping real hyphens.
 *
 * - `oplo-\npende` → `oplopende` (soft hyphenation: the default for lower-case halves);
 * - `ggz-\naanbieder` → `ggz-aanbieder` when `ggz-…` compounds occur in-line in the same text,
 *   or the left half is an abbreviation (`GGZ-\nbehandeling`) or ends in a digit;
 * - `minimum- \nen kwaliteitseisen` → `minimum- en kwaliteitseisen` (suspended compound);
 * - `Universiteits-\nKliniek` → `Universiteits-Kliniek` (capital after the hyphen);
 * - `zorgver -\n zekeraars` → `zorgverzekeraars` only when that word occurs elsewhere.
 *
 * The line break disappears with the hyphen, so the two lines become one.
 */
export function dehyphenate(text: string): string {
  const words = vocabulary(text);
  const heads = compoundHeads(text);
  const rejoined = text.replace(LINE_END_HYPHEN, (_match, left: string, right: string) => {
    if (CONJUNCTION.test(right)) return `${left}- `;
    if (/^\p{Lu}/u.test(right)) return `${left}-`;
    const isAbbreviation = /\p{Lu}.*\p{Lu}/u.test(left) || /\d$/.test(left);
    if (isAbbreviation) return `${left}-`;
    const firstPart = right.split('/')[0] ?? right;
    if (words.has(fold(left + firstPart))) return left;
    if (heads.has(fold(left))) return `${left}-`;
    return left;
  });
  return rejoined.replace(SPACED_HYPHEN, (match, left: string, right: string) =>
    words.has(fold(left + right)) ? left : match,
  );
}

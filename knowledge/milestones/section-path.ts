import type { Section } from '../cleaned-documents.js';

/**
 * The heading path at an offset of a cleaned document ([] before the first heading), outermost
 * first; milestones and rules cite it joined with " › ".
 *
 * @example sectionPath(doc.sections, offsetOf('Planning')) // → ['6 Hoe ziet het contracteerproces eruit?', '6.3 Planning']
 */
export function sectionPath(sections: readonly Section[], offset: number): readonly string[] {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sections[mid]?.start ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return sections[lo]?.path ?? [];
}

import type { CleanedDocument } from '../cleaned-documents.js';
import { sentenceSpans, type Span } from './sentences.js';

/** A retrievable piece of a knowledge document: `text === cleanedDocument(documentId).text.slice(start, end)`. */
export interface Passage {
  readonly id: string;
  readonly documentId: string;
  readonly sectionPath: string[];
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Passage size in characters: aim for the target, never above the maximum unless one unit is longer. */
const PASSAGE_TARGET_CHARS = 550;
export const PASSAGE_MAX_CHARS = 900;
const PASSAGE_MIN_CHARS = 160;

interface Unit extends Span {
  /** The unit ends a lead-in ("… de volgende eisen:") that belongs with what follows. */
  readonly leadIn: boolean;
}

/**
 * Units that a passage boundary may fall between: whole list items, and paragraphs — split into
 * sentences only when a paragraph is longer than a passage may be. A boundary therefore never cuts
 * a sentence or a list item.
 */
function unitsOf(doc: CleanedDocument, from: number, to: number): Unit[] {
  const units: Unit[] = [];
  for (const { block, start, end } of doc.blocks) {
    if (start < from || end > to || block.kind === 'heading' || block.kind === 'title') continue;
    const pieces: Span[] =
      block.kind === 'paragraph' && end - start > PASSAGE_MAX_CHARS ? sentenceSpans(doc.text.slice(start, end), start) : [{ start, end }];
    for (const piece of pieces) units.push({ ...piece, leadIn: /:$/.test(doc.text.slice(piece.start, piece.end)) });
  }
  return units;
}

/**
 * Cuts a cleaned document into passages of readable size (about {@link PASSAGE_TARGET_CHARS}
 * characters), section by section: a passage never spans two sections, never cuts a sentence or
 * a list item, keeps a lead-in sentence ending in ":" with what follows, and knows its section
 * path and offsets. Headings are not part of passage text; they are the section path.
 */
export function buildPassages(doc: CleanedDocument): Passage[] {
  const passages: Passage[] = [];
  for (const section of doc.sections) {
    const units = unitsOf(doc, section.start, section.end);
    const groups: Unit[][] = [];
    let group: Unit[] = [];
    const size = (g: readonly Unit[]) => (g.length === 0 ? 0 : (g[g.length - 1]?.end ?? 0) - (g[0]?.start ?? 0));
    for (const unit of units) {
      const last = group[group.length - 1];
      const grown = group.length === 0 ? unit.end - unit.start : unit.end - (group[0]?.start ?? 0);
      const full = size(group) >= PASSAGE_TARGET_CHARS || grown > PASSAGE_MAX_CHARS;
      if (group.length > 0 && full && !(last?.leadIn && grown <= PASSAGE_MAX_CHARS * 1.5)) {
        groups.push(group);
        group = [];
      }
      group.push(unit);
    }
    if (group.length > 0) {
      // A short tail joins the previous passage of the section when that stays readable.
      const previous = groups[groups.length - 1];
      if (previous && size(group) < PASSAGE_MIN_CHARS && (group[group.length - 1]?.end ?? 0) - (previous[0]?.start ?? 0) <= PASSAGE_MAX_CHARS * 1.2) {
        previous.push(...group);
      } else {
        groups.push(group);
      }
    }
    for (const g of groups) {
      const start = g[0]?.start ?? 0;
      const end = g[g.length - 1]?.end ?? start;
      passages.push({
        id: `${doc.documentId}#${passages.length + 1}`,
        documentId: doc.documentId,
        sectionPath: [...section.path],
        start,
        end,
        text: doc.text.slice(start, end),
      });
    }
  }
  return passages;
}

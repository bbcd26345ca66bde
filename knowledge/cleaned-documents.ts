import { withoutBullet } from './ingest/bullets.js';
import { renderBlocks, type PlacedBlock } from './ingest/render-blocks.js';
import { textBlocks, type TextBlock } from './ingest/text-blocks.js';

/** A section of a cleaned document: its heading path and the character range it covers. */
export interface Section {
  /** Outermost heading first, e.g. ["5 Hoe komt u …?", "5.1 Minimum- en kwaliteitseisen", "Nieuwe GGZ-instellingen"]. */
  readonly path: string[];
  /** Offset of the section's heading (or 0 for text before the first heading). */
  readonly start: number;
  /** Offset where the next section starts, or the text length. */
  readonly end: number;
}

/** A knowledge document after cleaning, with its sections. Offsets index into `text`. */
export interface CleanedDocument {
  readonly documentId: string;
  readonly text: string;
  /** Consecutive, non-overlapping, covering the whole text, in text order. */
  readonly sections: Section[];
  /** The blocks (paragraphs, list items, headings) with their offsets; passages are built from them. */
  readonly blocks: readonly PlacedBlock[];
}

/**
 * Cleans raw extracted text (see `cleanText`) and finds its sections: the one ingest path of every
 * document, shipped or uploaded.
 */
export function buildCleanedDocument(documentId: string, raw: string): CleanedDocument {
  const { text, placed } = renderBlocks(textBlocks(raw));
  return { documentId, text, sections: sectionsOf(placed, text.length), blocks: placed };
}

/** What answers need of a cleaned document: its text and sections (the blocks only serve building passages). */
export type DocumentText = Pick<CleanedDocument, 'documentId' | 'text' | 'sections'>;

/**
 * The heading path at a character offset of a cleaned document ([] before the first heading).
 *
 * @example sectionPathIn(zz, offsetOf('WTZa')) // → ['5 Hoe komt u …?', '5.1 Minimum- en kwaliteitseisen', 'Nieuwe GGZ-instellingen']
 */
export function sectionPathIn(doc: Pick<CleanedDocument, 'sections'>, offset: number): string[] {
  const { sections } = doc;
  let lo = 0;
  let hi = sections.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sections[mid]?.start ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return [...(sections[lo]?.path ?? [])];
}

interface OpenHeading {
  readonly level: number;
  readonly label: string;
  readonly structural: boolean;
  readonly lettered: boolean;
  readonly bullet: boolean;
}

function headingLabel(block: TextBlock): string {
  const text = withoutBullet(block.text).trimEnd();
  return (text.endsWith(':') ? text.slice(0, -1) : text).trim();
}

/** Nesting level of a heading given the open headings: numbering depth, appendices at the top. */
function levelOf(block: TextBlock, stack: readonly OpenHeading[]): number {
  // Lettered headings ("C: Contracteerfase") and plain titles are siblings one level below the
  // innermost numbered heading or appendix.
  const structuralDepth = [...stack].reverse().find((h) => h.structural && !h.lettered)?.level ?? 0;
  if (block.kind === 'heading') {
    switch (block.heading.kind) {
      case 'numbered':
        return block.heading.number.length;
      case 'appendix':
        return 1;
      case 'lettered':
        return structuralDepth + 1;
    }
  }
  if (block.kind === 'title' && block.bullet) {
    const top = stack[stack.length - 1];
    return top && !top.bullet && top.level > structuralDepth ? top.level + 1 : structuralDepth + 1;
  }
  return structuralDepth + 1;
}

function sectionsOf(placed: readonly PlacedBlock[], length: number): Section[] {
  const sections: Section[] = [];
  const stack: OpenHeading[] = [];
  let start = 0;
  let path: string[] = [];
  for (const { block, start: offset } of placed) {
    if (block.kind !== 'heading' && block.kind !== 'title') continue;
    if (offset > start) sections.push({ path, start, end: offset });
    const level = levelOf(block, stack);
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= level) stack.pop();
    stack.push({
      level,
      label: headingLabel(block),
      structural: block.kind === 'heading',
      lettered: block.kind === 'heading' && block.heading.kind === 'lettered',
      bullet: block.kind === 'title' && block.bullet,
    });
    path = stack.map((h) => h.label);
    start = offset;
  }
  sections.push({ path, start, end: length });
  return sections;
}

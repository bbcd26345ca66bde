/** The part of a pdf.js text item that line assembly needs (`TextItem` of pdfjs-dist). */
export interface PdfTextItem {
  readonly str: string;
  /** [a, b, c, d, x, y]: the text matrix; x, y is the baseline origin in PDF units (y grows upwards). */
  readonly transform: readonly number[];
  readonly width: number;
  readonly hasEOL: boolean;
}

interface Line {
  y: number;
  size: number;
  parts: { x: number; end: number; str: string }[];
}

/** A horizontal gap wider than this many font sizes separates table columns. */
const COLUMN_GAP = 1.5;
/** A vertical step larger than this many font sizes (or any step upwards) ends a block. */
const BLOCK_GAP = 1.75;
/** The top and bottom share of a page where running headers and footers sit. */
const MARGIN = 0.08;

function fontSize(t: readonly number[]): number {
  const size = Math.hypot(t[2] ?? 0, t[3] ?? 0);
  return size > 0 ? size : Math.abs(t[3] ?? 0) || 10;
}

/**
 * The text of a line, its cells joined by one space; `cells` holds the parts between gaps wider
 * than {@link COLUMN_GAP} font sizes (one cell for ordinary lines).
 */
function lineText(line: Line): { text: string; cells: string[] } {
  const parts = [...line.parts].sort((a, b) => a.x - b.x);
  const cells: string[] = [];
  let cell = '';
  let prevEnd: number | undefined;
  for (const part of parts) {
    // pdf.js fills the gap between two cells with a wide space item: it is no text.
    if (part.str.trim() === '') {
      if (!/\s$/.test(cell)) cell += ' ';
      continue;
    }
    if (prevEnd !== undefined) {
      const gap = part.x - prevEnd;
      if (gap > line.size * COLUMN_GAP && part.str.trim() !== '' && cell.trim() !== '') {
        cells.push(cell);
        cell = '';
      } else if (gap > line.size * 0.15 && !/\s$/.test(cell) && !/^\s/.test(part.str)) cell += ' ';
    }
    cell += part.str;
    prevEnd = Math.max(prevEnd ?? -Infinity, part.end);
  }
  cells.push(cell);
  const tidy = cells.map((c) => c.replace(/\s+/g, ' ').trim()).filter((c) => c !== '');
  return { text: tidy.join(' '), cells: tidy };
}

/**
 * Assembles the text items of one PDF page into lines, the way `pdftotext` (without `-layout`)
 * prints them: items on one baseline form a line (left to right, a space where the gap is wider
 * than a letter), lines follow the content-stream order (which keeps columns apart), and a blank
 * line separates blocks: a larger vertical step, a jump upwards (next column), a change of font
 * size (headings), and every table row (a line with a gap wider than {@link COLUMN_GAP} font sizes
 * stands on its own, like pdftotext's cells). In the top and bottom {@link MARGIN} of a page of
 * `pageHeight` the cells of a line go on separate lines (a running title beside a page number).
 * Vertical and empty items are skipped.
 */
export function pdfPageText(items: readonly PdfTextItem[], pageHeight?: number): string {
  const lines: Line[] = [];
  let current: Line | undefined;
  for (const item of items) {
    const t = item.transform;
    const x = t[4] ?? 0;
    const y = t[5] ?? 0;
    // Rotated text (margins, stamps) is not part of the reading flow.
    if (Math.abs(t[1] ?? 0) > Math.abs(t[0] ?? 0)) continue;
    if (item.str === '') continue;
    const size = fontSize(t);
    if (!current || Math.abs(y - current.y) > Math.max(size, current.size) * 0.5) {
      current = { y, size, parts: [] };
      lines.push(current);
    } else if (item.str.trim() !== '') {
      current.size = Math.max(current.size, size);
    }
    current.parts.push({ x, end: x + item.width, str: item.str });
  }

  let out = '';
  let previous: (Line & { columns: boolean }) | undefined;
  for (const line of lines) {
    const { text: joined, cells } = lineText(line);
    if (joined === '') continue;
    const columns = cells.length > 1;
    // In the top and bottom margins the cells are running headers, footers and page numbers:
    // each on its own line, so the cleaning can recognise and drop them.
    const inMargin = pageHeight !== undefined && (line.y < pageHeight * MARGIN || line.y > pageHeight * (1 - MARGIN));
    const text = inMargin ? cells.join('\n') : joined;
    if (previous) {
      const step = previous.y - line.y;
      const newBlock =
        columns ||
        previous.columns ||
        step < 0 ||
        step > Math.max(line.size, previous.size) * BLOCK_GAP ||
        Math.abs(line.size - previous.size) > Math.min(line.size, previous.size) * 0.15;
      out += newBlock ? '\n\n' : '\n';
    }
    out += text;
    previous = { ...line, columns };
  }
  return out;
}

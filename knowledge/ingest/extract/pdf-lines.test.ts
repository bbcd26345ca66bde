import { describe, expect, it } from 'vitest';
import { pdfPageText, type PdfTextItem } from './pdf-lines.js';

/** A text item at x, y in a font of `size`, about half a size per character wide. */
function item(str: string, x: number, y: number, size = 10): PdfTextItem {
  return { str, transform: [size, 0, 0, size, x, y], width: str.length * size * 0.5, hasEOL: false };
}

describe('pdfPageText', () => {
  it('joins items on one baseline, spaces only where there is a gap, and keeps wrapped lines together', () => {
    const text = pdfPageText([item('Wij reag', 50, 700), item('eren', 90, 700), item('binnen', 115, 700.4), item('10 werkdagen.', 50, 687)]);
    expect(text).toBe('Wij reageren binnen\n10 werkdagen.');
  });

  it('puts a blank line after a larger step, a jump upwards, a font change and around table rows', () => {
    const text = pdfPageText([
      item('1 Planning', 50, 760, 14),
      item('De planning:', 50, 730),
      item('1 april 2027', 50, 700),
      item('Publicatie beleid', 200, 700),
      item('Oktober 2027', 50, 686),
      item('Aanbieden', 200, 686),
      item('Tweede kolom', 320, 760),
    ]);
    expect(text).toBe('1 Planning\n\nDe planning:\n\n1 april 2027 Publicatie beleid\n\nOktober 2027 Aanbieden\n\nTweede kolom');
  });

  it('splits the cells of header and footer lines in the page margins and skips rotated and empty items', () => {
    const rotated: PdfTextItem = { str: 'CONCEPT', transform: [0, 10, -10, 0, 20, 400], width: 40, hasEOL: false };
    const text = pdfPageText([item('Tekst', 50, 400), rotated, item('', 50, 390), item('Beleid 2027', 50, 30, 8), item(' ', 94, 30, 8), item('Pagina 2', 480, 30, 8)], 842);
    expect(text).toBe('Tekst\n\nBeleid 2027\nPagina 2');
  });
});

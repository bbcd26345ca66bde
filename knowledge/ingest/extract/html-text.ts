import { convert, type HtmlToTextOptions } from 'html-to-text';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const SKIPPED = ['nav', 'script', 'style', 'noscript', 'img', 'svg', 'iframe', 'button', 'form'];

const OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  preserveNewlines: false,
  decodeEntities: true,
  formatters: {
    // A table cell's text followed by a space, so a row reads "1 april 2027 Publicatie beleid";
    // paragraphs inside a cell (Word tables) stay on the row's line.
    tableCell(elem, walk, builder) {
      for (const child of elem.children) {
        if ('name' in child && child.name === 'p' && 'children' in child) {
          walk(child.children, builder);
          builder.addInline(' ');
        } else walk([child], builder);
      }
      builder.addInline(' ');
    },
  },
  selectors: [
    ...HEADINGS.map((selector) => ({ selector, options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 2 } })),
    ...SKIPPED.map((selector) => ({ selector, format: 'skip' })),
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'ul', options: { itemPrefix: '• ' } },
    { selector: 'table', format: 'block', options: { leadingLineBreaks: 2, trailingLineBreaks: 2 } },
    // Every row its own block, as pdftotext prints table rows.
    { selector: 'tr', format: 'block', options: { leadingLineBreaks: 2, trailingLineBreaks: 2 } },
    { selector: 'th', format: 'tableCell' },
    { selector: 'td', format: 'tableCell' },
  ],
};

/**
 * Plain text of an HTML page (or of the HTML mammoth makes from a Word file) in the raw layout the
 * cleaning reads: headings, paragraphs and table rows as blocks separated by a blank line, list
 * items one per line ("• …", "1. …"), links as their text, menus, scripts and images dropped.
 *
 * @example htmlText('<h2>Planning</h2><ul><li>Eén</li></ul>') // → 'Planning\n\n• Eén'
 */
export function htmlText(html: string): string {
  return tidyLines(convert(html, OPTIONS));
}

/** Trims every line, drops trailing blank lines and collapses runs of blank lines to one. */
export function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

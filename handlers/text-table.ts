/** Display width of a cell: code points, with line breaks flattened to spaces. */
function cellText(cell: string | undefined): string {
  return (cell ?? '').split('\n').join(' ').trim();
}

function width(text: string): number {
  return [...text].length;
}

/**
 * A table as aligned plain-text columns (terminal, fallback text, Slack's monospace layout): the
 * header, a rule of dashes, then one line per row; every column but the last padded to its widest
 * cell. Rows shorter than the header get empty cells.
 * @example textTable(['Insurer', 'Date'], [['VGZ', '1 Nov 2019']]) // "Insurer  Date\n-------  ----------\nVGZ      1 Nov 2019"
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((row) => header.map((_, i) => cellText(row[i])));
  const widths = header.map((_, i) => Math.max(...lines.map((line) => width(line[i] ?? ''))));
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - width(cell))))
      .join('  ')
      .trimEnd();
  const [head, ...body] = lines;
  return [format(head ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(format)].join('\n');
}

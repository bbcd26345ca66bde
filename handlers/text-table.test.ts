import { describe, expect, it } from 'vitest';
import { renderTerminal } from '../adapters/terminal/render-terminal.js';
import { makeReply } from './reply.js';
import { textTable } from './text-table.js';

describe('textTable', () => {
  it('aligns every column but the last to its widest cell, under a rule of dashes', () => {
    expect(textTable(['Insurer', 'Date', 'Status'], [['VGZ', 'Friday 1 November 2019', 'past'], ['Zorg en Zekerheid', '9 Nov 2023', 'past (1110 days ago)']])).toBe(
      [
        'Insurer            Date                    Status',
        '-----------------  ----------------------  --------------------',
        'VGZ                Friday 1 November 2019  past',
        'Zorg en Zekerheid  9 Nov 2023              past (1110 days ago)',
      ].join('\n'),
    );
  });

  it('counts accented letters once, flattens line breaks and fills missing cells', () => {
    const lines = textTable(['Naam', 'x'], [['Coöperatie VGZ', 'a\nb'], ['Z']]).split('\n');
    expect(lines[2]).toBe('Coöperatie VGZ  a b');
    expect(lines[3]).toBe('Z');
    expect(lines[0]?.indexOf('x')).toBe(lines[2]?.indexOf('a b'));
  });

  it('is how the terminal shows a table block', () => {
    const out = renderTerminal(makeReply('question', 'en', [{ kind: 'table', header: ['Insurer', 'Date'], rows: [['VGZ', '1 Nov 2019']] }]));
    expect(out).toContain('Insurer  Date\n-------  ----------\nVGZ      1 Nov 2019');
  });
});

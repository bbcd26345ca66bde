import { describe, expect, it } from 'vitest';
import { sentenceSpans } from './sentences.js';

const split = (text: string) => sentenceSpans(text).map((s) => text.slice(s.start, s.end));

describe('sentenceSpans', () => {
  it('splits on sentence ends followed by a capital or digit', () => {
    expect(split('Dit is één. Dit is twee! En drie? 80% volgt.')).toEqual(['Dit is één.', 'Dit is twee!', 'En drie?', '80% volgt.']);
  });

  it('does not split after abbreviations, initials or inside numbers', () => {
    expect(split('Zie bijv. Vecozo en o.a. de NZa. Op 1.5 dag t.o.v. VGZ. Klaar.')).toEqual([
      'Zie bijv. Vecozo en o.a. de NZa.',
      'Op 1.5 dag t.o.v. VGZ.',
      'Klaar.',
    ]);
  });

  it('ends a sentence at a line break and keeps closing quotes', () => {
    expect(split('“Citaat.” Daarna.\n• Punt zonder punt\n• Volgend')).toEqual(['“Citaat.”', 'Daarna.', '• Punt zonder punt', '• Volgend']);
  });

  it('applies the offset', () => {
    expect(sentenceSpans('Een. Twee.', 10)).toEqual([
      { start: 10, end: 14 },
      { start: 15, end: 20 },
    ]);
  });
});

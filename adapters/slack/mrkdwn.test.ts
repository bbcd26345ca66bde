import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, markdownToMrkdwn, mrkdwnLink, splitText, truncate } from './mrkdwn.js';

describe('mrkdwn', () => {
  it('converts headings, bullets, bold, italic and links', () => {
    expect(markdownToMrkdwn('# Planning\n- **Tekenen** vóór *9 november*\n* zie [beleid](https://zez.nl/a_b)')).toBe(
      '*Planning*\n• *Tekenen* vóór _9 november_\n• zie <https://zez.nl/a_b|beleid>',
    );
    expect(markdownToMrkdwn('5 * 3 = 15 and a*b')).toBe('5 * 3 = 15 and a*b');
  });

  it('escapes markup characters and refuses non-http links', () => {
    expect(escapeMrkdwn('<@U1> & <!here>')).toBe('&lt;@U1&gt; &amp; &lt;!here&gt;');
    expect(mrkdwnLink('javascript:alert(1)', 'x|y')).toBe('x¦y');
    expect(mrkdwnLink(null, 'Titel')).toBe('Titel');
  });

  it('truncates with a pointer without breaking entities', () => {
    expect(truncate('kort', 10)).toBe('kort');
    const cut = truncate('a '.repeat(20) + '&amp;&amp;&amp;', 45, '…');
    expect(cut.length).toBeLessThanOrEqual(45);
    expect(cut).not.toMatch(/&[a-z]*…$/);
  });

  it('splits at paragraph boundaries and keeps every character', () => {
    const text = `${'a'.repeat(60)}\n\n${'b'.repeat(60)}\n\n${'c'.repeat(30)}`;
    const parts = splitText(text, 100);
    expect(parts).toEqual(['a'.repeat(60), 'b'.repeat(60) + '\n\n' + 'c'.repeat(30)]);
    expect(splitText('x'.repeat(250), 100).map((p) => p.length)).toEqual([100, 100, 50]);
  });
});

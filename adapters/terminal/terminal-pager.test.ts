import { describe, expect, it } from 'vitest';
import { TerminalPager } from './terminal-pager.js';

describe('TerminalPager', () => {
  const long = Array.from({ length: 25 }, (_, i) => `regel ${i + 1}`).join('\n');

  it('shows a short reply whole, and then page words go to the core', () => {
    const pager = new TerminalPager(10);
    expect(pager.show('kort antwoord', 'nl')).toBe('kort antwoord');
    expect(pager.command('meer')).toBeUndefined();
  });

  it('shows a long reply a page at a time: "meer" the next page, "alles" the rest; nothing is lost', () => {
    const pager = new TerminalPager(10);
    const first = pager.show(long, 'nl');
    expect(first).toContain('regel 10');
    expect(first).not.toContain('regel 11');
    expect(first).toContain('typ "meer" voor het volgende deel of "alles" voor de rest');
    expect(pager.command('Hoe laat?')).toBeUndefined();
    const second = pager.command(' MEER ')!;
    expect(second.split('\n')[0]).toBe('regel 11');
    expect(second).toContain('deel 2/3');
    const rest = pager.command('alles')!;
    expect(rest).toContain('regel 25');
    expect(rest).not.toContain('deel 3/3');
    expect(pager.command('meer')).toBeUndefined();
    expect([first, second, rest].join('\n').match(/regel \d+/g)).toHaveLength(25);
  });

  it('keeps paragraphs whole when a blank line is near the page end, in English too', () => {
    const text = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', '', 'b1', 'b2', 'b3', 'b4'].join('\n');
    const pager = new TerminalPager(10);
    const first = pager.show(text, 'en');
    expect(first.startsWith('a1\na2\na3\na4\na5\na6\na7\n\n— part 1/2 — type "more"')).toBe(true);
    expect(pager.command('next')).toBe('b1\nb2\nb3\nb4');
  });
});

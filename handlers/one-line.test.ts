import { describe, expect, it } from 'vitest';
import { oneLine } from './one-line.js';

describe('oneLine', () => {
  it('escapes line breaks, tabs and other control characters', () => {
    expect(oneLine('VGZ\r\nX-Injected: 1')).toBe('VGZ\\r\\nX-Injected: 1');
    expect(oneLine('a\tb\u001b[31mc\u2028d')).toBe('a\\tb\\u001b[31mc\\u2028d');
  });
  it('leaves ordinary text, accents and emoji alone', () => {
    expect(oneLine('Coöperatie VGZ — 👍')).toBe('Coöperatie VGZ — 👍');
  });
});

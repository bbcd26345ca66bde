import { describe, expect, it } from 'vitest';
import { bulletLength, withoutBullet } from './bullets.js';

describe('bullets', () => {
  it('strips a leading bullet mark and the spaces after it', () => {
    expect(withoutBullet('• Tekst van het punt')).toBe('Tekst van het punt');
    expect(withoutBullet('▪   drie spaties')).toBe('drie spaties');
    expect(bulletLength('· x')).toBe(2);
  });

  it('needs a space after the mark, and takes dashes only when asked', () => {
    expect(withoutBullet('•Tekst')).toBe('•Tekst');
    expect(withoutBullet('– Tekst')).toBe('– Tekst');
    expect(withoutBullet('– Tekst', true)).toBe('Tekst');
    expect(withoutBullet('- 1 april', true)).toBe('1 april');
    expect(withoutBullet('e-health')).toBe('e-health');
    expect(bulletLength('')).toBe(0);
  });
});

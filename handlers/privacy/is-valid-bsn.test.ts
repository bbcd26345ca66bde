import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidBsn } from './is-valid-bsn.js';

describe('isValidBsn', () => {
  it('accepts numbers passing the 11-test, with or without separators', () => {
    for (const bsn of ['111222333', '123456782', '123.456.782', '1234 56 782', '111-222-333']) expect(isValidBsn(bsn)).toBe(true);
  });

  it('rejects numbers failing the 11-test, all zeros and other lengths', () => {
    for (const bsn of ['123456789', '111222334', '000000000', '12345678', '1234567820', 'abcdefghi']) expect(isValidBsn(bsn)).toBe(false);
  });

  it('changing any single digit of a valid BSN makes it invalid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const digits = '123456782'.split('').map(Number);
        digits[position] = ((digits[position] ?? 0) + delta) % 10;
        expect(isValidBsn(digits.join(''))).toBe(false);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { isValidIban } from './is-valid-iban.js';

describe('isValidIban', () => {
  it('accepts valid IBANs in paper and electronic form, any case', () => {
    for (const iban of ['NL91ABNA0417164300', 'NL91 ABNA 0417 1643 00', 'nl91abna0417164300', 'DE89 3704 0044 0532 0130 00', 'BE68 5390 0754 7034', 'GB82 WEST 1234 5698 7654 32']) {
      expect(isValidIban(iban)).toBe(true);
    }
  });

  it('rejects a wrong check, a wrong length for the country and non-IBAN text', () => {
    for (const iban of ['NL91ABNA0417164301', 'NL92ABNA0417164300', 'NL91ABNA04171643000', 'NL91ABNA041716430', 'XX00', 'hello world']) {
      expect(isValidIban(iban)).toBe(false);
    }
  });
});

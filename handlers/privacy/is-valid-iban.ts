/** IBAN lengths of the countries a Dutch provider typically meets; other countries: 15–34 characters. */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  NL: 18, BE: 16, DE: 22, LU: 20, FR: 27, GB: 22, IE: 22, ES: 24, IT: 27, AT: 20, CH: 21, DK: 18, PL: 28, PT: 25,
};

/**
 * Checks an IBAN (spaces ignored, any case): country code, check digits, the country's length
 * when known, and the ISO 13616 mod-97 check.
 * @example isValidIban('NL91 ABNA 0417 1643 00') → true; isValidIban('NL91ABNA0417164301') → false
 */
export function isValidIban(text: string): boolean {
  const iban = text.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/**
 * The "11-test" (elfproef) of a Dutch citizen service number (burgerservicenummer, BSN):
 * nine digits d1…d9 with 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11 (and not all zeros).
 * Separators are ignored; anything other than nine digits is not a BSN.
 * @example isValidBsn('111222333') → true; isValidBsn('123456789') → false
 */
export function isValidBsn(text: string): boolean {
  const digits = text.replace(/[\s.-]/g, '');
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

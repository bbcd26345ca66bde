import type { PeriodWordId } from '../knowledge/knowledge-base.js';
import type { PhraseList } from '../knowledge/vocabulary/phrase-list.js';
import type { Token } from '../knowledge/vocabulary/term-matcher.js';

/** The euro sign, which the tokenizer leaves out of words. */
const EURO_SIGN = '€';
const SEPARATORS = ['.', ','];
/** A separator followed by exactly this many digits groups thousands ("1.200.000", "1,200"); otherwise it is the decimal mark. */
const THOUSANDS = 3;

function isDigits(text: string): boolean {
  return text.length > 0 && [...text].every((c) => c >= '0' && c <= '9');
}

/** Digits with '.' or ',' between groups ("1.200", "250"), as one token or split at a comma. */
function isNumeral(text: string): boolean {
  let group = '';
  for (const c of text) {
    if (SEPARATORS.includes(c)) {
      if (!isDigits(group)) return false;
      group = '';
    } else group += c;
  }
  return isDigits(group);
}

/** "1.200.000" → 1200000, "1.200,50" → 1200.5, "2,5" → 2.5: a separator before exactly three digits groups thousands, any other is the decimal mark. */
function numeralValue(text: string): number {
  const groups: string[] = [''];
  for (const c of text) {
    if (SEPARATORS.includes(c)) groups.push('');
    else groups[groups.length - 1] += c;
  }
  const [head = '', ...rest] = groups;
  return Number(rest.reduce((value, group) => value + (group.length === THOUSANDS ? group : `.${group}`), head));
}

/**
 * An amount in euros in a text: a number with the € sign or a currency word right before or after
 * it ("€ 1.200.000", "250000 euro", "EUR 2,5"). Undefined when the text names none.
 *
 * @example euroAmount('plafond van € 1.200.000', tokenize('plafond van € 1.200.000'), kb.phrases.periods) // 1200000
 */
export function euroAmount(text: string, tokens: readonly Token[], words: PhraseList<PeriodWordId>): number | undefined {
  const currency = (t: Token | undefined) => t !== undefined && words.has([t], 'currency');
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i] as Token;
    // A comma splits "1,200,000" into tokens: join those written without spaces.
    let j = i;
    while (tokens[j + 1] && text.slice(tokens[j]?.end, tokens[j + 1]?.start) === ',' && isDigits(tokens[j + 1]?.folded ?? '')) j++;
    const last = tokens[j] as Token;
    const written = text.slice(first.start, last.end);
    if (!isNumeral(written)) continue;
    const before = text.slice(tokens[i - 1]?.end ?? 0, first.start).trim();
    const after = text.slice(last.end, tokens[j + 1]?.start ?? text.length).trim();
    const marked = before.endsWith(EURO_SIGN) || after.startsWith(EURO_SIGN) || (before === '' && currency(tokens[i - 1])) || (after === '' && currency(tokens[j + 1]));
    if (marked) return numeralValue(written);
    i = j;
  }
  return undefined;
}

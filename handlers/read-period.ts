import type { PeriodWordId } from '../knowledge/knowledge-base.js';
import { fold } from '../knowledge/fold.js';
import type { DurationRule } from '../knowledge/rules/relative-rule.js';
import type { PhraseList } from '../knowledge/vocabulary/phrase-list.js';
import type { Token } from '../knowledge/vocabulary/term-matcher.js';

/** An explicit period in a question: "10 werkdagen na", "3 weeks before". */
export interface ExplicitPeriod {
  readonly amount: number;
  readonly unit: DurationRule['duration']['unit'];
  readonly direction: 'after' | 'before';
  /** The unit as written, folded ("werkdagen", "working days"). */
  readonly unitWords: string;
  /** The period as written, folded ("10 werkdagen na"). */
  readonly quote: string;
}

/** Periods longer than this many digits are no periods (a year, a postcode). */
const MAX_DIGITS = 4;
const UNITS: Readonly<Partial<Record<PeriodWordId, DurationRule['duration']['unit']>>> = {
  'working-days': 'working-days',
  'working-weeks': 'working-weeks',
  days: 'days',
  weeks: 'weeks',
  months: 'months',
};

function isNumber(token: Token): boolean {
  return token.folded.length <= MAX_DIGITS && token.folded !== '' && [...token.folded].every((c) => c >= '0' && c <= '9');
}

/**
 * The first explicit period of a text: a number of at most four digits directly followed by a
 * unit word of `knowledge/data/vocabulary/periods.json`, and the direction word after it (default: after).
 *
 * @example explicitPeriod('10 werkdagen na 1 mei', tokenize('10 werkdagen na 1 mei'), kb.phrases.periods) // { amount: 10, unit: 'working-days', direction: 'after', … }
 */
export function explicitPeriod(text: string, tokens: readonly Token[], words: PhraseList<PeriodWordId>): ExplicitPeriod | undefined {
  const hits = words.find(tokens);
  for (const hit of hits) {
    const unit = UNITS[hit.id];
    const number = tokens[hit.token - 1];
    if (!unit || !number || !isNumber(number)) continue;
    const amount = Number(number.folded);
    if (amount <= 0) return undefined;
    const next = hits.find((h) => h.token === hit.token + hit.length && (h.id === 'after' || h.id === 'before'));
    return {
      amount,
      unit,
      direction: next?.id === 'before' ? 'before' : 'after',
      unitWords: fold(text.slice(hit.start, hit.end)),
      quote: fold(text.slice(number.start, (next ?? hit).end)),
    };
  }
  return undefined;
}

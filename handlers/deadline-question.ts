import { parseYmd } from '../knowledge/dates/calendar-date.js';
import { extractDates, resolveDate } from '../knowledge/dates/extract-dates.js';
import { fold } from '../knowledge/fold.js';
import { wordsOf } from '../knowledge/milestones/phrase-index.js';
import { tokenize } from '../knowledge/vocabulary/term-matcher.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { InsurerMention } from '../knowledge/vocabulary/insurer-catalog.js';
import { ACTION_IDS, type Action } from '../knowledge/milestones/actions.js';
import type { Understanding } from './understand/understanding.js';
import type { Actor } from '../knowledge/milestones/milestone.js';
import type { RuleTrigger } from '../knowledge/rules/relative-rule.js';
import { euroAmount } from './read-amount.js';
import { type ExplicitPeriod, explicitPeriod } from './read-period.js';
import type { Sector } from './types.js';

/** What a when-question or date calculation is about, as far as the words tell. */
export interface DeadlineQuestion {
  readonly insurers: readonly InsurerMention[];
  readonly sector?: Sector;
  readonly actions: readonly Action[];
  /** A contract or policy year named in the question ("GGZ 2024"), not the year of the start date. */
  readonly year?: number;
  /** The event date of a calculation ("asked on 11 May 2026"); a date without a year takes `today`'s year. */
  readonly startDate?: string;
  readonly documentIds: readonly string[];
  /** Whose deadline the user seems to ask about. */
  readonly actor?: Actor;
  /** "until when", "last day", "uiterlijk": the end of a period matters, not its start. */
  readonly wantsEnd: boolean;
  /** Events a relative rule may be counted from. */
  readonly triggers: readonly RuleTrigger[];
  /** Content words, folded, for tie-breaking between milestones. */
  readonly words: readonly string[];
  /** An explicit period ("10 werkdagen na"), for a calculation. */
  readonly period?: ExplicitPeriod;
  /** An amount in euros ("€ 1.200.000"), for a cost-ceiling share. */
  readonly amount?: number;
}

/** Contract and policy years a question may name. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2049;

function isDigits(word: string): boolean {
  return word !== '' && [...word].every((c) => c >= '0' && c <= '9');
}

/** Reads a contract year relative to today: "dit jaar" / "this year", "volgend jaar" / "next year", "vorig jaar" / "last year". */
function relativeYear(cues: ReadonlySet<string>, thisYear: number): number | undefined {
  if (cues.has('year-this')) return thisYear;
  if (cues.has('year-next')) return thisYear + 1;
  if (cues.has('year-last')) return thisYear - 1;
  return undefined;
}

const TRIGGER = 'trigger:';
const DOCUMENT = 'document:';

const STOP = new Set(
  ('de het een en van is dat die in op te met voor niet zijn er aan ook als bij of naar om wat wanneer waar hoe moet moeten mijn ik je jij u wij we kan kunnen welke wie ' +
    'the a an and of is that in on to with for not are be at or what when where how must should my i you we can which who does do did until by from this these ' +
    'have has will would could their our they them it its uiterlijk latest deadline date datum dag day zorgverzekeraar insurer ' +
    'moest moesten werd worden wordt hebben heeft had hun zijn was waren zal zullen kon konden mag mogen gaat gaan nog dan dit deze zo al ' +
    'was were been being get got any some there then than also into about after before over under andere ander other others').split(' '),
);

/**
 * Reads a when-question or a date calculation: insurer (aliases via findInsurers), sector,
 * actions, a contract year, the event date of a calculation, whose deadline and the rule triggers.
 * @example parseDeadlineQuestion('When must I sign with Z&Z?', '2026-11-23') → { insurers: [Zorg en Zekerheid], actions: ['sign'], actor: 'zorgaanbieder', … }
 */
export function parseDeadlineQuestion(text: string, today: string, knowledge: KnowledgeBase): DeadlineQuestion {
  const folded = fold(text);
  const tokens = tokenize(text);
  const cues = knowledge.phrases.deadline.mentioned(tokens);
  const when = knowledge.phrases.when.mentioned(tokens);
  const insurers = knowledge.insurers.find(tokens);
  // A sector may be the first part of a compound ("ggz-contract", "huisartsen-zorggroep").
  const sector = knowledge.sectors.find(tokens)[0] ?? knowledge.sectors.find(text.split('-').join(' '))[0];

  const dates = extractDates(text);
  const dayDate = dates.find((d) => d.start.day !== undefined);
  const resolved = dayDate ? resolveDate({ ...dayDate, relation: 'on' }, dayDate.start.year ?? parseYmd(today).year) : undefined;
  const startDate = resolved?.precision === 'day' ? resolved.date : undefined;

  // A year in the question that is not part of the start date names a contract or policy year.
  const withoutDates = dayDate ? text.slice(0, dayDate.index) + ' ' + text.slice(dayDate.index + dayDate.text.length) : text;
  const yearToken = tokenize(withoutDates).find((t) => t.folded.length === 4 && isDigits(t.folded) && Number(t.folded) >= FIRST_YEAR && Number(t.folded) <= LAST_YEAR);
  const year = yearToken ? Number(yearToken.folded) : relativeYear(knowledge.phrases.deadline.mentioned(withoutDates), parseYmd(today).year);

  const nzaActor = cues.has('nza') && !cues.has('nza-recipient');
  const actor: Actor | undefined = nzaActor
    ? 'NZa'
    : cues.has('actor-provider')
      ? 'zorgaanbieder'
      : insurers.length > 0 || cues.has('actor-insurer')
        ? 'zorgverzekeraar'
        : undefined;

  const wantsEnd = when.has('end');
  const triggers = [...cues].filter((id) => id.startsWith(TRIGGER)).map((id) => id.slice(TRIGGER.length) as RuleTrigger);

  // Content words for tie-breaking: not the insurer's name (every milestone of the pool shares
  // it) and not numbers (years and dates are scored on their own).
  let content = folded;
  for (const i of insurers) content = content.replace(fold(i.matched), ' ');
  const words = [...new Set(wordsOf(content).filter((w) => w.length > 2 && !STOP.has(w) && !isDigits(w)))];
  const period = explicitPeriod(text, tokens, knowledge.phrases.periods);
  const amount = euroAmount(text, tokens, knowledge.phrases.periods);

  // "einddatum", "end date", "ends": the end of a period is itself what is asked.
  const named = knowledge.steps.stepsIn(text);
  const actions = when.has('explicit-end') && !named.includes('end') ? [...named, 'end' as const] : named;

  return {
    insurers,
    ...(sector ? { sector } : {}),
    actions,
    ...(year !== undefined ? { year } : {}),
    ...(startDate ? { startDate } : {}),
    documentIds: [...cues].filter((id) => id.startsWith(DOCUMENT)).map((id) => id.slice(DOCUMENT.length)),
    ...(actor ? { actor } : {}),
    wantsEnd,
    triggers,
    words,
    ...(period ? { period } : {}),
    ...(amount !== undefined ? { amount } : {}),
  };
}

/**
 * The deadline view of an understanding, for the deadline and calculation answers: a plain
 * mapping of its slots (the text is not read again).
 */
export function deadlineQuestionOf(u: Understanding): DeadlineQuestion {
  return {
    insurers: u.insurers,
    ...(u.sector ? { sector: u.sector } : {}),
    actions: u.steps.filter(isAction),
    ...(u.contractYear !== undefined ? { year: u.contractYear } : {}),
    ...(u.referenceDate ? { startDate: u.referenceDate } : {}),
    documentIds: u.documents,
    ...(u.actor ? { actor: u.actor } : {}),
    wantsEnd: u.wantsEnd,
    triggers: u.triggers,
    words: u.words,
    ...(u.period ? { period: u.period } : {}),
    ...(u.amount !== undefined ? { amount: u.amount } : {}),
  };
}

function isAction(step: string): step is Action {
  return (ACTION_IDS as readonly string[]).includes(step);
}

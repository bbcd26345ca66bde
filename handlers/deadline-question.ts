import { parseYmd } from '../knowledge/dates/calendar-date.js';
import { extractDates, resolveDate } from '../knowledge/dates/extract-dates.js';
import { fold } from '../knowledge/fold.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { InsurerMention } from '../knowledge/vocabulary/insurer-catalog.js';
import { ACTION_IDS, type Action, actionsIn } from '../knowledge/milestones/actions.js';
import type { Understanding } from './understand/understanding.js';
import type { Actor } from '../knowledge/milestones/milestone.js';
import type { RuleTrigger } from '../knowledge/rules/relative-rule.js';
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
}

const SECTOR_PATTERNS: readonly [Sector, RegExp][] = [
  ['huisartsenzorg', /\b(huisarts\w*|gp|gps|general practi\w*|family doctor\w*|zorggroep\w*|care groups?|ketenzorg|gezondheidscentr\w*|health centres?|gez|eerstelijn\w*|primary care|multidisciplinair\w*|samenwerkingsverband\w*)\b/],
  ['ggz', /\b(ggz|g-gz|mental health|geestelijke gezondheidszorg|psycholo\w*|psychiat\w*|psychotherap\w*|regiebehandelaar\w*|basis ?ggz|sggz|lggz)\b/],
];

const DOCUMENT_PATTERNS: readonly [string, RegExp][] = [
  ['gcp-huisartsen-2016', /\b(good contracting practices?|gcp|gelijkwaardig contracteren|het roer gaat om|tijdslijn|timeline)\b/],
  ['nza-good-practices-ggz', /\b(good practices contractering ggz)\b/],
  ['ggz-handleiding-escalatie', /\b(handleiding escalatie|escalation (handbook|guide))\b/],
];

const EXPLICIT_END = /\b(einddatum|end date|eindigt|ends|end of)\b/;

/** "dit jaar" / "this year", "volgend jaar" / "next year", "vorig jaar" / "last year" as a calendar year. */
function relativeYear(folded: string, thisYear: number): number | undefined {
  if (/\b(dit jaar|this year|dit kalenderjaar)\b/.test(folded)) return thisYear;
  if (/\b(volgend jaar|komend jaar|next year|the coming year)\b/.test(folded)) return thisYear + 1;
  if (/\b(vorig jaar|afgelopen jaar|last year|previous year)\b/.test(folded)) return thisYear - 1;
  return undefined;
}

// In order of specificity: the first trigger found picks the rule ("reageren" is in nearly every
// calculation question, so a conflict or a complex question outranks it).
const TRIGGER_PATTERNS: readonly [RuleTrigger, RegExp][] = [
  ['complex-question', /\b(bewerkelijk\w*|complex\w*|ingewikkeld\w*|uitgebreid\w*|complicated)\b/],
  ['conflict', /\b(knelpunt\w*|conflict\w*|geschil\w*|dispute\w*|issue raised|raised (a|an) (problem|issue)|ingebracht)\b/],
  ['question', /\b(vraag|vragen|gevraagd|question\w*|asked|ask|gemaild|mailde|e-?mail\w*|emailed|inquir\w*|reactie|antwoord\w*|answer\w*|reply|respond\w*|gereageerd|reageren)\b/],
  ['problem', /\b(probleem|problemen|problem|problems)\b/],
  ['offer', /\b(aanbod|contractaanbod|contractaanbieding|aangeboden|offer|offered|portal opened|portaal geopend)\b/],
  ['authorisation', /\b(machtiging\w*|authori[sz]ation|verblijf\w* in het (tweede|derde)|second year|third year|year 2|year 3|jaar 2|jaar 3)\b/],
  ['stay-limit', /\b(1095|opgenomen|opname|admitted|admission|aanspraak|entitlement|since the stay|verblijf (begon|gestart)|stay (began|started))\b/],
  ['cost-ceiling', /\b(zorgkostenplafond|kostenplafond|plafond|ceiling|70 ?%)\b/],
  ['interim-application', /\b(tussentijds\w*|gedurende het (lopende )?(contract)?jaar|mid-?year|during the (current |running )?(contract )?year|interim)\b/],
];

const STOP = new Set(
  ('de het een en van is dat die in op te met voor niet zijn er aan ook als bij of naar om wat wanneer waar hoe moet moeten mijn ik je jij u wij we kan kunnen welke wie ' +
    'the a an and of is that in on to with for not are be at or what when where how must should my i you we can which who does do did until by from this these ' +
    'have has will would could their our they them it its uiterlijk latest deadline date datum dag day zorgverzekeraar insurer ' +
    'moest moesten werd worden wordt hebben heeft had hun zijn was waren zal zullen kon konden mag mogen gaat gaan nog dan dit deze zo al ' +
    'was were been being get got any some there then than also into about after before over under andere ander other others').split(' '),
);

const ACTOR_PROVIDER = /\b(ik|wij|we|i|my|mijn|onze|our|zorgaanbieder\w*|aanbieder\w*|provider\w*|huisarts\w*|gps?|zorggroep\w*|praktijk\w*|instelling\w*|vrijgevestigde\w*)\b/;
const ACTOR_INSURER = /\b(zorgverzekeraar\w*|verzekeraar\w*|insurer\w*)\b/;

/**
 * Reads a when-question or a date calculation: insurer (aliases via findInsurers), sector,
 * actions, a contract year, the event date of a calculation, whose deadline and the rule triggers.
 * @example parseDeadlineQuestion('When must I sign with Z&Z?', '2026-11-23') → { insurers: [Zorg en Zekerheid], actions: ['sign'], actor: 'zorgaanbieder', … }
 */
export function parseDeadlineQuestion(text: string, today: string, knowledge: KnowledgeBase): DeadlineQuestion {
  const folded = fold(text);
  const insurers = knowledge.insurers.find(text);
  const sector = SECTOR_PATTERNS.find(([, p]) => p.test(folded))?.[0];

  const dates = extractDates(text);
  const dayDate = dates.find((d) => d.start.day !== undefined);
  const resolved = dayDate ? resolveDate({ ...dayDate, relation: 'on' }, dayDate.start.year ?? parseYmd(today).year) : undefined;
  const startDate = resolved?.precision === 'day' ? resolved.date : undefined;

  // A year in the question that is not part of the start date names a contract or policy year.
  const withoutDates = dayDate ? text.slice(0, dayDate.index) + ' ' + text.slice(dayDate.index + dayDate.text.length) : text;
  const yearMatch = /\b(20[0-4]\d)\b/.exec(withoutDates);
  const year = yearMatch ? Number(yearMatch[1]) : relativeYear(fold(withoutDates), parseYmd(today).year);

  const nzaActor = /\bnza\b/.test(folded) && !/\b(bij|to|naar) de nza\b/.test(folded);
  const actor: Actor | undefined = nzaActor
    ? 'NZa'
    : ACTOR_PROVIDER.test(folded)
      ? 'zorgaanbieder'
      : insurers.length > 0 || ACTOR_INSURER.test(folded)
        ? 'zorgverzekeraar'
        : undefined;

  const wantsEnd = /\b(tot wanneer|until when|till when|uiterlijk|uiterste|laatste dag|last day|latest|deadline|by when|sluit\w*|closes?|closing|einddatum|end)\b/.test(folded);
  const triggers = TRIGGER_PATTERNS.filter(([, p]) => p.test(folded)).map(([t]) => t);

  // Content words for tie-breaking: not the insurer's name (every milestone of the pool shares
  // it) and not numbers (years and dates are scored on their own).
  let content = folded;
  for (const i of insurers) content = content.replace(fold(i.matched), ' ');
  const words = [...new Set((content.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 2 && !STOP.has(w) && !/^\d+$/.test(w)))];

  // "einddatum", "end date", "ends": the end of a period is itself what is asked.
  const named = actionsIn(text);
  const actions = EXPLICIT_END.test(folded) && !named.includes('end') ? [...named, 'end' as const] : named;

  return {
    insurers,
    ...(sector ? { sector } : {}),
    actions,
    ...(year !== undefined ? { year } : {}),
    ...(startDate ? { startDate } : {}),
    documentIds: DOCUMENT_PATTERNS.filter(([, p]) => p.test(folded)).map(([id]) => id),
    ...(actor ? { actor } : {}),
    wantsEnd,
    triggers,
    words,
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
  };
}

function isAction(step: string): step is Action {
  return (ACTION_IDS as readonly string[]).includes(step);
}

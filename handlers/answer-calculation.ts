import { amsterdamDate, daysBetween } from '../knowledge/dates/calendar-date.js';
import { addMonths, applyAnchor, applyRule, type RuleResult } from '../knowledge/rules/apply-rule.js';
import { type AnchorRule, type DurationRule, isAnchorRule, isDurationRule, isThresholdRule, type RelativeRule, type RuleTrigger, type ThresholdRule } from '../knowledge/rules/relative-rule.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { HandlerContext } from './context.js';
import { deadlineStatus } from './deadline-item.js';
import { type DeadlineQuestion, deadlineQuestionOf } from './deadline-question.js';
import type { Understanding } from './understand/understanding.js';
import { actorPhrase, statusPhrase } from './deadline-text.js';
import { dateLabel } from './format-date.js';
import type { ExplicitPeriod } from './read-period.js';
import { messages } from './messages/messages.js';
import { makeReply } from './reply.js';
import type { DeadlineItem, Language, Reply, Source } from './types.js';

/** The explicit period of the question ("10 werkdagen na", "3 weeks after") as a rule to count with. */
function explicitRule(period: ExplicitPeriod | undefined): DurationRule | undefined {
  if (!period) return undefined;
  const { amount, unit, unitWords } = period;
  return {
    id: 'explicit',
    documentId: '',
    insurer: null,
    sector: 'ggz',
    trigger: ['question'],
    strength: 'must',
    actor: 'zorgaanbieder',
    label: { nl: `${amount} ${unitWords}`, en: `${amount} ${unitWords}` },
    quote: period.quote,
    section: '',
    duration: { amount, unit },
    direction: period.direction,
  };
}

interface Choice {
  readonly primary?: RelativeRule;
  readonly others: readonly RelativeRule[];
  readonly note?: { nl: string; en: string };
}

/** Which document rule applies: the insurer's own rule for a question to that insurer, the GP rule for GP care. */
function chooseRules(kb: KnowledgeBase, question: DeadlineQuestion, rules: readonly RelativeRule[]): Choice {
  const triggers: RuleTrigger[] = question.triggers.includes('complex-question')
    ? ['complex-question', ...question.triggers.filter((t) => t !== 'complex-question')]
    : [...question.triggers];
  const insurer = question.insurers[0];
  const byTrigger = (r: RelativeRule) => triggers.some((t) => r.trigger.includes(t));
  const rank = (r: RelativeRule) => Math.min(...r.trigger.map((t) => (triggers.includes(t) ? triggers.indexOf(t) : 99)));
  const candidates = rules.filter(byTrigger).sort((a, b) => rank(a) - rank(b));
  const own = insurer?.loaded ? candidates.filter((r) => r.insurer === insurer.name) : [];
  const sectorWide = candidates.filter((r) => r.insurer === null && (!question.sector || r.sector === question.sector));
  // Companion rules of the same document: "more complex questions within 2 working weeks" next to "5 working days".
  const companions = (r: RelativeRule) =>
    rules.filter((x) => x !== r && x.documentId === r.documentId && r.trigger.includes('question') && x.trigger.includes('complex-question'));

  if (insurer && !insurer.loaded) {
    const primary = question.sector === 'huisartsenzorg' ? sectorWide[0] : undefined;
    return {
      primary,
      others: primary ? companions(primary) : sectorWide.slice(0, 2),
      note: {
        nl: `Van ${insurer.name} is geen inkoopbeleid geladen, dus ik ken geen eigen reactietermijn van ${insurer.name}.`,
        en: `No purchasing policy of ${insurer.name} is loaded, so I know no reply term of ${insurer.name} itself.`,
      },
    };
  }
  if (question.sector === 'huisartsenzorg' && sectorWide[0]) {
    const primary = sectorWide[0];
    return { primary, others: [...companions(primary), ...own] };
  }
  if (own[0]) {
    const primary = own[0];
    return { primary, others: [...companions(primary), ...sectorWide.filter((r) => r.sector !== primary.sector || !question.sector)] };
  }
  const primary = sectorWide[0];
  if (!primary) return closestRule(kb, question, candidates, companions);
  const note = insurer
    ? {
        nl: `Het beleid van ${insurer.name} noemt hiervoor geen eigen termijn; hieronder de sectorbrede regel (${kb.requireDocument(primary.documentId).title}).`,
        en: `${insurer.name}'s policy sets no term of its own for this; below is the sector-wide rule (${kb.requireDocument(primary.documentId).title}).`,
      }
    : undefined;
  return { primary, others: companions(primary), ...(note ? { note } : {}) };
}

/**
 * No rule is made for the situation asked about (GGZ without an insurer, an interim application
 * without naming the insurer): the closest rule of the documents, with a note saying whose rule it
 * is and that it is not made for this case. Never another insurer's rule when an insurer is named.
 */
function closestRule(kb: KnowledgeBase, question: DeadlineQuestion, candidates: readonly RelativeRule[], companions: (r: RelativeRule) => RelativeRule[]): Choice {
  const insurer = question.insurers[0];
  const allowed = insurer ? candidates.filter((r) => r.insurer === null) : candidates;
  const primary = allowed.find((r) => r.sector === question.sector) ?? allowed[0];
  if (!primary) return { others: [] };
  const title = kb.requireDocument(primary.documentId).title;
  const sectorNl = primary.sector === 'huisartsenzorg' ? 'huisartsenzorg' : 'ggz';
  const sectorEn = primary.sector === 'huisartsenzorg' ? 'GP care (huisartsenzorg)' : 'GGZ';
  const whose = primary.insurer
    ? { nl: `de regel van ${primary.insurer} (${title}); bij een andere verzekeraar geldt die niet`, en: `${primary.insurer}'s rule (${title}); it does not apply to other insurers` }
    : { nl: `de regel voor ${sectorNl} (${title})`, en: `the rule for ${sectorEn} (${title})` };
  const asked = insurer ? { nl: `Het beleid van ${insurer.name} noemt hiervoor geen eigen termijn`, en: `${insurer.name}'s policy sets no term of its own for this` } : { nl: 'Je noemde geen verzekeraar en de documenten noemen geen termijn die precies hiervoor geldt', en: 'You named no insurer and the documents set no term made for exactly this' };
  return {
    primary,
    others: companions(primary),
    note: {
      nl: `${asked.nl}. Ter indicatie hieronder ${whose.nl}.`,
      en: `${asked.en}. For reference, below is ${whose.en}.`,
    },
  };
}

function ruleItem(rule: DurationRule | AnchorRule, result: Pick<RuleResult, 'date'>, today: string, language: Language): DeadlineItem {
  const occurrence = { date: result.date, precision: 'day' as const };
  return {
    date: result.date,
    precision: 'day',
    label: rule.label[language],
    insurer: rule.insurer,
    documentId: rule.documentId,
    status: deadlineStatus(occurrence, today),
    daysFromNow: daysBetween(today, result.date),
    actor: rule.actor,
    quote: rule.quote,
    section: rule.section,
  };
}

function skippedText(result: RuleResult, language: Language): string {
  const m = messages(language).calculation;
  if (result.counted.unit !== 'working-days') return m.calendarDays;
  if (result.skipped.length === 0) return m.noHolidays;
  const names = result.skipped.map((s) => `${s.name[language]} (${dateLabel(s.date, 'day', language)})`).join(', ');
  return m.holidaysSkipped(names, result.skipped.length);
}

/** "Source: “…” (title, § section)". */
function sourceLine(kb: KnowledgeBase, rule: RelativeRule, language: Language): string {
  return `${messages(language).calculation.source}: “${rule.quote}” (${kb.requireDocument(rule.documentId).title}, § ${rule.section})`;
}

function thresholdText(kb: KnowledgeBase, rule: ThresholdRule, value: number | undefined, language: Language): string {
  const share = value !== undefined && Number.isFinite(value) ? Math.round((value * rule.threshold.percent) / 100) : undefined;
  const m = messages(language).calculation;
  const fmt = (n: number) => n.toLocaleString(m.locale);
  const line = `**${rule.label[language]}**${share !== undefined && value !== undefined ? m.share(rule.threshold.percent, fmt(value), fmt(share)) : '.'}`;
  return `${line}\n${sourceLine(kb, rule, language)}`;
}

/** An anchor rule worked out: "per de eerste kalenderdag van de maand van aanvragen" → the 1st of that month. */
function anchorReply(kb: KnowledgeBase, rule: AnchorRule, startDate: string, today: string, parts: string[], language: Language): Reply {
  const date = applyAnchor(rule, startDate);
  const item = ruleItem(rule, { date }, today, language);
  const how: Record<AnchorRule['anchor'], { nl: string; en: string }> = {
    'first-day-of-month': {
      nl: `de eerste kalenderdag van de maand van ${dateLabel(startDate, 'day', 'nl')}`,
      en: `the first calendar day of the month of ${dateLabel(startDate, 'day', 'en')}`,
    },
  };
  parts.push(
    [
      `**${dateLabel(date, 'day', language)}** — ${rule.label[language]}${rule.insurer ? ` (${rule.insurer})` : ''}.`,
      messages(language).calculation.anchorCounted(how[rule.anchor][language], statusPhrase(item, language), actorPhrase(rule.actor, rule.insurer, language)),
      sourceLine(kb, rule, language),
    ].join('\n'),
  );
  return makeReply('calculation', language, [
    { kind: 'text', markdown: parts.join('\n\n') },
    { kind: 'deadlines', deadlines: [item], stated: 1 },
    { kind: 'sources', sources: [kb.source(rule.documentId, rule.section, rule.quote, 1)] },
  ]);
}

/**
 * Works out a relative deadline: the event date from the question, the rule that applies (with
 * its quote), the resulting date with weekday and status, the holidays skipped, and the other
 * applicable rule when there is one.
 */
export function answerCalculation(understanding: Understanding, context: HandlerContext): Reply {
  const kb = context.knowledge;
  const { language } = understanding;
  const today = amsterdamDate(context.now);
  const question = deadlineQuestionOf(understanding);
  const m = messages(language).calculation;
  const rules = kb.rules;
  const choice = chooseRules(kb, question, rules);
  const explicit = explicitRule(question.period);
  const parts: string[] = [];
  if (choice.note) parts.push(choice.note[language]);

  const primary = explicit && (!choice.primary || question.triggers.length === 0) ? explicit : choice.primary;

  if (primary && isAnchorRule(primary) && question.startDate) return anchorReply(kb, primary, question.startDate, today, parts, language);
  if (primary && isThresholdRule(primary)) {
    parts.push(thresholdText(kb, primary, understanding.amount, language));
    return makeReply('calculation', language, [
      { kind: 'text', markdown: parts.join('\n\n') },
      { kind: 'sources', sources: [kb.source(primary.documentId, primary.section, primary.quote, 1)] },
    ]);
  }
  if (!question.startDate || !primary || !isDurationRule(primary)) {
    const known = rules.map((r) => `• ${r.label[language]}`).join('\n');
    parts.push(!question.startDate ? m.whichDate : m.whichPeriod);
    if (question.startDate) parts.push(known);
    return makeReply('calculation', language, [{ kind: 'text', markdown: parts.join('\n\n') }]);
  }

  const items: DeadlineItem[] = [];
  const sources: Source[] = [];
  const describe = (rule: DurationRule, main: boolean, primarySector?: string) => {
    if (!question.startDate) return;
    // "drie maanden voor de start van het verblijf in het tweede en derde jaar": counted from the start of the year asked (or each).
    const years = rule.eventYears ? (understanding.ordinalYear !== undefined && rule.eventYears.includes(understanding.ordinalYear) ? [understanding.ordinalYear] : rule.eventYears) : [undefined];
    for (const year of years) describeFrom(rule, main, year, primarySector);
  };
  const describeFrom = (rule: DurationRule, main: boolean, year: number | undefined, primarySector?: string) => {
    if (!question.startDate) return;
    const event = year === undefined || understanding.yearStartDated ? question.startDate : addMonths(question.startDate, 12 * (year - 1));
    const result = applyRule(rule, event, context.holidays);
    const item = ruleItem(rule, result, today, language);
    items.push(item);
    const counted = m.counted[result.counted.unit](result.counted.amount);
    const dir = m.direction[rule.direction];
    const head = main
      ? `**${dateLabel(result.date, 'day', language)}** — ${rule.label[language]}${rule.insurer ? ` (${rule.insurer})` : ''}${year !== undefined ? ` — ${m.yearOf(year)}` : ''}.`
      : `${
          primarySector && rule.sector !== primarySector
            ? m.alsoForSector(rule.sector, kb.requireDocument(rule.documentId).title)
            : m.alsoApplicable
        }: ${rule.label[language]}${rule.insurer ? ` (${rule.insurer})` : ''} → **${dateLabel(result.date, 'day', language)}** (${statusPhrase(item, language)}).`;
    const lines = [head];
    if (main) {
      const from = year === undefined || understanding.yearStartDated ? dateLabel(event, 'day', language) : m.yearStart(dateLabel(event, 'day', language), year, dateLabel(question.startDate, 'day', language));
      lines.push(m.countedFrom(counted, dir, from, statusPhrase(item, language), actorPhrase(rule.actor, rule.insurer, language), rule.strength));
      lines.push(skippedText(result, language));
    }
    if (rule.documentId) {
      lines.push(sourceLine(kb, rule, language));
      sources.push(kb.source(rule.documentId, rule.section, rule.quote, main ? 1 : 0.8));
    } else if (main) {
      lines.push(m.asStated);
    }
    parts.push(lines.join('\n'));
  };
  describe(primary, true);
  for (const other of choice.others) if (other !== primary && isDurationRule(other)) describe(other, false, primary.documentId ? primary.sector : undefined);
  return makeReply('calculation', language, [
    { kind: 'text', markdown: parts.join('\n\n') },
    // Every rule's date is stated in its paragraph; the list is for `ask --json` and calendars.
    { kind: 'deadlines', deadlines: items, stated: items.length },
    { kind: 'sources', sources },
  ]);
}

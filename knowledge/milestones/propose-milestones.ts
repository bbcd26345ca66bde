import type { CleanedDocument } from '../cleaned-documents.js';
import { extractDates, resolveDate, type ExtractedDate } from '../dates/extract-dates.js';
import { sentenceSpans } from '../ingest/sentences.js';
import { guessActor } from './guess-actor.js';
import { type Milestone, type MilestoneWhen, milestoneSchema } from './milestone.js';
import { phraseIndex, phrasesIn, wordsOf, type PhraseIndex } from './phrase-index.js';
import { compiledFor, readProposalVocabulary, type ProposalVocabulary } from './proposal-vocabulary.js';
import { sectionPath } from './section-path.js';
import { readStepVocabulary, type StepVocabulary } from './step-vocabulary.js';
import { datedRows, type DatedRow } from './dated-rows.js';
import type { ProposalContext } from './proposal-context.js';

export type { ProposalContext } from './proposal-context.js';

/** Dates more than this many years before the contract year are history ("rapport van januari 2016"), not steps. */
const HISTORY_YEARS = 2;
/** Year for dates without one when neither a contract year nor any dated year is known. */
const UNKNOWN_YEAR = 2000;
/** Longest Dutch label before it is cut to the clause holding the date, then at a word boundary. */
const LABEL_MAX = 140;

type Step = ProposalVocabulary['steps'][number];
type LabelKind = keyof ProposalVocabulary['labels'];

interface StepWords {
  readonly extra: PhraseIndex<string>;
  readonly notSteps: PhraseIndex<true>;
  readonly requires: ReadonlyMap<string, PhraseIndex<true>>;
  readonly deadline: PhraseIndex<true>;
}

const memo = new WeakMap<ProposalVocabulary, StepWords>();
function stepWords(vocabulary: ProposalVocabulary): StepWords {
  return compiledFor(memo, vocabulary, (v) => ({
    extra: phraseIndex(v.steps.flatMap((s) => s.words.map((w) => [w, s.step] as const))),
    notSteps: phraseIndex(v.notStepWords.map((w) => [w, true] as const)),
    requires: new Map(v.steps.flatMap((s) => (s.requires ? [[s.step, phraseIndex(s.requires.map((w) => [w, true] as const))] as const] : []))),
    deadline: phraseIndex(v.deadlineWords.map((w) => [w, true] as const)),
  }));
}

/**
 * The steps a text names: the proposal vocabulary's own step words, then the step vocabulary on
 * the rest of the text (those words and the words that only look like steps taken out).
 */
function stepsNamed(text: string, words: StepWords, steps: StepVocabulary): string[] {
  const tokens = wordsOf(text);
  const blanked = [...tokens];
  const claimed = phrasesIn(tokens, words.extra);
  for (const m of [...phrasesIn(tokens, words.notSteps), ...claimed]) for (let i = m.start; i < m.end; i++) blanked[i] = '';
  const rest = blanked.filter((w) => w !== '').join(' ');
  return [...new Set([...claimed.map((m) => m.value), ...steps.stepsIn(rest)])];
}

/**
 * The kind of step: the first of the vocabulary's steps (priority order) that is named; a step
 * with `requires` words counts only when one of them is there too (else it ranks last).
 */
function primaryStep(actions: readonly string[], text: string, vocabulary: ProposalVocabulary, words: StepWords): Step | undefined {
  const tokens = wordsOf(text);
  const named = vocabulary.steps.filter((s) => actions.includes(s.step));
  const qualified = named.find((s) => {
    const required = words.requires.get(s.step);
    return !required || phrasesIn(tokens, required).length > 0;
  });
  return qualified ?? named[0];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A long sentence is cut to its clause holding the date (between commas or semicolons), then at a word boundary. */
function shorten(text: string, dateAt: number): string {
  if (text.length <= LABEL_MAX) return text;
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(/[,;]\s/g)) {
    const at = m.index ?? 0;
    if (at < dateAt) start = at + m[0].length;
    else if (at > dateAt) {
      end = at;
      break;
    }
  }
  const clause = capitalise(text.slice(start, end).trim());
  if (clause.length <= LABEL_MAX) return clause;
  const cut = clause.slice(0, LABEL_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), LABEL_MAX / 2)).replace(/[\s,;:]+$/, '')}…`;
}

/** The Dutch label: a table row loses its leading date ("9 november 2023 Uiterste datum …" → "Uiterste datum …"); a sentence is kept. */
function dutchLabel(row: DatedRow, date: ExtractedDate): string {
  const text = row.text;
  const atStart = date.index - row.leaderLength <= 0;
  const rest = text.slice(date.index + date.text.length).replace(/^[\s*:–—-]+/, '').replace(/[\s.*]+$/, '');
  // A table cell starts with a capital ("Publicatie …"); a sentence that merely opens with its date
  // goes on in lower case ("Vóór 1 september dient u …") and keeps it.
  if (atStart && wordsOf(rest).length >= 2 && !/^\p{Ll}/u.test(rest)) return shorten(capitalise(rest), 0);
  return shorten(capitalise(text.replace(/[\s.*]+$/, '')), date.index);
}

function englishLabel(kind: LabelKind, step: Step | undefined, nl: string, vocabulary: ProposalVocabulary): string {
  if (!step) return vocabulary.labels.unknown.replace('{nl}', nl);
  return vocabulary.labels[kind].replace('{Step}', capitalise(step.en)).replace('{step}', step.en);
}

function monthOf(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

interface Point {
  readonly when: MilestoneWhen;
  readonly period?: 'start' | 'end';
}

/** The milestone dates an extracted date stands for: one, the two ends of a period, or one span of whole months. */
function pointsOf(d: ExtractedDate, defaultYear: number): Point[] {
  const year = d.start.year ?? defaultYear;
  const monthSpan = d.end !== undefined && d.start.day === undefined && d.end.day === undefined && !d.endOfMonth;
  if (monthSpan && d.end) return [{ when: { kind: 'month', month: monthOf(year, d.start.month), through: monthOf(d.end.year ?? year, d.end.month) } }];
  const asWhen = (r: { date: string; precision: 'day' | 'month' }): MilestoneWhen =>
    r.precision === 'month' ? { kind: 'month', month: r.date.slice(0, 7) } : { kind: 'date', date: r.date };
  const start = resolveDate(d, year);
  if (!d.end) return start ? [{ when: asWhen(start) }] : [];
  const end = resolveDate({ start: d.end, relation: 'on', endOfMonth: false }, d.end.year ?? year);
  return [...(start ? [{ when: asWhen(start), period: 'start' as const }] : []), ...(end ? [{ when: asWhen(end), period: 'end' as const }] : [])];
}

function whenKey(when: MilestoneWhen): string {
  switch (when.kind) {
    case 'date':
      return when.date;
    case 'month':
      return when.through ? `${when.month}-${when.through}` : when.month;
    case 'yearly':
      return `${when.month}-${when.day}`;
  }
}

function yearOf(when: MilestoneWhen): number | undefined {
  return when.kind === 'yearly' ? undefined : Number((when.kind === 'date' ? when.date : when.month).slice(0, 4));
}

export { proposalDate } from './proposal-date.js';

/**
 * Proposes milestones for a (new) document: one per date its cleaned text spells out (two for a
 * period "van 1 januari tot 31 december", as `period` start and end; one month span for "het
 * eerste kwartaal van 2025"), each with
 * - `quote`: the sentence or table row it stands in, verbatim from the cleaned text (whitespace
 *   runs as one space; a date cell alone gets its activity cell, the next block, added);
 * - `section`: the heading path there ("6 Planning › 6.3 Planning");
 * - `actions`: the steps the row names (or, when it names none, its section heading names);
 *   the kind of step ranks first;
 * - `actor`: who acts ({@link guessActor});
 * - `label`: Dutch from the source (a table row without its date; a long sentence cut to the
 *   clause with the date), English templated from the step ("Deadline for signing the care agreement");
 * - `verified: false`: a proposal is no fact until a person confirms it.
 * Dates more than two years before the contract year are history and skipped; dates without a
 * year take the year before the contract year (without one, the year the text names most). Ids
 * are `<documentId>-<date>-<step>[-start|-end][-n]`. To give a proposal its page, find its quote
 * in the extracted raw text with `locateInRaw` (or use `proposeForDocument`). Word lists: `vocabulary`,
 * by default the shipped `knowledge/data/proposal-vocabulary.json` read for this call; step words: `steps`, by default the shipped `knowledge/data/vocabulary/steps.json`.
 *
 * @example proposeMilestones(buildCleanedDocument('cz-ggz-2027', raw), { documentId: 'cz-ggz-2027', insurer: 'CZ', sector: 'ggz', contractYear: 2027 })
 */
export function proposeMilestones(
  cleaned: Pick<CleanedDocument, 'text' | 'blocks' | 'sections'>,
  context: ProposalContext,
  vocabulary: ProposalVocabulary = readProposalVocabulary(),
  steps: StepVocabulary = readStepVocabulary(),
): Milestone[] {
  const words = stepWords(vocabulary);
  const rows = datedRows(cleaned, vocabulary);
  const defaultYear = context.defaultYear ?? (context.contractYear !== null ? context.contractYear - 1 : commonestYear(rows.flatMap((r) => r.dates)));
  const insurerNames = context.insurer ? [context.insurer, ...(context.insurerAliases ?? [])] : [];
  const out: Milestone[] = [];
  const seen = new Set<string>();
  const ids = new Map<string, number>();

  for (const row of rows) {
    const path = sectionPath(cleaned.sections, row.start);
    const named = stepsNamed(row.text, words, steps);
    const actions = named.length > 0 ? named : stepsNamed(path[path.length - 1] ?? '', words, steps);
    const step = primaryStep(actions, named.length > 0 ? row.text : (path[path.length - 1] ?? ''), vocabulary, words);
    const deadline = phrasesIn(wordsOf(row.text), words.deadline).length > 0;
    for (const d of row.dates) {
      const nl = dutchLabel(row, d);
      for (const point of pointsOf(d, defaultYear)) {
        const year = yearOf(point.when);
        if (context.contractYear !== null && year !== undefined && year < context.contractYear - HISTORY_YEARS) continue;
        const dedupe = `${whenKey(point.when)}|${point.period ?? ''}|${row.start}`;
        if (seen.has(dedupe)) continue;
        seen.add(dedupe);
        const pointStep = point.period === 'end' && step?.periodEnd ? (vocabulary.steps.find((s) => s.step === step.periodEnd) ?? step) : step;
        const kind: LabelKind =
          point.period ??
          (deadline || d.relation === 'by' || d.relation === 'before' ? 'deadline' : d.relation === 'from' ? 'from' : d.relation === 'until' ? 'until' : (pointStep?.kind ?? 'on'));
        const stepActions = pointStep && !actions.includes(pointStep.step) ? [pointStep.step, ...actions] : pointStep ? [pointStep.step, ...actions.filter((a) => a !== pointStep.step)] : actions;
        const base = `${context.documentId}-${whenKey(point.when)}-${pointStep?.step ?? 'step'}${point.period ? `-${point.period}` : ''}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
        const n = (ids.get(base) ?? 0) + 1;
        ids.set(base, n);
        out.push(
          milestoneSchema.parse({
            id: n === 1 ? base : `${base}-${n}`,
            documentId: context.documentId,
            insurer: context.insurer,
            sector: context.sector,
            contractYear: context.contractYear,
            when: point.when,
            actor: guessActor(row.text, pointStep, vocabulary, insurerNames),
            label: { nl, en: englishLabel(kind, pointStep, nl, vocabulary) },
            quote: row.text,
            section: path.length > 0 ? path.join(' › ') : '(before the first heading)',
            actions: stepActions,
            ...(point.period ? { period: point.period } : {}),
            verified: false,
          }),
        );
      }
    }
  }
  return out;
}

/** The year the text names most often (for dates written without one when no contract year is known). */
function commonestYear(dates: readonly ExtractedDate[]): number {
  const counts = new Map<number, number>();
  for (const d of dates) if (d.start.year !== undefined) counts.set(d.start.year, (counts.get(d.start.year) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return best?.[0] ?? UNKNOWN_YEAR;
}

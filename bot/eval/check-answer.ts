import { fold } from '../../knowledge/fold.js';
import type { EvalTurn } from './eval-question.js';

/** What running `contractbot ask --json …` for one question produced. */
export interface AskOutcome {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CheckResult {
  readonly pass: boolean;
  /** Why it failed, one line per broken rule. */
  readonly failures: readonly string[];
}

interface AnswerJson {
  intent?: unknown;
  language?: unknown;
  text?: unknown;
  sources?: { documentId?: unknown; snippet?: unknown }[];
  deadlines?: { date?: unknown; precision?: unknown; status?: unknown; insurer?: unknown }[];
}

const STACK_TRACE = /^\s+at .+(?:\(.+:\d+:\d+\)|:\d+:\d+)$/m;

function has(haystack: string, needle: string): boolean {
  return fold(haystack).includes(fold(needle));
}

/** Parses stdout as exactly one JSON object (one line, nothing else). */
function parseOne(stdout: string): AnswerJson | undefined {
  const trimmed = stdout.trim();
  if (trimmed === '' || trimmed.includes('\n')) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as AnswerJson) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Applies every rule of an evaluation question to one `ask --json` outcome: date, anyDate,
 * monthDay, monthPrefix and status on the first two deadlines; doc on the first three sources;
 * phrases in the text or first three snippets; intent; mustMention and atLeast in the text;
 * unknownInsurer (named, no date for it, no other insurer's date); robust (exit 0 with one JSON
 * object or exit 2 with a one-line message, never a stack trace); allDates (all among the
 * deadlines), within (at least one deadline, all inside the range), notPhrases (none in the text)
 * and language.
 */
export function checkAnswer(question: EvalTurn, outcome: AskOutcome): CheckResult {
  const failures: string[] = [];
  if (STACK_TRACE.test(outcome.stderr) || STACK_TRACE.test(outcome.stdout)) failures.push('a stack trace was printed');
  const json = outcome.exitCode === 0 ? parseOne(outcome.stdout) : undefined;

  if (question.robust) {
    const usage = outcome.exitCode === 2 && outcome.stderr.trim() !== '' && !outcome.stderr.trim().includes('\n');
    if (!json && !usage) failures.push(`not robust: exit ${outcome.exitCode}, expected one JSON object (exit 0) or a one-line message (exit 2)`);
  }
  const needsAnswer =
    question.date ?? question.anyDate ?? question.monthDay ?? question.monthPrefix ?? question.status ?? question.doc ?? question.phrases ??
    question.intent ?? question.mustMention ?? question.atLeast ?? question.unknownInsurer ??
    question.allDates ?? question.within ?? question.notPhrases ?? question.language;
  if (needsAnswer === undefined) return { pass: failures.length === 0, failures };
  if (!json) return { pass: false, failures: [...failures, `no JSON answer (exit ${outcome.exitCode})`] };

  const text = typeof json.text === 'string' ? json.text : '';
  const sources = Array.isArray(json.sources) ? json.sources.slice(0, 3) : [];
  const deadlines = Array.isArray(json.deadlines) ? json.deadlines : [];
  const firstTwo = deadlines.slice(0, 2);
  const dateOf = (d: (typeof deadlines)[number]) => (typeof d.date === 'string' ? d.date : '');

  let matched: (typeof deadlines)[number] | undefined;
  const requireDate = (label: string, ok: (d: (typeof deadlines)[number]) => boolean) => {
    matched = firstTwo.find(ok);
    if (!matched) failures.push(`${label} not among the first two deadlines (${firstTwo.map(dateOf).join(', ') || 'none'})`);
  };
  if (question.date) requireDate(`date ${question.date}`, (d) => dateOf(d) === question.date);
  if (question.anyDate) requireDate(`one of ${question.anyDate.join('/')}`, (d) => question.anyDate?.includes(dateOf(d)) ?? false);
  if (question.monthDay) requireDate(`annual date --${question.monthDay}`, (d) => dateOf(d).slice(5) === question.monthDay);
  if (question.monthPrefix) {
    requireDate(`month ${question.monthPrefix}`, (d) => dateOf(d).startsWith(question.monthPrefix ?? '') && d.precision === 'month');
  }
  if (question.status) {
    const subject = matched ?? deadlines[0];
    if (!subject) failures.push(`status ${question.status}: no deadline`);
    else if (subject.status !== question.status) failures.push(`status ${String(subject.status)}, expected ${question.status}`);
  }
  if (question.doc && !sources.some((s) => s.documentId === question.doc)) {
    failures.push(`document ${question.doc} not among the first three sources (${sources.map((s) => String(s.documentId)).join(', ') || 'none'})`);
  }
  if (question.phrases) {
    const haystack = [text, ...sources.map((s) => (typeof s.snippet === 'string' ? s.snippet : ''))].join('\n');
    if (!question.phrases.some((p) => has(haystack, p))) failures.push(`none of the phrases ${question.phrases.join(' / ')} appears`);
  }
  if (question.intent && json.intent !== question.intent) failures.push(`intent ${String(json.intent)}, expected ${question.intent}`);
  for (const phrase of question.mustMention ?? []) if (!has(text, phrase)) failures.push(`text does not mention "${phrase}"`);
  if (question.atLeast) {
    const [n, list] = question.atLeast;
    const found = list.filter((p) => has(text, p));
    if (found.length < n) failures.push(`text mentions ${found.length} of ${list.join(', ')}; needs ${n}`);
  }
  if (question.unknownInsurer) {
    const name = question.unknownInsurer;
    if (!has(text, name)) failures.push(`text does not name ${name}`);
    if (deadlines.some((d) => typeof d.insurer === 'string' && fold(d.insurer) === fold(name))) failures.push(`invents a date for ${name}`);
    const others = deadlines.filter((d) => typeof d.insurer === 'string' && fold(d.insurer) !== fold(name));
    if (others.length > 0) failures.push(`presents ${String(others[0]?.insurer)}'s date as the answer`);
  }
  if (question.allDates) {
    const missing = question.allDates.filter((date) => !deadlines.some((d) => dateOf(d) === date));
    if (missing.length > 0) failures.push(`dates ${missing.join(', ')} not among the deadlines (${deadlines.map(dateOf).join(', ') || 'none'})`);
  }
  if (question.within) {
    const [from, to] = question.within;
    const outside = deadlines.map(dateOf).filter((date) => date < from || date > to);
    if (deadlines.length === 0) failures.push(`no deadline within ${from} – ${to}`);
    else if (outside.length > 0) failures.push(`deadlines outside ${from} – ${to}: ${outside.join(', ')}`);
  }
  for (const phrase of question.notPhrases ?? []) if (has(text, phrase)) failures.push(`text says "${phrase}"`);
  if (question.language && json.language !== question.language) failures.push(`language ${String(json.language)}, expected ${question.language}`);
  return { pass: failures.length === 0, failures };
}

import { extractDates } from '../knowledge/dates/extract-dates.js';
import { tokenize, type Token } from '../knowledge/vocabulary/term-matcher.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { DeadlineQuestion } from './deadline-question.js';
import { rankMilestones } from './rank-milestones.js';
import type { Language } from './types.js';

/**
 * The tokens that carry the question's time words: "planning", "timeline" … count only when they
 * are what the question is about ("wat is de planning van VGZ?", "the timeline for GP care"), not
 * one item of a list ("make their purchasing policy and planning available on time"); in English,
 * "data" are facts ("What data must I send to VGZ?"), not dates.
 */
function askedTokens(tokens: readonly Token[], language: Language, kb: KnowledgeBase): Token[] {
  const when = kb.phrases.when;
  return tokens.filter((t, i) => {
    if (language === 'en' && when.has([t], 'english-data')) return false;
    if (!when.has([t], 'planning-word')) return true;
    const next = tokens[i + 1];
    return next === undefined || when.has([next], 'planning-link');
  });
}

/**
 * Whether a when-word asks for a time rather than joining clauses: any other when-word counts
 * (deadline, uiterlijk, tot wanneer …); a bare "when"/"wanneer" counts at the start of a clause,
 * after until/by/from/tot/vanaf …, or before a verb, not as the conjunction of "what happens when
 * waiting times exceed the Treeknorm".
 */
function asksWhen(text: string, tokens: readonly Token[], kb: KnowledgeBase): boolean {
  const when = kb.phrases.when;
  if (when.has(tokens, 'when')) return true;
  return tokens.some((t, i) => {
    if (!when.has([t], 'bare-when')) return false;
    const previous = tokens[i - 1];
    if (!previous || CLAUSE_MARKS.some((mark) => text.slice(previous.end, t.start).includes(mark)) || when.has([previous], 'when-link')) return true;
    const next = tokens[i + 1];
    if (!next || when.has([next], 'asking-after')) return true;
    return !when.has([next], 'subject-after');
  });
}

/** Punctuation that starts a new clause before a bare "when". */
const CLAUSE_MARKS = ['.', '?', '!', ':', ';', ',', '('];


/**
 * Whether a text is a date calculation: `counted` for an event date plus an event ("vraag gesteld
 * op …", "asked on …") with a when-word, a period ("10 werkdagen na …", "binnen …") or an expectation,
 * and for a cost-ceiling question with an amount; `dated` for a lone event date (a calculation
 * only when nothing else is asked); `none` otherwise.
 */
export function calculationKind(text: string, kb: KnowledgeBase, question: DeadlineQuestion): 'counted' | 'dated' | 'none' {
  const tokens = tokenize(text);
  const when = kb.phrases.when;
  if (when.has(tokens, 'other-intent')) return 'none';
  if (question.triggers.includes('cost-ceiling') && question.amount !== undefined) return 'counted';
  if (!extractDates(text).some((d) => d.start.day !== undefined)) return 'none';
  if (question.period !== undefined || when.has(tokens, 'within')) return 'counted';
  if (when.has(tokens, 'event') && (when.has(tokens, 'when') || when.has(tokens, 'bare-when') || when.has(tokens, 'expect'))) return 'counted';
  return 'dated';
}

/**
 * Whether a text asks for a date of the contracting process: a when-word that asks for a time
 * (not the conjunction) together with a step (sign, apply, offer …); words that only ask for a
 * date (deadline, uiterlijk …); a when-word other than a bare "when" with an insurer. A bare
 * "when" without a step ("Wanneer is een machtiging nodig?") asks for a date only when the
 * question's words name a dated milestone of the catalog ("wanneer moest de cyclus van
 * beleidsvorming doorlopen zijn?"); otherwise it is a content question.
 */
export function asksForDeadline(text: string, language: Language, knowledge: KnowledgeBase, question: DeadlineQuestion): boolean {
  const tokens = tokenize(text);
  const asked = askedTokens(tokens, language, knowledge);
  const when = knowledge.phrases.when;
  if (!asksWhen(text, asked, knowledge) || when.has(tokens, 'other-intent')) return false;
  if (question.actions.length > 0 || when.has(asked, 'strong')) return true;
  if (question.insurers.length > 0 && when.has(asked, 'when')) return true;
  return bestMilestoneOverlap(question, knowledge) >= 2;
}

/** The most distinctive content words a text shares with one milestone of the catalog (labels and quote). */
function bestMilestoneOverlap(question: DeadlineQuestion, knowledge: KnowledgeBase): number {
  return Math.max(0, ...rankMilestones({ ...question, actions: [] }, knowledge.milestones).map((r) => r.distinctive ?? 0));
}

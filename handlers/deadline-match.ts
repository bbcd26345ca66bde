import { extractDates } from '../knowledge/dates/extract-dates.js';
import { fold } from '../knowledge/fold.js';
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

/** True when a token is a number of at most four digits followed by a period unit ("10 werkdagen"). */
function namesPeriod(tokens: readonly Token[], kb: KnowledgeBase): boolean {
  if (kb.phrases.when.has(tokens, 'within')) return true;
  return tokens.some((t, i) => {
    const next = tokens[i + 1];
    return t.folded.length <= 4 && t.folded !== '' && [...t.folded].every((c) => c >= '0' && c <= '9') && next !== undefined && kb.phrases.when.has(tokens.slice(i + 1, i + 3), 'period-unit');
  });
}

/**
 * How strongly a text is a date calculation: an event date plus an event ("vraag gesteld op …",
 * "asked on …") or a period ("10 werkdagen na …"). A cost-ceiling question with an amount also counts.
 */
export function calculationScore(text: string, kb: KnowledgeBase): number {
  const tokens = tokenize(text);
  const when = kb.phrases.when;
  if (when.has(tokens, 'other-intent')) return 0.02;
  const f = fold(text);
  if (/\b(plafond|ceiling|zorgkostenplafond)\b/.test(f) && /(€|\beur\b|\beuro\b)\s*\d|\d\s*(€|eur\b|euro\b)/.test(f)) return 0.9;
  if (!extractDates(text).some((d) => d.start.day !== undefined)) return 0;
  const period = namesPeriod(tokens, kb);
  if (when.has(tokens, 'event') && (when.has(tokens, 'when') || when.has(tokens, 'bare-when') || period || when.has(tokens, 'expect'))) return 0.92;
  if (period) return 0.9;
  return 0.2;
}

/**
 * How strongly a text asks for a date of the contracting process: when/wanneer/until/uiterlijk/
 * deadline words together with a step (sign, apply, offer …) or an insurer score high; a bare
 * "when" stays below the question handler (0.1); texts without such words (plain document questions) score low.
 */
export function deadlineScore(text: string, language: Language, knowledge: KnowledgeBase, question: DeadlineQuestion): number {
  const tokens = tokenize(text);
  const asked = askedTokens(tokens, language, knowledge);
  const when = knowledge.phrases.when;
  if (!asksWhen(text, asked, knowledge)) return 0.02;
  if (when.has(tokens, 'other-intent')) return 0.05;
  const strong = when.has(asked, 'strong');
  const onlyBareWhen = !when.has(asked, 'when');
  const step = question.actions.length > 0;
  const insurer = question.insurers.length > 0;
  if (strong && (step || insurer)) return 0.9;
  if (step) return 0.85;
  // An insurer and a bare "when" but no step ("Z&Z's phone number, and when can I call?") is
  // rarely about the contracting calendar, unless its words name a milestone or ask for dates.
  if (insurer) return onlyBareWhen && bestMilestoneOverlap(question, knowledge) < 2 ? 0.08 : 0.85;
  if (strong) return 0.7;
  // A bare "when" without a step or insurer ("Wanneer is een machtiging nodig?") is usually a
  // content question: stay below the question handler, unless its words clearly name a dated
  // step of the catalog ("wanneer moest de cyclus van beleidsvorming doorlopen zijn?").
  if (bestMilestoneOverlap(question, knowledge) >= 2) return 0.5;
  return 0.08;
}

/** The most distinctive content words a text shares with one milestone of the catalog (labels and quote). */
function bestMilestoneOverlap(question: DeadlineQuestion, knowledge: KnowledgeBase): number {
  return Math.max(0, ...rankMilestones({ ...question, actions: [] }, knowledge.milestones).map((r) => r.distinctive ?? 0));
}

import { withoutBullet } from '../ingest/bullets.js';
import type { CleanedDocument } from '../cleaned-documents.js';
import { fold } from '../fold.js';
import { sentenceSpans } from '../ingest/sentences.js';
import { guessActor } from '../milestones/guess-actor.js';
import { phraseAt, phraseIndex, phrasesIn, wordsOf, type PhraseIndex } from '../milestones/phrase-index.js';
import type { ProposalContext } from '../milestones/proposal-context.js';
import { compiledFor, readProposalVocabulary, type ProposalVocabulary } from '../milestones/proposal-vocabulary.js';
import { sectionPath } from '../milestones/section-path.js';
import type { DurationRule, RuleTrigger } from './relative-rule.js';

/**
 * A relative deadline read from a document, for a person to confirm: a {@link DurationRule} whose
 * `trigger` may still be empty when the text names no known event (the person picks it), and
 * `verified: false`.
 */
export type RuleProposal = Omit<DurationRule, 'trigger'> & { readonly trigger: RuleTrigger[]; readonly verified: false };

type Unit = DurationRule['duration']['unit'];
type Direction = DurationRule['direction'];
type Strength = DurationRule['strength'];
type Cue = ProposalVocabulary['ruleDirections']['leading'][number]['cue'];

interface RuleWords {
  readonly units: PhraseIndex<Unit>;
  /** Cues before the amount: "binnen" (within), "na" (after), "ten minste" (at least). */
  readonly leading: PhraseIndex<Cue>;
  readonly trailing: PhraseIndex<Direction>;
  readonly strengths: PhraseIndex<Strength>;
  readonly triggers: PhraseIndex<RuleTrigger>;
  readonly notTriggers: PhraseIndex<true>;
}

const memo = new WeakMap<ProposalVocabulary, RuleWords>();
function ruleWords(vocabulary: ProposalVocabulary): RuleWords {
  return compiledFor(memo, vocabulary, (v) => ({
    units: phraseIndex(v.ruleUnits.flatMap((u) => u.words.map((w) => [w, u.unit] as const))),
    leading: phraseIndex(v.ruleDirections.leading.flatMap((d) => d.words.map((w) => [w, d.cue] as const))),
    trailing: phraseIndex(v.ruleDirections.trailing.flatMap((d) => d.words.map((w) => [w, d.direction] as const))),
    strengths: phraseIndex(v.ruleStrengths.flatMap((s) => s.words.map((w) => [w, s.strength] as const))),
    triggers: phraseIndex(v.ruleTriggers.flatMap((t) => t.words.map((w) => [w, t.trigger] as const))),
    notTriggers: phraseIndex(v.ruleNotTriggerWords.map((w) => [w, true] as const)),
  }));
}

/** Longest amount taken as a duration (1095 days is three years). */
const MAX_AMOUNT = 3660;
/** How many words before the amount a leading cue ("binnen", "uiterlijk", "ten minste") may end. */
const LEADING_REACH = 3;

function amountOf(word: string, v: ProposalVocabulary): number | undefined {
  if (/^\d{1,4}$/.test(word)) {
    const n = Number(word);
    return n > 0 && n <= MAX_AMOUNT ? n : undefined;
  }
  return v.ruleNumbers[fold(word)];
}

/** A leading cue whose last word is right before `at` (or one word earlier: "uiterlijk binnen 5"). */
function leadingCue(words: readonly string[], at: number, index: PhraseIndex<Cue>): Cue | undefined {
  for (let start = Math.max(0, at - LEADING_REACH); start < at; start++) {
    const hit = phraseAt(words, start, index);
    if (hit && hit.end >= at - 1 && hit.end <= at) return hit.value;
  }
  return undefined;
}

/** The words of a sentence, folded, with where each stands in the sentence. */
function wordSpans(sentence: string): { word: string; start: number; end: number }[] {
  return [...sentence.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ word: wordsOf(m[0]).join(''), start: m.index, end: m.index + m[0].length }));
}

/** Most words of a Dutch event phrase quoted in a label ("na het besluit" → "het besluit"). */
const EVENT_WORDS = 5;
const ARTICLES = new Set(['de', 'het', 'een', 'the', 'a', 'an']);

/**
 * The event a term counts from as the text words it, for a label when no known event matches:
 * the words after the trailing cue, up to punctuation, {@link EVENT_WORDS} words, or a new noun
 * phrase ("na indiening een ontvangstbevestiging" → "indiening").
 */
function eventPhrase(sentence: string, spans: readonly { word: string; start: number; end: number }[], from: number | undefined): string | undefined {
  if (from === undefined || from >= spans.length) return undefined;
  let last = from;
  for (let i = from + 1; i < Math.min(spans.length, from + EVENT_WORDS); i++) {
    const gap = sentence.slice(spans[i - 1]?.end ?? 0, spans[i]?.start ?? 0);
    if (/[.,;:!?()]/.test(gap)) break;
    if (ARTICLES.has(spans[i]?.word ?? '') && !ARTICLES.has(spans[i - 1]?.word ?? '') && i - from >= 1 && !['van', 'of'].includes(spans[i - 1]?.word ?? '')) break;
    last = i;
  }
  return sentence.slice(spans[from]?.start ?? 0, spans[last]?.end ?? 0);
}

/** The events named in some words, after blanking the phrases that only look like one ("aan te vragen"). */
function triggersIn(tokens: readonly string[], words: RuleWords): RuleTrigger[] {
  const blanked = [...tokens];
  for (const m of phrasesIn(tokens, words.notTriggers)) for (let i = m.start; i < m.end; i++) blanked[i] = '';
  return phrasesIn(blanked, words.triggers).map((m) => m.value);
}

function shorten(text: string, max = 160): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:]+$/, '')}…`;
}

function englishLabel(v: ProposalVocabulary, amount: number, unit: Unit, direction: Direction, strength: Strength, triggers: readonly RuleTrigger[], within: boolean, event: string | undefined): string {
  const unitWords = v.ruleUnits.find((u) => u.unit === unit)?.en ?? [unit, unit];
  const first = triggers[0];
  const trigger = first !== undefined ? (v.ruleTriggers.find((x) => x.trigger === first)?.en ?? first) : event !== undefined ? `“${event}”` : v.ruleLabels.noTrigger;
  const template = direction === 'before' ? v.ruleLabels.before : strength === 'at-least' ? v.ruleLabels['at-least'] : within ? v.ruleLabels.within : v.ruleLabels.after;
  const label = template
    .replace('{amount}', String(amount))
    .replace('{unit}', amount === 1 ? unitWords[0] : unitWords[1])
    .replace('{trigger}', trigger);
  return strength === 'aim' ? v.ruleLabels.aim.replace('{label}', label) : label;
}

/**
 * Proposes relative deadline rules for a (new) document: every "<amount> <unit>" (digits or a
 * number word; working days, working weeks, days, weeks, months) with a cue that makes it a
 * term: before it "binnen", "uiterlijk", "na", "ten minste"; after it "voor"/"voorafgaand aan"
 * (counted backwards: "drie maanden voor de start"), "na", "de tijd". Each proposal has the
 * sentence as quote and Dutch label, the section path, `strength` (`at-least` for "ten minste",
 * `aim` for "wij streven ernaar", else `must`), the events it counts from (`trigger`, from the
 * sentence, else the sentence before it in the same paragraph; empty when none is known), the
 * actor ({@link guessActor}, defaulting to the trigger's), and an English templated label (quoting
 * the Dutch event, "Within 6 weeks of “het besluit”", when no known event matches).
 * Word lists: `v`, by default the shipped `knowledge/data/proposal-vocabulary.json` read for this call.
 *
 * @example proposeRules(cleaned, meta)[0] // → { duration: { amount: 10, unit: 'working-days' }, direction: 'after', strength: 'aim', trigger: ['question'], … }
 */
export function proposeRules(
  cleaned: Pick<CleanedDocument, 'text' | 'blocks' | 'sections'>,
  context: ProposalContext,
  v: ProposalVocabulary = readProposalVocabulary(),
): RuleProposal[] {
  const words = ruleWords(v);
  const insurerNames = context.insurer ? [context.insurer, ...(context.insurerAliases ?? [])] : [];
  const out: RuleProposal[] = [];
  const ids = new Map<string, number>();
  for (const { block, start } of cleaned.blocks) {
    if (block.kind === 'heading') continue;
    let previous: string[] = [];
    for (const span of sentenceSpans(block.text, start)) {
      const sentence = withoutBullet(cleaned.text.slice(span.start, span.end), true);
      const spans = wordSpans(sentence);
      const tokens = spans.map((w) => w.word);
      const seen = new Set<string>();
      for (let i = 0; i < tokens.length; i++) {
        const amount = amountOf(tokens[i] ?? '', v);
        if (amount === undefined) continue;
        const unit = phraseAt(tokens, i + 1, words.units);
        if (!unit) continue;
        const trailingCue = phraseAt(tokens, unit.end, words.trailing);
        const trailing = trailingCue?.value;
        const leading = leadingCue(tokens, i, words.leading);
        if (trailing === undefined && leading === undefined) continue;
        // Every leading cue counts forward from the event; a trailing "voor" counts back.
        const direction: Direction = trailing ?? 'after';
        const key = `${amount}-${unit.value}-${direction}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const strengths = phrasesIn(tokens, words.strengths).map((m) => m.value);
        const strength: Strength = strengths.includes('at-least') ? 'at-least' : strengths.includes('aim') ? 'aim' : 'must';
        const own = triggersIn(tokens, words);
        const found = own.length > 0 ? own : triggersIn(previous, words);
        const trigger = v.ruleTriggers.map((t) => t.trigger).filter((t) => found.includes(t));
        const triggerActor = v.ruleTriggers.find((t) => t.trigger === trigger[0])?.actor;
        const path = sectionPath(cleaned.sections, span.start);
        const base = `${context.documentId}-rule-${amount}-${unit.value}-${direction}`;
        const n = (ids.get(base) ?? 0) + 1;
        ids.set(base, n);
        out.push({
          id: n === 1 ? base : `${base}-${n}`,
          documentId: context.documentId,
          insurer: context.insurer,
          sector: context.sector,
          trigger,
          duration: { amount, unit: unit.value },
          direction,
          strength,
          actor: guessActor(tokens.slice(0, i).join(' '), triggerActor ? { actor: triggerActor, fixed: false } : undefined, v, insurerNames, { nearestLast: true }),
          label: { nl: shorten(sentence.replace(/[\s.]+$/, '')), en: englishLabel(v, amount, unit.value, direction, strength, trigger, leading === 'within', eventPhrase(sentence, spans, trailingCue?.end)) },
          quote: sentence,
          section: path.length > 0 ? path.join(' › ') : '(before the first heading)',
          verified: false,
        });
      }
      previous = tokens;
    }
  }
  return out;
}

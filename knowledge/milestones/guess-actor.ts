import type { Actor } from './milestone.js';
import { phraseAt, phraseIndex, phrasesIn, wordsOf, type PhraseIndex } from './phrase-index.js';
import { compiledFor, type ProposalVocabulary } from './proposal-vocabulary.js';

/** The step a sentence is about, with the actor it usually belongs to. */
export interface StepActor {
  readonly actor: Actor;
  /** The step's actor wins over the sentence's words (the term of an agreement binds both parties). */
  readonly fixed: boolean;
}

/** How many words before an actor word a preposition makes it a receiver ("aan alle vrijgevestigden"). */
const PREPOSITION_REACH = 2;
/** An actor noun is the subject only when it opens the clause ("De zorgaanbieder geeft …"): within this many words. */
const SUBJECT_REACH = 2;

interface ActorWords {
  readonly index: PhraseIndex<Actor>;
  readonly agents: ReadonlySet<string>;
  readonly prepositions: ReadonlySet<string>;
  readonly pronouns: PhraseIndex<true>;
}

const memo = new WeakMap<ProposalVocabulary, ActorWords>();

function actorWords(vocabulary: ProposalVocabulary, insurerNames: readonly string[]): ActorWords & { readonly names: PhraseIndex<true> } {
  const shared = compiledFor(memo, vocabulary, (v) => ({
    index: phraseIndex(v.actors.flatMap((a) => a.words.map((w) => [w, a.actor] as const))),
    agents: new Set(v.agentMarkers.flatMap(wordsOf)),
    prepositions: new Set(v.prepositions.flatMap(wordsOf)),
    pronouns: phraseIndex(v.subjectPronouns.map((w) => [w, true] as const)),
  }));
  if (insurerNames.length === 0) return { ...shared, names: phraseIndex([]) };
  const entries = [...shared.index.byFirst.values()].flat().map((e) => [e.words.join(' '), e.value] as const);
  return {
    ...shared,
    index: phraseIndex([...entries, ...insurerNames.map((n) => [n, 'zorgverzekeraar' as Actor] as const)]),
    names: phraseIndex(insurerNames.map((n) => [n, true] as const)),
  };
}

/**
 * Who acts in a sentence (or table row) of a policy:
 * 1. the agent of a passive ("bevestigd door zorgaanbieder", "getekend door beide partijen");
 * 2. unless the step fixes its actor, the subject: a pronoun ("Wij publiceren …", "dan kunt u …")
 *    or the insurer's name anywhere, or an actor noun opening the clause ("De zorgaanbieder geeft
 *    …"), never a receiver after a preposition ("Aanbieden van zorgovereenkomsten aan zorgaanbieders")
 *    nor an object inside a table row ("Publicatie gecontracteerde zorgaanbieders");
 * 3. the step's usual actor; else the insurer.
 * With `nearestLast` (the words before a relative term: "Wij gaan ervan uit dat u … drie maanden
 * voor …"), the actor named last outside a prepositional phrase is the subject instead.
 * Words come from the proposal vocabulary (`knowledge/data/proposal-vocabulary.json`).
 *
 * @example guessActor('Wij publiceren de tarievenlijst uiterlijk op 1 oktober.', undefined, readProposalVocabulary(), ['VGZ']) // → 'zorgverzekeraar'
 */
export function guessActor(
  clause: string,
  step: StepActor | undefined,
  vocabulary: ProposalVocabulary,
  insurerNames: readonly string[] = [],
  options: { readonly nearestLast?: boolean } = {},
): Actor {
  const { index, agents, prepositions, pronouns, names } = actorWords(vocabulary, insurerNames);
  const words = wordsOf(clause);
  for (let i = 0; i < words.length; i++) {
    if (!agents.has(words[i] ?? '')) continue;
    const agent = phraseAt(words, i + 1, index) ?? phraseAt(words, i + 2, index);
    if (agent) return agent.value;
  }
  if (step?.fixed) return step.actor;
  const matches = phrasesIn(words, index);
  for (const match of options.nearestLast ? matches.reverse() : matches) {
    const before = words.slice(Math.max(0, match.start - PREPOSITION_REACH), match.start);
    if (before.some((w) => prepositions.has(w) || agents.has(w))) continue;
    const anywhere = options.nearestLast || phraseAt(words, match.start, pronouns) !== undefined || phraseAt(words, match.start, names) !== undefined;
    if (anywhere || match.start < SUBJECT_REACH) return match.value;
  }
  return step?.actor ?? 'zorgverzekeraar';
}

import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';

import type { Token } from '../../knowledge/vocabulary/term-matcher.js';

/** How a message relates to the conversation's last question. */
export interface FollowUpReading {
  /** It continues the last question ("and for VGZ?", "ik mail ze vandaag …", "daarover"). */
  readonly followUp: boolean;
  /**
   * It asks the last question again with only the slots it names changed ("and for VGZ?", "en
   * voor huisartsen?", "what about 2027?", "is that date already past?"): at most one word of its
   * own besides conversation words, fillers and slots.
   */
  readonly elliptic: boolean;
  /**
   * "welke daarvan gaat over de zorggroepen?", "which of those are about zorggroepen?": the
   * follow-up selects from the last answer by these folded words of its own (none when it does not).
   */
  readonly selects: readonly string[];
}

/** What the message names of its own, as the understanding read it. */
export interface NamedSlots {
  readonly words: readonly string[];
  readonly steps: readonly string[];
  /** Insurers, sector, contract year, window or reference date named. */
  readonly namesSlot: boolean;
  /** It asks for a date itself ("wanneer", "uiterlijk"). */
  readonly asksWhen: boolean;
}

/** The most words of its own an elliptic follow-up may have ("and if it was a question to VGZ purchasing?"). */
const OWN_WORDS = 1;

function isDigits(text: string): boolean {
  return text.length > 0 && [...text].every((c) => c >= '0' && c <= '9');
}

/** The folded words covered by a term of the conversation, time, control, small-talk or event vocabularies (only the first two with `conversationOnly`). */
function vocabularyWords(tokens: readonly Token[], kb: KnowledgeBase, conversationOnly = false): Set<string> {
  const covered = new Set<string>();
  const lists = conversationOnly ? [kb.phrases.conversation, kb.phrases.time] : [kb.phrases.conversation, kb.phrases.time, kb.phrases.control, kb.phrases.smalltalk, kb.phrases.deadline, kb.phrases.when];
  for (const list of lists) {
    for (const hit of list.find(tokens)) for (let i = hit.token; i < hit.token + hit.length; i++) covered.add(tokens[i]?.folded ?? '');
  }
  return covered;
}

/**
 * Reads whether a message follows up on the conversation's last question, from the conversation
 * vocabulary (knowledge/data/vocabulary/conversation.json): it starts with a lead ("and", "en",
 * "what about", "ok and"), refers back ("daarover", "there", "them", "that date"), asks again
 * ("same", "zelfde", "already past?"), or names only slots ("VGZ?", "voor 2027?"). Without a
 * remembered question nothing is a follow-up.
 *
 * @example readFollowUp(tokenize('ok and with VGZ then?'), kb, { words: [], steps: [], namesSlot: true, asksWhen: false }, true)
 *   // { followUp: true, elliptic: true }
 */
export function readFollowUp(tokens: readonly Token[], kb: KnowledgeBase, named: NamedSlots, remembered: boolean): FollowUpReading {
  if (!remembered || tokens.length === 0) return { followUp: false, elliptic: false, selects: [] };
  const cues = kb.phrases.conversation;
  const covered = vocabularyWords(tokens, kb);
  const own = named.words.filter(
    (w) => !covered.has(w) && !isDigits(w) && kb.sectors.find(w).length === 0 && kb.steps.stepsIn(w).length === 0 && kb.insurers.find(w).length === 0,
  );
  // "thanks, and for VGZ?", "ok, what about 2027?": the lead may follow a word of small talk.
  const smalltalk = kb.phrases.smalltalk.find(tokens);
  let start = 0;
  while (smalltalk.some((h) => h.token === start)) start += smalltalk.find((h) => h.token === start)?.length ?? 1;
  const refersBack = cues.startsWith(tokens.slice(start), 'lead') || cues.has(tokens, 'anaphor') || cues.has(tokens, 'reask');
  const onlySlots = own.length === 0 && named.namesSlot && named.steps.length === 0 && !named.asksWhen;
  const followUp = refersBack || onlySlots;
  // What a subset follow-up selects by: its words outside the conversation and time vocabularies
  // (a subject such as "zorggroepen" may be an actor or sector word too).
  const plain = cues.has(tokens, 'subset') ? vocabularyWords(tokens, kb, true) : undefined;
  const selects = plain ? named.words.filter((w) => !plain.has(w) && !isDigits(w)) : [];
  return { followUp: followUp || selects.length > 0, elliptic: (followUp || selects.length > 0) && own.length <= OWN_WORDS, selects };
}

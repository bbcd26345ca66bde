import { amsterdamDate } from '../../knowledge/dates/calendar-date.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import { tokenize } from '../../knowledge/vocabulary/term-matcher.js';
import { matchChatCommand } from '../chat-commands.js';
import { asksForDeadline, calculationKind } from '../deadline-match.js';
import { parseDeadlineQuestion } from '../deadline-question.js';
import { detectLanguage } from '../detect-language.js';
import { parseEditCommand } from '../documents/documents-handler.js';
import { isChecklistRequest } from '../escalation/checklist-request.js';
import { parseChecklistCommand } from '../escalation/parse-checklist-command.js';
import { parseReminderCommand } from '../reminder-command.js';
import type { Language } from '../types.js';
import type { RememberedSlots } from '../conversation/remembered-slots.js';
import { detectTopics } from '../escalation/detect-topics.js';
import { readFollowUp } from './follow-up.js';
import { questionTopics } from './question-topics.js';
import { ordinalYearOf, referenceDayOf, timeWindowOf } from './time-window.js';
import type { IntentKind, SmalltalkKind, Understanding } from './understanding.js';

/** The most words a message without a question word may have to be read as "when is <step>?". */
const TELEGRAPHIC_WORDS = 5;

export interface UnderstandInput {
  readonly knowledge: KnowledgeBase;
  readonly now: Date;
  /** The language to use when the words do not tell (the conversation's, when known). */
  readonly fallbackLanguage?: Language;
  /** The conversation's remembered slots: only with them can a message be a follow-up. */
  readonly memory?: RememberedSlots;
}

/**
 * Builds the one understanding of a (privacy-guarded) message from the vocabularies of the
 * knowledge base. The intent is a plain decision in a fixed order: whole-message control phrases,
 * small talk and chat commands first, then commands on the open checklist, calendar questions,
 * explicit reminder requests, checklist requests, calculations, when-questions, and otherwise a
 * question for the documents.
 *
 * @example understand('thanks!', { knowledge, now }).intent // 'smalltalk' (smalltalk: 'thanks', language: 'en')
 * @example understand('Can I subscribe to the deadlines in Outlook?', { knowledge, now }).intent // 'calendar'
 */
export function understand(text: string, input: UnderstandInput): Understanding {
  const kb = input.knowledge;
  const tokens = tokenize(text);
  const detected = detectLanguage(text, input.fallbackLanguage ?? 'nl');
  const today = amsterdamDate(input.now);
  const parsed = parseDeadlineQuestion(text, today, kb);
  const trimmed = text.trim();
  const isQuestion = trimmed.endsWith('?') || kb.phrases.cues.startsWith(tokens, 'question-start');
  const cues = kb.phrases.cues.mentioned(tokens);
  const listing = cues.has('deadline-word');
  // A window from a year alone ("in 2027", "volgend jaar") is a contract year unless deadlines are listed.
  const read = timeWindowOf(tokens, kb, today);
  const window = read && (!read.weak || (listing && parsed.actions.length === 0)) ? read.window : undefined;
  // "ik mail ze vandaag": a day word is the reference date when the message states no date of its own.
  const referenceDay = parsed.startDate ? undefined : referenceDayOf(tokens, kb, today);
  const referenceDate = parsed.startDate ?? referenceDay;
  const ordinal = ordinalYearOf(tokens, kb);
  const ordinalYear = ordinal?.year;
  const reading = readFollowUp(
    tokens,
    kb,
    {
      words: parsed.words,
      steps: parsed.actions,
      namesSlot:
        parsed.insurers.length > 0 || parsed.sector !== undefined || parsed.year !== undefined || window !== undefined || referenceDate !== undefined || ordinalYear !== undefined,
      asksWhen: kb.phrases.when.has(tokens, 'when') || kb.phrases.when.has(tokens, 'strong'),
    },
    input.memory !== undefined,
  );
  const base = {
    language: detected,
    insurers: parsed.insurers,
    ...(parsed.sector ? { sector: parsed.sector } : {}),
    ...(parsed.actions[0] ? { step: parsed.actions[0] } : {}),
    steps: parsed.actions,
    wantsEnd: parsed.wantsEnd,
    ...(parsed.year !== undefined ? { contractYear: parsed.year } : {}),
    ...(parsed.period ? { period: parsed.period } : {}),
    ...(parsed.amount !== undefined ? { amount: parsed.amount } : {}),
    ...(referenceDate ? { referenceDate } : {}),
    ...(ordinalYear !== undefined ? { ordinalYear } : {}),
    ...(ordinal?.beforeDate && referenceDate ? { yearStartDated: true } : {}),
    ...(window ? { window } : {}),
    documents: parsed.documentIds,
    ...(parsed.actor ? { actor: parsed.actor } : {}),
    triggers: parsed.triggers,
    followUp: reading.followUp,
    ...(reading.elliptic ? { elliptic: true } : {}),
    ...(reading.selects.length > 0 ? { selects: reading.selects } : {}),
    words: parsed.words,
    text,
    isQuestion,
  };
  const as = (intent: IntentKind, extra: Partial<Understanding> = {}): Understanding => ({ ...base, intent, ...extra });
  const plain = { followUp: false, elliptic: false } as const;

  if (trimmed === '') return as('unknown', plain);

  const control = kb.phrases.control.whole(tokens);
  if (control && control.id !== 'filler') {
    const language: Language = control.id === 'language-en' ? 'en' : control.id === 'language-nl' ? 'nl' : (control.language ?? detected);
    // "in English please" asks the last question again in English when there is one.
    const switches = control.id === 'language-en' || control.id === 'language-nl';
    return as('control', { control: control.id, language, followUp: switches && input.memory !== undefined, elliptic: switches && input.memory !== undefined });
  }
  const smalltalk = smalltalkOf(kb, tokens);
  if (smalltalk) return as('smalltalk', { ...plain, smalltalk: smalltalk.id, language: smalltalk.language ?? detected });

  const command = matchChatCommand(kb.chatCommands, text);
  if (command) {
    switch (command.id) {
      case 'calendar':
        return as('calendar');
      case 'home':
        return as('home');
      case 'feedback':
        return as('feedback', { feedback: command.rest });
    }
  }

  const edit = parseEditCommand(text);
  if (edit) return as('documents', { edit });

  const checklist = parseChecklistCommand(text, kb.phrases.checklist) ?? keepOrReplace(kb, tokens);
  if (checklist) return as('checklist-command', { checklist, language: checklist.language ?? detected });

  // A question about calendars (Outlook, Google, the feed) is answered with the feed; it never subscribes.
  const calendarTopic = cues.has('subscribe') || cues.has('deadline-word');
  if ((cues.has('calendar-app') && (calendarTopic || cues.has('calendar-word'))) || (cues.has('calendar-word') && cues.has('subscribe'))) return as('calendar');

  const reminder = parseReminderCommand(text, kb);
  if (reminder) return as('reminder', { reminder });

  if (isChecklistRequest(text, kb, isQuestion)) return as('escalation', { ...plain, topics: detectTopics(kb, text) });

  // "compare VGZ and Z&Z on signing", "verschil tussen …", "which insurer closes first": side by side.
  const conversation = kb.phrases.conversation.mentioned(tokens);
  const rankAll = conversation.has('which-insurer') && conversation.has('rank');
  // Without a step, only a follow-up compares (on the step asked before).
  if ((parsed.actions.length > 0 || reading.followUp) && ((conversation.has('compare') && parsed.insurers.length >= 2) || rankAll)) {
    return as('compare', { insurers: parsed.insurers.length >= 2 ? parsed.insurers : loadedInsurers(kb) });
  }
  // "welke deadlines de komende 3 maanden", "what's next?": the deadlines inside the window.
  // An event on a date ("asked on 3 March, when must they reply?") is a calculation, not a window.
  const event = parsed.startDate !== undefined && parsed.triggers.length > 0;
  if (window && !event && (parsed.actions.length === 0 || listing)) return as('deadlines-window');
  // "ik mail ze vandaag, wanneer uiterlijk antwoord?": an event on a day word is a calculation.
  if (referenceDay && parsed.triggers.length > 0) return as('calculation');

  const calculation = calculationKind(text, kb, parsed);
  // A date plus an event or a period is a calculation; else a when-question about a step or an
  // insurer is a deadline; a lone event date still counts before a plain document question.
  if (calculation === 'counted') return as('calculation');
  if (asksForDeadline(text, detected, kb, parsed)) return as('deadline');
  if (calculation === 'dated') return as('calculation');
  // A few words naming a step and nothing to ask about it ("accepted hebben in vecozo",
  // "tekenen Z&Z") ask for its date, as a search box would.
  if (!isQuestion && tokens.length <= TELEGRAPHIC_WORDS && parsed.actions.length > 0) return as('deadline');
  return as('question', { topics: questionTopics(kb, text, parsed.words) });
}

/**
 * Small talk as the whole message; where it greets and asks something ("hoi, wat kun je
 * eigenlijk allemaal?"), what it asks is answered.
 */
function smalltalkOf(kb: KnowledgeBase, tokens: ReturnType<typeof tokenize>): { id: SmalltalkKind; language: Language | undefined } | undefined {
  const whole = kb.phrases.smalltalk.whole(tokens);
  if (!whole || whole.id === 'filler') return undefined;
  const asked = whole.id === 'greeting' ? kb.phrases.smalltalk.find(tokens).find((h) => h.id === 'capabilities' || h.id === 'help') : undefined;
  const id = asked?.id ?? whole.id;
  return id === 'filler' ? undefined : { id, language: asked?.language ?? whole.language };
}

/** Every insurer with a loaded purchasing policy, as mentions ("which insurer closes first?"). */
function loadedInsurers(kb: KnowledgeBase) {
  return kb.insurers.loaded.flatMap((name, index) => {
    const found = kb.insurers.find(name)[0];
    return found ? [{ ...found, index }] : [];
  });
}

/** "keep" / "replace" (and their Dutch words) as the whole message: the answer to "keep or replace?". */
function keepOrReplace(kb: KnowledgeBase, tokens: ReturnType<typeof tokenize>) {
  const hit = kb.phrases.cues.whole(tokens);
  if (hit?.id === 'checklist-keep') return { kind: 'keep' as const, language: hit.language };
  if (hit?.id === 'checklist-replace') return { kind: 'replace' as const, language: hit.language };
  return undefined;
}

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
import type { IntentKind, Understanding } from './understanding.js';

/** The most words a message without a question word may have to be read as "when is <step>?". */
const TELEGRAPHIC_WORDS = 5;

export interface UnderstandInput {
  readonly knowledge: KnowledgeBase;
  readonly now: Date;
  /** The language to use when the words do not tell (the conversation's, when known). */
  readonly fallbackLanguage?: Language;
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
  const base = {
    language: detected,
    insurers: parsed.insurers,
    ...(parsed.sector ? { sector: parsed.sector } : {}),
    ...(parsed.actions[0] ? { step: parsed.actions[0] } : {}),
    steps: parsed.actions,
    wantsEnd: parsed.wantsEnd,
    ...(parsed.year !== undefined ? { contractYear: parsed.year } : {}),
    ...(parsed.startDate ? { referenceDate: parsed.startDate } : {}),
    ...(parsed.period ? { period: parsed.period } : {}),
    ...(parsed.amount !== undefined ? { amount: parsed.amount } : {}),
    documents: parsed.documentIds,
    ...(parsed.actor ? { actor: parsed.actor } : {}),
    triggers: parsed.triggers,
    followUp: false,
    words: parsed.words,
    text,
    isQuestion,
  };
  const as = (intent: IntentKind, extra: Partial<Understanding> = {}): Understanding => ({ ...base, intent, ...extra });

  if (trimmed === '') return as('unknown');

  const control = kb.phrases.control.whole(tokens);
  if (control && control.id !== 'filler') {
    const language: Language = control.id === 'language-en' ? 'en' : control.id === 'language-nl' ? 'nl' : (control.language ?? detected);
    return as('control', { control: control.id, language });
  }
  const smalltalk = kb.phrases.smalltalk.whole(tokens);
  if (smalltalk && smalltalk.id !== 'filler') return as('smalltalk', { smalltalk: smalltalk.id, language: smalltalk.language ?? detected });

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

  if (parseEditCommand(text)) return as('documents');

  const checklist = parseChecklistCommand(text, kb.phrases.checklist) ?? keepOrReplace(kb, tokens);
  if (checklist) return as('checklist-command', { checklist, language: checklist.language ?? detected });

  // A question about calendars (Outlook, Google, the feed) is answered with the feed; it never subscribes.
  const cues = kb.phrases.cues.mentioned(tokens);
  const calendarTopic = cues.has('subscribe') || cues.has('deadline-word');
  if ((cues.has('calendar-app') && (calendarTopic || cues.has('calendar-word'))) || (cues.has('calendar-word') && cues.has('subscribe'))) return as('calendar');

  const reminder = parseReminderCommand(text, kb);
  if (reminder) return as('reminder', { reminder });

  if (isChecklistRequest(text, kb, isQuestion)) return as('escalation');

  const calculation = calculationKind(text, kb, parsed);
  // A date plus an event or a period is a calculation; else a when-question about a step or an
  // insurer is a deadline; a lone event date still counts before a plain document question.
  if (calculation === 'counted') return as('calculation');
  if (asksForDeadline(text, detected, kb, parsed)) return as('deadline');
  if (calculation === 'dated') return as('calculation');
  // A few words naming a step and nothing to ask about it ("accepted hebben in vecozo",
  // "tekenen Z&Z") ask for its date, as a search box would.
  if (!isQuestion && tokens.length <= TELEGRAPHIC_WORDS && parsed.actions.length > 0) return as('deadline');
  return as('question');
}

/** "keep" / "replace" (and their Dutch words) as the whole message: the answer to "keep or replace?". */
function keepOrReplace(kb: KnowledgeBase, tokens: ReturnType<typeof tokenize>) {
  const hit = kb.phrases.cues.whole(tokens);
  if (hit?.id === 'checklist-keep') return { kind: 'keep' as const, language: hit.language };
  if (hit?.id === 'checklist-replace') return { kind: 'replace' as const, language: hit.language };
  return undefined;
}

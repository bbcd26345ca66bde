import type { Actor } from '../../knowledge/milestones/milestone.js';
import type { RuleTrigger } from '../../knowledge/rules/relative-rule.js';
import type { InsurerMention } from '../../knowledge/vocabulary/insurer-catalog.js';
import type { EditCommand } from '../documents/documents-handler.js';
import type { ChecklistCommand } from '../escalation/parse-checklist-command.js';
import type { ReminderCommand } from '../reminder-command.js';
import type { ExplicitPeriod } from '../read-period.js';
import type { Language } from '../types.js';

/**
 * What a message asks for. The router picks the handler with a plain exhaustive `switch` over this;
 * there are no competing confidence numbers.
 */
export type IntentKind =
  /** A when-question about a step ("wanneer moet ik tekenen bij Z&Z?"). */
  | 'deadline'
  /** Which deadlines fall in a time window, or what comes next ("komende 3 maanden", "what's next?"). */
  | 'deadlines-window'
  /** Compare insurers on a step or topic ("compare VGZ and Z&Z on when I must sign", "which insurer closes first"). */
  | 'compare'
  /** A relative deadline from a reference date ("vraag gesteld op 22 december, wanneer antwoord?"). */
  | 'calculation'
  /** A content question answered from the documents. */
  | 'question'
  /** Draft or continue an escalation checklist (also "stappenplan escalatie" and an escalation carrying personal data). */
  | 'escalation'
  /** Tick, untick, show, export, keep or replace on the conversation's open checklist. */
  | 'checklist-command'
  /** An explicit request to create, list or stop reminders: only this ever subscribes. */
  | 'reminder'
  /** A calendar feed / Outlook question: explain the feed and give its URL, never subscribe. */
  | 'calendar'
  /** Greeting, thanks, "what can you do", help. */
  | 'smalltalk'
  /** Language switch ("in English please", "in het Nederlands"), stop, cancel. */
  | 'control'
  /** The overview ("home", "overzicht"): reminders, next deadlines, calendar URL. */
  | 'home'
  /** Typed feedback on answers ("feedback 👍 klopt"). */
  | 'feedback'
  /** A typed correction of a proposed date of an added document ("wijzig <id> datum 2027-11-15"). */
  | 'documents'
  | 'unknown';

/**
 * An inclusive range of calendar dates (YYYY-MM-DD, Europe/Amsterdam). `next`: only the first
 * deadline on or after `from` (all steps on that day), or the first `count` deadlines ("next 3 deadlines").
 */
export interface TimeWindow {
  readonly from: string;
  readonly to: string;
  readonly kind: 'range' | 'next';
  readonly count?: number;
}

export type SmalltalkKind = 'greeting' | 'thanks' | 'capabilities' | 'help';
export type ControlKind = 'language-en' | 'language-nl' | 'stop' | 'cancel';

/**
 * One understanding per message, built once by the router from vocabularies kept as data
 * (`understand(text, { knowledge, now, memory })`) and filled from conversation memory.
 * Handlers are plain decisions over it and never re-parse the text.
 *
 * @example
 * // "zorg en zekerhied tekenen wanneer??"
 * { intent: 'deadline', language: 'nl', insurers: [{ name: 'Zorg en Zekerheid', fuzzy: true, … }], step: 'sign', wantsEnd: false, followUp: false, … }
 */
export interface Understanding {
  readonly intent: IntentKind;
  readonly language: Language;
  /** Insurers named (or remembered), in order of appearance, each once; typo-tolerant. */
  readonly insurers: readonly InsurerMention[];
  /** Sector id (knowledge.sectors). */
  readonly sector?: string;
  /** Step id from the step vocabulary (apply, offer, sign, publish-policy, inform-insured, evaluate, start, end, answer-time, …). */
  readonly step?: string;
  /** "tot wanneer", "until when", "is it too late": the end of a period is asked, not its start. */
  readonly wantsEnd: boolean;
  /** "voor 2027", "next year", "dit jaar". */
  readonly contractYear?: number;
  /** "komende 3 maanden", "deze maand", "before 1 January", "what's next". */
  readonly window?: TimeWindow;
  /** An explicit period of a calculation ("10 werkdagen na …", "3 weeks before …"). */
  readonly period?: ExplicitPeriod;
  /** An amount in euros ("€ 1.200.000"): a cost-ceiling share is asked. */
  readonly amount?: number;
  /** Event date (YYYY-MM-DD) a calculation counts from. */
  readonly referenceDate?: string;
  /** "voor het tweede jaar", "the third year": the N-th year of what the reference date starts (a stay). */
  readonly ordinalYear?: number;
  /** The year is named before the date ("the stay in the second year starts on 1 March 2027"): the reference date is that year's start. */
  readonly yearStartDated?: boolean;
  /** "and for VGZ?", "en voor huisartsen?", "what about 2027?", "same in English": change only the slot named. */
  readonly followUp: boolean;
  /**
   * A follow-up with (nearly) no words of its own besides the slots it names ("and for VGZ?",
   * "is that date already past?", "in English please"): it asks the last question again.
   */
  readonly elliptic?: boolean;
  /**
   * A follow-up selecting from the last answer ("en welke daarvan gaat over de zorggroepen?"):
   * its own folded words; a window answer keeps the deadlines whose label names them.
   */
  readonly selects?: readonly string[];
  /**
   * What the message is about, as vocabulary terms (never its text): glossary terms for a document
   * question, escalation topic ids for a checklist request. Kept by conversation memory.
   */
  readonly topics?: readonly string[];
  readonly smalltalk?: SmalltalkKind;
  readonly control?: ControlKind;
  /** Content words (folded), for ranking and search. */
  readonly words: readonly string[];
  /** The privacy-guarded text, for search only; never stored. */
  readonly text: string;
  /** Phrased as a question ("can I …?", "kan ik …", ends with "?") rather than as a request. */
  readonly isQuestion: boolean;
  /** Every step named, in vocabulary order (`step` is the first). */
  readonly steps: readonly string[];
  /** Documents named by title ("good contracting practices", "handleiding escalatie"). */
  readonly documents: readonly string[];
  /** Whose deadline the user asks about, as far as the words tell. */
  readonly actor?: Actor;
  /** Events a relative rule may be counted from (calculations). */
  readonly triggers: readonly RuleTrigger[];
  /** intent `checklist-command`: what to do with the open checklist. */
  readonly checklist?: ChecklistCommand;
  /** intent `reminder`: the reminder command. */
  readonly reminder?: ReminderCommand;
  /** intent `documents`: the typed correction of a proposed item ("wijzig <id> datum 2027-11-15"). */
  readonly edit?: EditCommand;
  /** intent `feedback`: what follows the feedback command word. */
  readonly feedback?: string;
}

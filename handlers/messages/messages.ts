import type { Language } from '../types.js';
import { en } from './en.js';
import { nl } from './nl.js';

/**
 * The bot's own words, one catalog per language ({@link nl}, {@link en}), so replies never carry
 * inline Dutch/English ternaries. Both catalogs implement this interface, so a message missing in
 * one language is a type error.
 */
export interface Messages {
  readonly router: {
    readonly empty: string;
    readonly tooLong: (length: number, max: number) => string;
    readonly failed: string;
    readonly unknownAction: string;
    readonly notUnderstood: string;
  };
  readonly smalltalk: {
    readonly greeting: string;
    readonly thanks: string;
    readonly capabilitiesIntro: string;
    readonly helpIntro: string;
    readonly examplesHeading: string;
    readonly examples: readonly string[];
  };
  readonly control: {
    readonly switched: string;
    readonly stopped: string;
    readonly cancelled: string;
  };
  readonly calendar: {
    /** What the calendar feed is, before its URL: asked about Outlook, Google … it explains, never subscribes. */
    readonly explain: string;
    readonly noSubscription: string;
  };
  readonly checklist: {
    readonly offerKeepOrReplace: (title: string, done: number, total: number, wanted: string) => string;
    /** Heads the items the checklist asked for would have (shown with the keep-or-replace offer). */
    readonly wantedPreview: (title: string) => string;
    readonly keepButton: string;
    readonly replaceButton: string;
    readonly keepCommand: string;
    readonly replaceCommand: string;
    readonly kept: (title: string) => string;
    readonly replaced: (title: string) => string;
    readonly nothingPending: string;
    readonly noChecklist: string;
    readonly storageDown: string;
    readonly unreadable: string;
    readonly gone: string;
    readonly buttonUnknown: string;
  };
  /** Words the platform renderings add around a reply (Adaptive Cards, the terminal). */
  readonly rendering: {
    readonly part: string;
    readonly continued: string;
    readonly undo: string;
    readonly tick: string;
    readonly type: string;
    readonly thisMonth: string;
    readonly today: string;
    readonly yesterday: string;
    readonly daysAgo: (days: number) => string;
    readonly tomorrow: string;
    readonly inDays: (days: number) => string;
    /** The "next" / "show all" buttons under the first page of a long reply, and the terminal's hint. */
    readonly pageNext: (page: number, total: number) => string;
    readonly pageAll: (total: number) => string;
    readonly terminalPageHint: (page: number, total: number) => string;
  };
  readonly escalation: {
    readonly insurerPlaceholder: string;
    readonly step: string;
    readonly report: string;
    readonly title: (insurers: string) => string;
    readonly drafted: (on: string, done: number, total: number) => string;
    readonly tickedOn: (on: string) => string;
    readonly sources: string;
    readonly noSuchItem: (items: string, count: number) => string;
    readonly itemsSet: (several: boolean, list: string, done: boolean) => string;
    readonly progress: (done: number, total: number) => string;
    readonly exportButton: string;
    /** What a new checklist is built from; `topics` joined, empty when none. */
    readonly basedOn: (topics: string) => string;
    readonly noInsurer: (placeholder: string) => string;
    readonly notLoaded: (insurers: string) => string;
    readonly nameTopic: string;
    readonly notSaved: string;
  };
  readonly privacy: {
    readonly warning: (names: string, placeholders: string, several: boolean) => string;
  };
  readonly calendarLink: {
    readonly notConfigured: (path: string) => string;
    readonly feed: (url: string) => string;
  };
  readonly feedback: {
    readonly helpful: string;
    readonly notHelpful: string;
    readonly commentLabel: string;
    readonly commentPlaceholder: string;
    readonly send: string;
    readonly commentWord: string;
    readonly commentEmpty: string;
    readonly commentSaved: string;
    readonly saved: string;
    readonly savedHelpful: string;
    readonly savedNotHelpful: string;
    readonly howTo: string;
    readonly buttonUnknown: string;
  };
  readonly reminderMessage: {
    readonly today: string;
    readonly daysLeft: (days: number) => string;
    readonly allInsurers: (sector: string) => string;
    readonly heading: string;
    readonly headingSnoozed: string;
    readonly late: string;
    readonly snooze: Readonly<Record<'1d' | '3d' | '1w' | 'lead', string>>;
    readonly done: string;
    readonly date: string;
    readonly daysToGo: string;
    readonly whoMustAct: string;
  };
  readonly home: {
    readonly buttonUnknown: string;
    readonly welcome: string;
    readonly howToRate: string;
    readonly intro: string;
    readonly noReminders: string;
    readonly more: (count: number) => string;
    readonly reminders: string;
    readonly upcoming: string;
    readonly noneFound: string;
  };
  readonly deadline: {
    readonly contractYear: string;
    readonly status: string;
    readonly whoseDeadline: string;
    readonly source: string;
    readonly yearlyRule: (rule: string, next: string, previous: string | undefined) => string;
    readonly askedYearNotLoaded: (asked: number, insurer: string, years: string) => string;
    readonly oldPolicy: (insurer: string, newest: number, contractingFor: number) => string;
    readonly noPolicy: (name: string, loaded: string) => string;
    readonly sectorWideInstead: (name: string, titles: string) => string;
    readonly remark: (title: string, name: string, sentence: string) => string;
    readonly noDateForStep: (insurer: string) => string;
    readonly planningOf: (insurer: string) => string;
    readonly nameInsurerOrStep: string;
    readonly notForOtherInsurers: string;
    readonly allDatesFound: string;
    readonly passed: (days: number) => string;
    readonly thisMonth: string;
    readonly today: string;
    readonly daysLeft: (days: number) => string;
    readonly actor: Readonly<Record<'provider' | 'insurer' | 'nza' | 'unknown', string>>;
    readonly together: (insurer: string | null) => string;
    readonly everyYear: (day: number, month: string) => string;
  };
  readonly policies: {
    readonly insurerPolicy: (year: string, insurer: string) => string;
    readonly sectorRules: (year: string, title: string) => string;
    readonly lastDate: (date: string) => string;
    readonly noneForFilter: (sectors: string) => string;
    readonly loadedForFilter: (sectors: string, policies: string) => string;
    readonly noneOf: (insurers: string) => string;
    readonly howToAdd: string;
    readonly between: (from: string, to: string) => string;
    readonly from: (from: string) => string;
    readonly upTo: (to: string) => string;
    readonly noDeadlines: (period: string, what: string) => string;
    readonly howToAddNewer: string;
  };
  readonly calculation: {
    readonly calendarDays: string;
    readonly noHolidays: string;
    readonly holidaysSkipped: (names: string, count: number) => string;
    /** The locale amounts are written in. */
    readonly locale: string;
    readonly share: (percent: number, value: string, share: string) => string;
    readonly source: string;
    readonly anchorCounted: (how: string, status: string, who: string) => string;
    readonly whichDate: string;
    readonly whichPeriod: string;
    readonly counted: Readonly<Record<'working-days' | 'days' | 'months', (amount: number) => string>>;
    readonly direction: Readonly<Record<'before' | 'after', string>>;
    readonly alsoForSector: (sector: string, title: string) => string;
    readonly alsoApplicable: string;
    /** "jaar 2": the year of a stay a rule is counted for. */
    readonly yearOf: (year: number) => string;
    /** The event of a rule counted from the start of a year: "15 januari 2027, de start van jaar 2 (15 januari 2026 + 1 jaar)". */
    readonly yearStart: (event: string, year: number, start: string) => string;
    readonly countedFrom: (counted: string, direction: string, from: string, status: string, whose: string, strength: 'must' | 'aim' | 'at-least') => string;
    readonly asStated: string;
  };
  /** The heading of a list of sources. */
  readonly sources: { readonly heading: string; readonly further: string };
  readonly reminder: {
    readonly howToSubscribe: string;
    readonly invalidTime: string;
    readonly alreadySet: (description: string) => string;
    readonly personalTarget: string;
    readonly channelTarget: string;
    readonly subscribed: (where: string, description: string, timeOfDay: string) => string;
    readonly afterSubscribe: string;
    readonly noneHere: string;
    readonly disabled: string;
    readonly listHeading: string;
    readonly noneToStop: string;
    readonly stopped: (count: number) => string;
    readonly assumedSector: (sector: string) => string;
    readonly whichSector: (names: string) => string;
    readonly unknownSector: (named: string, names: string) => string;
    readonly sectorSet: (sector: string, changed: number) => string;
    readonly calendarLine: (url: string) => string;
    readonly nothingAhead: string;
    readonly onTheDay: string;
    readonly dayBefore: (on: string) => string;
    readonly daysBefore: (days: number, on: string) => string;
    readonly nextHeading: string;
    readonly sectorWide: (names: string) => string;
    readonly buttonInvalid: string;
    readonly milestoneGone: string;
    readonly someone: string;
    readonly doneLine: (who: string, when: string) => string;
    readonly snoozedLine: (who: string, when: string, until: string) => string;
    readonly buttonUnknown: string;
    readonly whoIsAsking: string;
    readonly openPersonalChat: string;
    readonly allInsurers: string;
    readonly insurersOf: (names: string) => string;
    /** "in Dutch" / "in English": the language a subscription's reminders are written in. */
    readonly inLanguage: Readonly<Record<Language, string>>;
    readonly at: (time: string) => string;
    readonly description: (insurers: string, sectors: string, leads: string, at: string, language: string) => string;
    /** The word joining the last two items of a list ("en", "and"). */
    readonly and: string;
  };
}

const CATALOGS: Readonly<Record<Language, Messages>> = { nl, en };

/** A language code read from a button value or stored field; `fallback` for anything else. */
export function languageOf(value: unknown, fallback: Language): Language {
  return value === 'nl' || value === 'en' ? value : fallback;
}

/** The catalog of a language. @example messages('en').smalltalk.thanks */
export function messages(language: Language): Messages {
  return CATALOGS[language];
}

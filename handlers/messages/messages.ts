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
  readonly reminder: {
    readonly howToSubscribe: string;
  };
}

const CATALOGS: Readonly<Record<Language, Messages>> = { nl, en };

/** The catalog of a language. @example messages('en').smalltalk.thanks */
export function messages(language: Language): Messages {
  return CATALOGS[language];
}

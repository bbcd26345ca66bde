/**
 * The platform-neutral message and reply model. Adapters translate platform payloads into
 * {@link IncomingMessage} and render {@link Reply}; handlers only ever see these types.
 */

export type Platform = 'slack' | 'teams' | 'local';
export type Language = 'nl' | 'en';
/** A care sector id from the sector vocabulary (knowledge/data/sectors.json) or declared by a document. */
export type Sector = string;

export type Intent =
  | 'question'
  | 'deadline'
  | 'calculation'
  | 'escalation'
  | 'reminder'
  | 'documents'
  | 'help'
  | 'smalltalk'
  | 'control'
  | 'unknown';

/** Where a reply goes; serialisable so reminders and checklists can be stored. */
export interface Address {
  readonly platform: Platform;
  readonly conversationId: string;
  readonly threadId?: string;
  readonly userId?: string;
}

/** A button press or card submit, already translated from the platform payload. */
export interface IncomingAction {
  /** Namespaced id, e.g. `checklist.toggle`, `reminder.done`, `reminder.snooze`, `feedback.helpful`. */
  readonly id: string;
  readonly value?: string;
}

export interface IncomingMessage {
  readonly address: Address;
  /** The user's text with platform markup (mentions) already removed. */
  readonly text: string;
  readonly action?: IncomingAction;
  readonly receivedAt: Date;
  /** True in a one-to-one conversation with the bot (Slack DM, Teams personal chat). */
  readonly direct?: boolean;
  /** The sender's display name as the platform gives it, for "done by …" lines; never stored. */
  readonly userName?: string;
  /** A file the user sent (a policy to add), not yet downloaded: the core fetches it once the sender may add documents. */
  readonly file?: IncomingFile;
}

/**
 * A file sent to the bot: its name as sent, and how to download it. The adapter fetches nothing
 * before the core calls {@link IncomingFile.fetch} (only for an administrator), so a refused
 * sender's file is never downloaded.
 */
export interface IncomingFile {
  readonly name: string;
  readonly mimeType?: string;
  /** Downloads the file with the platform's credentials, at most 50 MB (the adapter enforces it). Never throws. */
  fetch(): Promise<FetchedFile>;
}

/** A downloaded file (its name as the platform reports it once fetched), or why it could not be fetched. */
export type FetchedFile =
  | { readonly kind: 'ok'; readonly name: string; readonly bytes: Uint8Array; readonly mimeType?: string }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'failed' };

export type { Source } from '../knowledge/source.js';
import type { Source } from '../knowledge/source.js';

export type DeadlineStatus = 'past' | 'today' | 'upcoming';

/** One dated milestone occurrence as shown to a user (also the `ask --json` deadline shape). */
export interface DeadlineItem {
  /** Calendar date YYYY-MM-DD (for month precision: the first day of the month). */
  readonly date: string;
  readonly precision: 'day' | 'month';
  readonly label: string;
  readonly insurer: string | null;
  readonly documentId: string;
  readonly status: DeadlineStatus;
  /** Calendar days from the user's today (Europe/Amsterdam) to `date`; negative when past. */
  readonly daysFromNow: number;
  readonly milestoneId?: string;
  readonly actor?: string;
  readonly quote?: string;
  readonly section?: string;
}

export interface ChecklistItem {
  readonly id: string;
  readonly label: string;
  readonly done: boolean;
  readonly source?: Source;
}

export interface Button {
  /** Action id delivered back as {@link IncomingAction.id}. */
  readonly id: string;
  readonly label: string;
  readonly value?: string;
  readonly style?: 'primary' | 'danger';
  /** What to type instead on a platform without buttons (the terminal), e.g. `feedback 👍`. */
  readonly command?: string;
}

/** A one-line text field with a send button; what was typed arrives as the message text of action `id`. */
export interface InputField {
  readonly kind: 'input';
  /** Action id delivered back as {@link IncomingAction.id}, with `value`. */
  readonly id: string;
  readonly label: string;
  readonly placeholder?: string;
  readonly submitLabel: string;
  readonly value?: string;
  /** What to type instead on a platform without input fields, e.g. `feedback 👎 <comment>`. */
  readonly command?: string;
}

export type Block =
  | { readonly kind: 'text'; readonly markdown: string }
  | { readonly kind: 'fields'; readonly fields: readonly { label: string; value: string }[] }
  /** The passage an answer rests on, quoted once with its citation (further sources follow in a `sources` block). */
  | { readonly kind: 'quote'; readonly intro: string; readonly source: Source }
  /** Cited passages; `further` when a `quote` block before it already cites the main one. */
  | { readonly kind: 'sources'; readonly sources: readonly Source[]; readonly further?: boolean }
  /**
   * The dates of the answer, whole (`ask --json`, calendars). `stated`: how many of the first ones a text block
   * before already states in words, so a person is shown only the rest ({@link presentedBlocks}).
   */
  | { readonly kind: 'deadlines'; readonly deadlines: readonly DeadlineItem[]; readonly stated?: number }
  /** A side-by-side table (comparisons): a header row, then rows with one plain-text cell per header column. */
  | { readonly kind: 'table'; readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] }
  | {
      readonly kind: 'checklist';
      readonly id: string;
      readonly title: string;
      readonly items: readonly ChecklistItem[];
    }
  | { readonly kind: 'actions'; readonly buttons: readonly Button[] }
  | InputField;

export type BlockKind = Block['kind'];

export interface Reply {
  readonly intent: Intent;
  readonly language: Language;
  readonly blocks: readonly Block[];
  /** Plain-text rendering of the whole reply: terminal output, notification text, `ask --json` text. */
  readonly fallbackText: string;
  /** True when this reply replaces the message an action came from (checklist ticks, snooze). */
  readonly replaceOriginal?: boolean;
  /** Privacy or input warnings shown to the user alongside the reply. */
  readonly warnings?: readonly string[];
}

/** Exhaustiveness helper for switches over discriminated unions. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`);
}

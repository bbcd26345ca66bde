import { randomBytes } from 'node:crypto';
import { messages } from '../handlers/messages/messages.js';
import type { Language, Reply } from '../handlers/types.js';

/** Button action: show the next page of a paged reply (value: {@link pageValue}). */
export const PAGE_NEXT_ACTION = 'page.next';
/** Button action: show every page from the given one on (value: {@link pageValue}). */
export const PAGE_ALL_ACTION = 'page.all';

/** How many paged replies a process keeps, and for how long (memory stays bounded under any load). */
export const PAGED_REPLIES_CAPACITY = 200;
export const PAGED_REPLIES_TTL_MS = 24 * 60 * 60 * 1000;

/** What a page button asks for. */
export interface PageRequest {
  readonly id: string;
  /** The page to show (0-based): the next one, or the first of the rest. */
  readonly page: number;
  readonly all: boolean;
}

/** The value of a page button: `<id>|<page>`. */
export function pageValue(id: string, page: number): string {
  return `${id}|${page}`;
}

/** Reads a page button press; undefined for any other action. */
export function parsePageAction(action: { readonly id: string; readonly value?: string } | undefined): PageRequest | undefined {
  if (!action || (action.id !== PAGE_NEXT_ACTION && action.id !== PAGE_ALL_ACTION)) return undefined;
  const [id, page, ...rest] = (action.value ?? '').split('|');
  const n = Number(page);
  if (!id || rest.length > 0 || !Number.isInteger(n) || n < 1) return undefined;
  return { id, page: n, all: action.id === PAGE_ALL_ACTION };
}

/** The labels of the page buttons. */
export function pageWords(language: Language): { next: (page: number, total: number) => string; all: (total: number) => string } {
  const words = messages(language).rendering;
  return { next: words.pageNext, all: words.pageAll };
}

/** The notice for a page button whose reply is no longer kept (its language is gone with it). */
export const PAGE_GONE =
  'Dit lange antwoord is niet meer bewaard (na een dag of een herstart); stel de vraag opnieuw, of typ "toon de checklist". / ' +
  'This long answer is no longer kept (after a day or a restart); ask again, or type "show the checklist".';

/**
 * Replies too long for one message, kept so their "next" / "show all" buttons can show the other
 * pages: a reply is rendered again from here when a button is pressed (the platform renderer
 * decides the pages). Bounded ({@link PAGED_REPLIES_CAPACITY}, oldest first out) and expiring
 * ({@link PAGED_REPLIES_TTL_MS}); a press for a reply no longer kept gets {@link PAGE_GONE}.
 * Kept per process: on another replica the notice says how to ask again.
 */
export class PagedReplies {
  private readonly kept = new Map<string, { readonly reply: Reply; readonly at: number }>();

  constructor(
    private readonly options: { readonly capacity?: number; readonly ttlMs?: number; readonly now?: () => number } = {},
  ) {}

  /** Keeps a reply and returns the id its page buttons carry. */
  keep(reply: Reply): string {
    const id = randomBytes(9).toString('base64url');
    this.kept.set(id, { reply, at: this.now() });
    const capacity = this.options.capacity ?? PAGED_REPLIES_CAPACITY;
    while (this.kept.size > capacity) {
      const oldest = this.kept.keys().next().value;
      if (oldest === undefined) break;
      this.kept.delete(oldest);
    }
    return id;
  }

  get(id: string): Reply | undefined {
    const entry = this.kept.get(id);
    if (!entry) return undefined;
    if (this.now() - entry.at >= (this.options.ttlMs ?? PAGED_REPLIES_TTL_MS)) {
      this.kept.delete(id);
      return undefined;
    }
    return entry.reply;
  }

  get size(): number {
    return this.kept.size;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

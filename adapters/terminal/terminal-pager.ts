import { messages } from '../../handlers/messages/messages.js';
import type { Language } from '../../handlers/types.js';

/** Lines per page of a long reply in an interactive terminal. */
export const TERMINAL_PAGE_LINES = 40;

/** What to type for the next page / the rest (exact words, any case). */
const NEXT_WORDS: ReadonlySet<string> = new Set(['meer', 'volgende', 'more', 'next']);
const ALL_WORDS: ReadonlySet<string> = new Set(['alles', 'all']);

function hint(language: Language, page: number, total: number): string {
  return messages(language).rendering.terminalPageHint(page, total);
}

/**
 * The terminal's "next" / "show all": a long reply is shown a page at a time, each page but the
 * last ending with what to type ("meer"/"more" for the next page, "alles"/"all" for the rest).
 * Pages end at a blank line where one is near, so paragraphs stay whole. One pending reply at a
 * time: a new reply replaces it.
 */
export class TerminalPager {
  private pages: string[] = [];
  private shown = 0;
  private language: Language = 'nl';

  constructor(private readonly pageLines = TERMINAL_PAGE_LINES) {}

  /** The first page of `text` (all of it when it is short), with the hint when more follows. */
  show(text: string, language: Language): string {
    this.pages = paginate(text, this.pageLines);
    this.language = language;
    this.shown = 0;
    return this.nextPage() ?? '';
  }

  /**
   * The answer to a typed page command while pages are pending ("meer" → the next page, "alles" →
   * all the rest); undefined for any other input, which goes to the core as usual.
   */
  command(input: string): string | undefined {
    if (this.shown >= this.pages.length) return undefined;
    const word = input.trim().toLowerCase();
    if (NEXT_WORDS.has(word)) return this.nextPage();
    if (ALL_WORDS.has(word)) {
      const rest = this.pages.slice(this.shown).join('\n');
      this.shown = this.pages.length;
      return rest;
    }
    return undefined;
  }

  private nextPage(): string | undefined {
    const page = this.pages[this.shown];
    if (page === undefined) return undefined;
    this.shown++;
    return this.shown < this.pages.length ? `${page}\n\n${hint(this.language, this.shown, this.pages.length)}` : page;
  }
}

function paginate(text: string, pageLines: number): string[] {
  const lines = text.split('\n');
  const pages: string[] = [];
  let start = 0;
  while (start < lines.length) {
    let end = Math.min(lines.length, start + pageLines);
    if (end < lines.length) {
      // End at the last blank line in the second half of the page, if there is one.
      for (let i = end - 1; i > start + pageLines / 2; i--) {
        if (lines[i]!.trim() === '') {
          end = i + 1;
          break;
        }
      }
    }
    pages.push(lines.slice(start, end).join('\n').trimEnd());
    start = end;
  }
  return pages.length > 0 ? pages : [''];
}

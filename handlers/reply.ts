import { messages } from './messages/messages.js';
import type { Block, Intent, Language, Reply, Source } from './types.js';
import { textTable } from './text-table.js';
import { assertNever } from './types.js';
import { dateLabel } from './format-date.js';
import { quoteKey } from '../knowledge/milestones/locate-quote.js';

/** Builds a {@link Reply}, deriving the plain-text fallback from the blocks. */
export function makeReply(
  intent: Intent,
  language: Language,
  blocks: readonly Block[],
  options: { replaceOriginal?: boolean; warnings?: readonly string[] } = {},
): Reply {
  const warnings = options.warnings && options.warnings.length > 0 ? options.warnings : undefined;
  const text = blocksToPlainText(blocks, language);
  return {
    intent,
    language,
    blocks,
    fallbackText: warnings ? `${warnings.map((w) => `⚠ ${w}`).join('\n')}\n\n${text}` : text,
    ...(options.replaceOriginal ? { replaceOriginal: true } : {}),
    ...(warnings ? { warnings } : {}),
  };
}

/** Adds user-facing warnings (e.g. the privacy guard's) to a finished reply. */
export function withWarnings(reply: Reply, warnings: readonly string[]): Reply {
  if (warnings.length === 0) return reply;
  return makeReply(reply.intent, reply.language, reply.blocks, {
    replaceOriginal: reply.replaceOriginal,
    warnings: [...(reply.warnings ?? []), ...warnings],
  });
}

/** A one-line citation: title (publisher, year), section, link. */
export function citation(source: Source): string {
  const parts = [`${source.title} (${source.publisher}, ${source.year})`];
  if (source.section) parts.push(`§ ${source.section}`);
  if (source.url) parts.push(source.url);
  return parts.join(', ');
}

/** Markdown emphasis removed: the plain text of a text block. */
function plainMarkdown(markdown: string): string {
  return markdown.replace(/\*\*(.+?)\*\*/g, '$1').replace(/(^|\s)\*(\S.*?\S|\S)\*(?=\s|$|[.,;:!?])/g, '$1$2');
}

/** The heading of a list of sources: "Sources", or "Further sources" below a quoted main source. */
export function sourcesLabel(language: Language, further: boolean): string {
  const t = messages(language).sources;
  return further ? t.further : t.heading;
}

/**
 * The blocks as a person is shown them, each date and quote said once: a `deadlines` block keeps only
 * the dates its text does not already state (`stated`), and a source whose passage a text block
 * already quotes is cited without its passage. Every renderer shows these; `ask --json`, calendars
 * and reminders keep the blocks whole.
 *
 * @example presentedBlocks([{ kind: 'text', markdown: '… “9 november 2023 Uiterste datum …”' }, { kind: 'deadlines', deadlines: [d], stated: 1 }, { kind: 'sources', sources: [s] }])
 * // → the text, and the source cited without repeating its snippet
 */
export function presentedBlocks(blocks: readonly Block[]): Block[] {
  const texts = blocks.flatMap((b) => (b.kind === 'text' ? [quoteKey(b.markdown)] : []));
  const quoted = (snippet: string) => {
    const key = quoteKey(snippet);
    return key !== '' && texts.some((t) => t.includes(key));
  };
  return blocks.flatMap((block): Block[] => {
    switch (block.kind) {
      case 'deadlines': {
        const rest = block.deadlines.slice(block.stated ?? 0);
        return rest.length === 0 ? [] : [{ kind: 'deadlines', deadlines: rest }];
      }
      case 'sources':
        return [{ ...block, sources: block.sources.map((s) => (quoted(s.snippet) ? { ...s, snippet: '' } : s)) }];
      case 'text':
      case 'fields':
      case 'quote':
      case 'table':
      case 'checklist':
      case 'actions':
      case 'input':
        return [block];
      default:
        return assertNever(block);
    }
  });
}

/** Plain text of a list of blocks as a person is shown them ({@link presentedBlocks}), in reading order; the base of every adapter's fallback text. */
export function blocksToPlainText(blocks: readonly Block[], language: Language): string {
  const out: string[] = [];
  for (const block of presentedBlocks(blocks)) {
    switch (block.kind) {
      case 'text':
        out.push(plainMarkdown(block.markdown));
        break;
      case 'fields':
        out.push(block.fields.map((f) => `${f.label}: ${f.value}`).join('\n'));
        break;
      case 'quote':
        out.push(`${plainMarkdown(block.intro)}\n\n> ${block.source.snippet.split('\n').join('\n> ')}\n\n— ${citation(block.source)}`);
        break;
      case 'sources':
        if (block.sources.length > 0) {
          out.push(
            `${sourcesLabel(language, block.further === true)}:\n` +
              block.sources.map((s, i) => `[${i + 1}] ${citation(s)}${s.snippet.trim() ? `\n    “${s.snippet}”` : ''}`).join('\n'),
          );
        }
        break;
      case 'deadlines':
        out.push(
          block.deadlines
            .map((d) => `• ${dateLabel(d.date, d.precision, language)}: ${d.label}${d.insurer ? ` (${d.insurer})` : ''}`)
            .join('\n'),
        );
        break;
      case 'table':
        out.push(textTable(block.header, block.rows));
        break;
      case 'checklist': {
        const done = block.items.filter((i) => i.done).length;
        out.push(
          `${block.title} (${done}/${block.items.length})\n` +
            block.items
              .map(
                (item, i) =>
                  `${item.done ? '[x]' : '[ ]'} ${i + 1}. ${item.label}` +
                  (item.source ? `\n       ↳ ${item.source.title}, § ${item.source.section}: “${item.source.snippet}”` : ''),
              )
              .join('\n'),
        );
        break;
      }
      case 'actions':
      case 'input':
        // Buttons and fields have no plain-text form; the terminal shows their typed `command` instead.
        break;
      default:
        assertNever(block);
    }
  }
  return out.filter((s) => s.trim() !== '').join('\n\n');
}

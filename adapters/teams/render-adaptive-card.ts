import { CHECKLIST_TOGGLE_ACTION, checklistToggleValue } from '../../handlers/checklist-action.js';
import { dateLabel } from '../../handlers/format-date.js';
import { messages } from '../../handlers/messages/messages.js';
import { citation, presentedBlocks, sourcesLabel } from '../../handlers/reply.js';
import type { Block, Button, DeadlineItem, Language, Reply } from '../../handlers/types.js';
import { assertNever } from '../../handlers/types.js';
import { PAGE_ALL_ACTION, PAGE_NEXT_ACTION, pageValue, pageWords } from '../paged-replies.js';
import type { AdaptiveCard, CardElement, SubmitAction, Table, TableRow, TextBlock } from './adaptive-card.js';

/** The id of an input field in a card: Teams returns the typed text under it in the submit's value. */
export const INPUT_TEXT_ID = 'text';

/** Teams' documented bot-message limit, counted as UTF-16 (two bytes per code unit). */
export const TEAMS_MESSAGE_LIMIT_BYTES = 40 * 1024;
/** What a card may use, leaving room for the activity envelope around it and the page buttons. */
const CARD_BUDGET_BYTES = 35 * 1024;

/** The size Teams counts for a JSON payload: UTF-16 code units × 2. */
export function utf16Bytes(value: unknown): number {
  return JSON.stringify(value).length * 2;
}

/** One renderable piece of a card: whole blocks, or a checklist's header or one of its items. */
interface Unit {
  readonly elements: readonly CardElement[];
  /** Set on checklist items: which checklist and item (paging, in-place updates). */
  readonly item?: { readonly checklistId: string; readonly itemId: string };
  /** Set on checklist units: the header to repeat on a continuation card. */
  readonly continues?: CardElement;
}

/**
 * Renders a reply as Adaptive Cards 1.5, as many as needed so that each stays under the Teams
 * limit (40 KB counted as UTF-16) — content is paged, never dropped. Text as TextBlocks (markdown
 * Teams does not show, like "> " quotes and "o " sub-bullets from PDF text, made plain), fields
 * and deadlines as FactSets, sources as numbered citations with their passage, checklists with a
 * tick/untick Action.Submit per item (continued on the next card with the title repeated), buttons
 * as an ActionSet, input fields as Input.Text with a send button. Every Action.Submit carries
 * `{ action: { id, value } }`, which Teams returns as the activity's `value`. Page boundaries do
 * not depend on which items are ticked, so an in-place update keeps the same items on its card.
 * Pure.
 */
export function renderAdaptiveCards(reply: Reply): AdaptiveCard[] {
  const units = renderUnits(reply);
  // Plan the pages on the largest form of every item (ticked), render the real state into them.
  const planned = renderUnits({ ...reply, blocks: reply.blocks.map(allTicked) });
  const pages: Unit[][] = [];
  let current: Unit[] = [];
  let plannedSize = cardBytes([]);
  units.forEach((unit, i) => {
    const size = utf16Bytes(planned[i]!.elements);
    if (current.length > 0 && plannedSize + size > CARD_BUDGET_BYTES) {
      pages.push(current);
      current = unit.continues && unit.item ? [{ elements: [unit.continues] }] : [];
      plannedSize = cardBytes([]) + (unit.continues && unit.item ? utf16Bytes(unit.continues) : 0);
    }
    current.push(unit);
    plannedSize += size + 2;
  });
  if (current.length > 0 || pages.length === 0) pages.push(current);
  return pages.map((page, i) => card(page.flatMap((u) => u.elements), pageFallback(reply, i, pages.length)));
}

/**
 * The one card to show for an in-place update: the page holding `itemId` (a checklist tick), or
 * the first page.
 */
export function renderAdaptiveCardPage(reply: Reply, itemId: string | undefined): AdaptiveCard {
  const cards = renderAdaptiveCards(reply);
  if (itemId !== undefined) {
    const needle = `|${itemId}|`;
    const found = cards.find((c) => JSON.stringify(c.body).includes(needle));
    if (found) return found;
  }
  return cards[0]!;
}

/** The whole reply as one card (small replies; tests). Prefer {@link renderAdaptiveCards}. */
export function renderAdaptiveCard(reply: Reply): AdaptiveCard {
  return card(renderUnits(reply).flatMap((u) => u.elements), reply.fallbackText);
}

/**
 * Card `index` (0-based) of `total` with its page buttons: "next" for the card after it and, when
 * more than one card follows, "show all" for the rest (Action.Submit with the page actions of
 * `paged-replies.ts`). The last card gets none. The page budget leaves room for them.
 */
export function withCardPageButtons(page: AdaptiveCard, id: string, index: number, total: number, language: Language): AdaptiveCard {
  const next = index + 1;
  if (next >= total) return page;
  const words = pageWords(language);
  const buttons: Button[] = [{ id: PAGE_NEXT_ACTION, label: words.next(next + 1, total), value: pageValue(id, next), style: 'primary' }];
  if (total - next > 1) buttons.push({ id: PAGE_ALL_ACTION, label: words.all(total), value: pageValue(id, next) });
  return { ...page, body: [...page.body, { type: 'ActionSet', spacing: 'medium', actions: buttons.map(submit) }] };
}

function card(body: readonly CardElement[], fallbackText: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    fallbackText,
    msteams: { width: 'Full' },
  };
}

function cardBytes(body: readonly CardElement[]): number {
  return utf16Bytes(card(body, ''.padEnd(FALLBACK_MAX, 'x')));
}

const FALLBACK_MAX = 300;

/** A page's fallback: the reply's first line, and which part this is. */
function pageFallback(reply: Reply, index: number, total: number): string {
  const first = reply.fallbackText.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  const part = total > 1 ? ` (${messages(reply.language).rendering.part} ${index + 1}/${total})` : '';
  const room = FALLBACK_MAX - part.length;
  return (first.length > room ? `${first.slice(0, room - 1)}…` : first) + part;
}

function allTicked(block: Block): Block {
  return block.kind === 'checklist' ? { ...block, items: block.items.map((i) => ({ ...i, done: true })) } : block;
}

function renderUnits(reply: Reply): Unit[] {
  const units: Unit[] = [];
  for (const warning of reply.warnings ?? []) {
    units.push({ elements: [{ type: 'TextBlock', text: `⚠ ${cardText(warning)}`, wrap: true, color: 'attention' }] });
  }
  for (const block of presentedBlocks(reply.blocks)) {
    if (block.kind === 'checklist') units.push(...checklistUnits(block, reply.language));
    else if (block.kind === 'text') units.push(...splitMarkdown(block.markdown).map((part): Unit => ({ elements: [text(part)] })));
    else units.push({ elements: renderBlock(block, reply.language) });
  }
  return units;
}

/** Longest piece of text in one TextBlock (a page holds several). */
const TEXT_PIECE_MAX = 4000;

/** Markdown cut into paragraphs, and paragraphs longer than {@link TEXT_PIECE_MAX} at line or word ends. */
export function splitMarkdown(markdown: string): string[] {
  const out: string[] = [];
  for (const paragraph of markdown.split(/\n{2,}/)) {
    let rest = paragraph.trim();
    while (rest.length > TEXT_PIECE_MAX) {
      const window = rest.slice(0, TEXT_PIECE_MAX);
      let at = window.lastIndexOf('\n');
      if (at < TEXT_PIECE_MAX / 2) at = window.lastIndexOf(' ');
      if (at < TEXT_PIECE_MAX / 2) at = TEXT_PIECE_MAX;
      if (/[\ud800-\udbff]/.test(rest.charAt(at - 1))) at -= 1;
      out.push(rest.slice(0, at).trimEnd());
      rest = rest.slice(at).trimStart();
    }
    if (rest) out.push(rest);
  }
  return out;
}

/** True when a reply is only text: Teams then gets a plain markdown message instead of a card. */
export function isTextOnly(reply: Reply): boolean {
  return reply.blocks.every((b) => b.kind === 'text');
}

/**
 * Card text from the reply model's light markdown and quoted PDF text, as Teams shows it: Teams
 * renders bold, italics, links and "- " / "1. " lists in a TextBlock, but no quote blocks, so a
 * leading "> " is dropped; PDF sub-bullets ("o ", "▪ ", "", "◦ ", "• ") become "- " list items.
 * @example cardText('> Let op\no eerste punt') → 'Let op\n- eerste punt'
 */
export function cardText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^(\s*)(?:>\s?)+/, '$1').replace(/^(\s*)(?:o|▪|\uf0b7|◦|•|·)\s+/, '$1- '))
    .join('\n');
}

function checklistUnits(block: Extract<Block, { kind: 'checklist' }>, language: Language): Unit[] {
  const done = block.items.filter((i) => i.done).length;
  const header: TextBlock = { type: 'TextBlock', text: cardText(`${block.title} (${done}/${block.items.length})`), wrap: true, weight: 'bolder', size: 'medium' };
  const continued: TextBlock = { ...header, text: `${header.text} — ${messages(language).rendering.continued}` };
  return [
    { elements: [header], continues: continued },
    ...block.items.map((item, i): Unit => ({
      item: { checklistId: block.id, itemId: item.id },
      continues: continued,
      elements: [
        {
          type: 'ColumnSet',
          spacing: 'small',
          separator: i > 0,
          columns: [
            { type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: item.done ? '✅' : '⬜', wrap: true }] },
            {
              type: 'Column',
              width: 'stretch',
              verticalContentAlignment: 'center',
              items: [
                { type: 'TextBlock', text: cardText(`${i + 1}. ${item.label}`), wrap: true, isSubtle: item.done },
                ...(item.source ? [{ type: 'TextBlock', text: cardText(citation(item.source)), wrap: true, size: 'small', isSubtle: true, spacing: 'none' } as const] : []),
              ],
            },
            {
              type: 'Column',
              width: 'auto',
              items: [
                {
                  type: 'ActionSet',
                  actions: [
                    {
                      type: 'Action.Submit',
                      title: item.done ? messages(language).rendering.undo : messages(language).rendering.tick,
                      // The wanted state, not a flip: a double click changes nothing.
                      data: { action: { id: CHECKLIST_TOGGLE_ACTION, value: checklistToggleValue({ checklistId: block.id, itemId: item.id, done: !item.done }) } },
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    })),
  ];
}

function renderBlock(block: Block, language: Language): CardElement[] {
  switch (block.kind) {
    case 'text':
      return block.markdown.trim() === '' ? [] : [text(block.markdown)];
    case 'fields':
      return block.fields.length === 0 ? [] : [{ type: 'FactSet', facts: block.fields.map((f) => ({ title: f.label, value: f.value })) }];
    case 'quote':
      return [
        text(block.intro),
        { type: 'TextBlock', text: cardText(`“${block.source.snippet}”`), wrap: true, spacing: 'small' },
        { type: 'TextBlock', text: cardText(citation(block.source)), wrap: true, size: 'small', isSubtle: true, spacing: 'small' },
      ];
    case 'sources':
      if (block.sources.length === 0) return [];
      return [
        {
          type: 'Container',
          separator: true,
          spacing: 'medium',
          items: [
            { type: 'TextBlock', text: sourcesLabel(language, block.further === true), wrap: true, weight: 'bolder' },
            ...block.sources.flatMap((s, i): TextBlock[] => [
              { type: 'TextBlock', text: cardText(`[${i + 1}] ${citation(s)}`), wrap: true, size: 'small', spacing: 'small' },
              ...(s.snippet.trim() ? [{ type: 'TextBlock', text: cardText(`“${s.snippet}”`), wrap: true, size: 'small', isSubtle: true, spacing: 'none' } satisfies TextBlock] : []),
            ]),
          ],
        },
      ];
    case 'deadlines':
      if (block.deadlines.length === 0) return [];
      return [
        { type: 'FactSet', facts: block.deadlines.map((d) => ({ title: dateLabel(d.date, d.precision, language), value: deadlineValue(d, language) })) },
        ...block.deadlines
          .filter((d) => d.quote)
          .map((d): TextBlock => ({
            type: 'TextBlock',
            text: cardText(`“${d.quote}”${d.section ? ` (§ ${d.section})` : ''}`),
            wrap: true,
            size: 'small',
            isSubtle: true,
            spacing: 'small',
          })),
      ];
    case 'table':
      return block.header.length === 0 ? [] : [renderTable(block)];
    case 'checklist':
      return checklistUnits(block, language).flatMap((u) => u.elements);
    case 'actions':
      return block.buttons.length === 0 ? [] : [{ type: 'ActionSet', spacing: 'medium', actions: block.buttons.map(submit) }];
    case 'input':
      return [
        { type: 'Input.Text', id: INPUT_TEXT_ID, label: block.label, ...(block.placeholder ? { placeholder: block.placeholder } : {}), maxLength: 1000 },
        { type: 'ActionSet', actions: [submit({ id: block.id, label: block.submitLabel, ...(block.value !== undefined ? { value: block.value } : {}) })] },
      ];
    default:
      return assertNever(block);
  }
}

/** A table block as an Adaptive Card 1.5 Table, the header row in bold; column widths follow the longest cell. */
function renderTable(block: Extract<Block, { kind: 'table' }>): Table {
  const rows = [block.header, ...block.rows];
  const longest = block.header.map((_, i) => Math.max(4, ...rows.map((r) => Math.min(60, (r[i] ?? '').length))));
  const row = (cells: readonly string[], header: boolean): TableRow => ({
    type: 'TableRow',
    cells: block.header.map((_, i) => ({
      type: 'TableCell',
      items: [{ type: 'TextBlock', text: cardText(cells[i]?.trim() || '—'), wrap: true, ...(header ? { weight: 'bolder' as const } : {}) }],
    })),
  });
  return { type: 'Table', columns: longest.map((width) => ({ width })), firstRowAsHeader: true, rows: [row(block.header, true), ...block.rows.map((r) => row(r, false))], spacing: 'medium' };
}

function text(markdown: string): TextBlock {
  return { type: 'TextBlock', text: cardText(markdown), wrap: true };
}

function submit(button: Button): SubmitAction {
  const style = button.style === 'primary' ? 'positive' : button.style === 'danger' ? 'destructive' : undefined;
  return {
    type: 'Action.Submit',
    title: button.label,
    data: { action: button.value === undefined ? { id: button.id } : { id: button.id, value: button.value } },
    ...(style ? { style } : {}),
  };
}

function deadlineValue(d: DeadlineItem, language: Language): string {
  const who = d.insurer ? ` (${d.insurer})` : '';
  return `${d.label}${who} — ${relative(d, language)}`;
}

function relative(d: DeadlineItem, language: Language): string {
  const t = messages(language).rendering;
  if (d.status === 'today') return d.precision === 'month' ? t.thisMonth : t.today;
  const n = Math.abs(d.daysFromNow);
  if (d.status === 'past') return n === 1 ? t.yesterday : t.daysAgo(n);
  return n === 1 ? t.tomorrow : t.inDays(n);
}

import type { types } from '@slack/bolt';
import { CHECKLIST_TOGGLE_ACTION, checklistToggleValue } from '../../handlers/checklist-action.js';
import { dateLabel } from '../../handlers/format-date.js';
import { citation, presentedBlocks, sourcesLabel } from '../../handlers/reply.js';
import { textTable } from '../../handlers/text-table.js';
import type { Block, Button, DeadlineItem, Language, Reply, Source } from '../../handlers/types.js';
import { assertNever } from '../../handlers/types.js';
import { escapeMrkdwn, markdownToMrkdwn, mrkdwnLink, splitText, truncate } from './mrkdwn.js';

export type SlackBlock = types.KnownBlock;

/** One Slack message: Block Kit blocks plus the plain-text `text` Slack shows in notifications. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: SlackBlock[];
}

/** Slack's documented limits (https://docs.slack.dev/reference/block-kit/blocks). */
export const SLACK_LIMITS = {
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  blocksPerMessage: 50,
  messageText: 40_000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  actionId: 255,
  buttonValue: 2000,
  blockId: 255,
  inputLabel: 2000,
  placeholder: 150,
  /** Slack truncates `text` beyond this; notifications and fallbacks stay within it. */
  fallbackText: 4000,
} as const;

export interface RenderOptions {
  /** At most this many messages (default 5, the number of uses of a response URL). */
  readonly maxMessages?: number;
}

/** Which checklist item each rendered block shows (for in-place updates of one page). */
const ITEM_OF = new WeakMap<SlackBlock, string>();

const WORDS = {
  nl: {
    tick: 'Afvinken',
    untick: 'Terugzetten',
    progress: (done: number, total: number) => `${done}/${total} afgerond`,
    past: 'verstreken',
    today: 'vandaag',
    upcoming: (days: number) => (days === 1 ? 'morgen' : `over ${days} dagen`),
    source: 'Bron',
    cut: '… (ingekort: het antwoord is te lang voor Slack; stel een specifiekere vraag voor de rest)',
    continued: '(vervolg)',
  },
  en: {
    tick: 'Tick',
    untick: 'Untick',
    progress: (done: number, total: number) => `${done}/${total} done`,
    past: 'past',
    today: 'today',
    upcoming: (days: number) => (days === 1 ? 'tomorrow' : `in ${days} days`),
    source: 'Source',
    cut: '… (shortened: the answer is too long for Slack; ask a more specific question for the rest)',
    continued: '(continued)',
  },
} as const;

/**
 * Renders a neutral {@link Reply} as Slack messages. Pure: same reply, same output.
 * - text → mrkdwn sections (split at 3,000 characters), warnings first as a context block;
 * - fields and deadline facts → section fields (10 per section); sources → context blocks with links;
 * - checklists → a progress section and one section per item with a tick/untick button;
 * - actions → buttons (25 per actions block, action ids made unique within the block).
 * More than 50 blocks become several messages; beyond `maxMessages` the rest is cut with a pointer.
 * Every message carries a plain-text `text` (at most 40,000 characters).
 */
export function renderBlockKit(reply: Reply, options: RenderOptions = {}): SlackMessage[] {
  return paginate(reply, SLACK_LIMITS.blocksPerMessage, Math.max(1, options.maxMessages ?? 5));
}

/** Blocks per page of a paged reply: one less than Slack's 50, leaving room for the page buttons. */
export const PAGE_BLOCKS = SLACK_LIMITS.blocksPerMessage - 1;

/**
 * A reply as pages to show one at a time with "next" / "show all" buttons (`withPageButtons`):
 * every block kept, nothing cut, at most {@link PAGE_BLOCKS} blocks per page.
 */
export function renderBlockKitPages(reply: Reply): SlackMessage[] {
  return paginate(reply, PAGE_BLOCKS, Number.POSITIVE_INFINITY);
}

/** The index of the page holding checklist item `itemId`, or 0. */
export function pageHolding(pages: readonly SlackMessage[], itemId: string | undefined): number {
  if (itemId === undefined) return 0;
  const index = pages.findIndex((m) => m.blocks.some((b) => ITEM_OF.get(b) === itemId));
  return index < 0 ? 0 : index;
}

function paginate(reply: Reply, perPage: number, maxMessages: number): SlackMessage[] {
  const words = WORDS[reply.language];
  const blocks: SlackBlock[] = [];
  if (reply.warnings && reply.warnings.length > 0) {
    blocks.push(context(reply.warnings.map((w) => `:warning: ${escapeMrkdwn(w)}`)));
  }
  for (const block of presentedBlocks(reply.blocks)) blocks.push(...renderBlock(block, reply.language));

  const chunks: SlackBlock[][] = [];
  for (let i = 0; i < blocks.length; i += perPage) {
    chunks.push(blocks.slice(i, i + perPage));
  }
  if (chunks.length === 0) chunks.push([]);
  if (chunks.length > maxMessages) {
    chunks.length = maxMessages;
    const last = chunks[maxMessages - 1]!;
    if (last.length >= SLACK_LIMITS.blocksPerMessage) last.length = SLACK_LIMITS.blocksPerMessage - 1;
    last.push(context([`_${escapeMrkdwn(words.cut)}_`]));
  }

  // The notification text stays within what Slack shows (4,000 characters); the blocks carry everything.
  const fallback = truncate(reply.fallbackText.trim() || ' ', SLACK_LIMITS.fallbackText, '…');
  return chunks.map((chunk, i) => ({ text: i === 0 ? fallback : `${words.continued} ${i + 1}/${chunks.length}`, blocks: chunk }));
}

/**
 * The one message to show for an in-place update: the page of {@link renderBlockKit} holding
 * checklist item `itemId` (a tick on page 2 updates page 2), or the first page.
 */
export function renderBlockKitPage(reply: Reply, itemId: string | undefined): SlackMessage | undefined {
  const messages = renderBlockKit(reply);
  if (itemId !== undefined) {
    const found = messages.find((m) => m.blocks.some((b) => ITEM_OF.get(b) === itemId));
    if (found) return found;
  }
  return messages[0];
}

/** The Block Kit blocks of one reply block; exhaustive over the block kinds. */
export function renderBlock(block: Block, language: Language): SlackBlock[] {
  switch (block.kind) {
    case 'text':
      return splitText(markdownToMrkdwn(block.markdown), SLACK_LIMITS.sectionText).map(section);
    case 'fields':
      return fieldSections(block.fields.map((f) => `*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`));
    case 'deadlines':
      return renderDeadlineFields(block.deadlines, language);
    case 'quote':
      return [
        ...splitText(`${markdownToMrkdwn(block.intro)}\n${quoteLines(block.source.snippet)}`, SLACK_LIMITS.sectionText).map(section),
        context([`:books: ${sourceHead(block.source)}`]),
      ];
    case 'sources':
      return block.sources.map((source, i) => renderSource(source, i + 1, language, block.further === true));
    case 'table':
      return renderTable(block);
    case 'checklist':
      return renderChecklist(block, language);
    case 'actions':
      return renderActions(block.buttons);
    case 'input':
      return [renderInput(block)];
    default:
      return assertNever(block);
  }
}

/** Deadline facts as section fields: date and status in bold, then what happens and the insurer. */
export function renderDeadlineFields(deadlines: readonly DeadlineItem[], language: Language): SlackBlock[] {
  const words = WORDS[language];
  return fieldSections(
    deadlines.map((d) => {
      const status = d.status === 'past' ? words.past : d.status === 'today' ? words.today : words.upcoming(d.daysFromNow);
      const who = d.insurer ? ` (${escapeMrkdwn(d.insurer)})` : '';
      return `*${escapeMrkdwn(dateLabel(d.date, d.precision, language))}* · _${status}_\n${escapeMrkdwn(d.label)}${who}`;
    }),
  );
}

/**
 * A table in Slack, which has no table block: aligned monospace columns in a code block, as many
 * sections as needed to stay within the section text limit, each repeating the header. Cells are
 * cut to keep a row readable.
 */
function renderTable(block: Extract<Block, { kind: 'table' }>): SlackBlock[] {
  const cell = (text: string) => truncate(text.split('\n').join(' ').trim(), 120);
  const header = block.header.map(cell);
  const rows = block.rows.map((row) => row.map(cell));
  const budget = SLACK_LIMITS.sectionText - 8;
  const out: SlackBlock[] = [];
  let page: string[][] = [];
  const flush = () => {
    if (page.length > 0 || out.length === 0) out.push(section(`\`\`\`${escapeMrkdwn(textTable(header, page))}\`\`\``));
    page = [];
  };
  for (const row of rows) {
    if (page.length > 0 && escapeMrkdwn(textTable(header, [...page, row])).length > budget) flush();
    page.push(row);
  }
  flush();
  return out;
}

/** A quoted passage as mrkdwn quote lines. */
function quoteLines(snippet: string): string {
  return snippet
    .trim()
    .split('\n')
    .map((line) => `>${escapeMrkdwn(line)}`)
    .join('\n');
}

/** Title (linked), publisher, year and section of a source. */
function sourceHead(source: Source): string {
  return `${mrkdwnLink(source.url, source.title)} (${escapeMrkdwn(`${source.publisher}, ${source.year}`)})${
    source.section ? ` · § ${escapeMrkdwn(source.section)}` : ''
  }`;
}

function renderSource(source: Source, n: number, language: Language, further: boolean): SlackBlock {
  const head = `*[${n}]* ${sourceHead(source)}`;
  const label = sourcesLabel(language, further);
  const elements = [n === 1 ? `:books: *${label}* · ${head}` : head];
  if (source.snippet.trim()) elements.push(`“${escapeMrkdwn(truncate(source.snippet.trim(), 300))}”`);
  return context(elements);
}

function renderChecklist(block: Extract<Block, { kind: 'checklist' }>, language: Language): SlackBlock[] {
  const words = WORDS[language];
  const done = block.items.filter((i) => i.done).length;
  const total = block.items.length;
  const filled = total === 0 ? 0 : Math.round((done / total) * 10);
  const out: SlackBlock[] = [
    section(`*${escapeMrkdwn(truncate(block.title, 500))}*\n${'▰'.repeat(filled)}${'▱'.repeat(10 - filled)} ${words.progress(done, total)}`),
  ];
  block.items.forEach((item, i) => {
    const label = escapeMrkdwn(`${i + 1}. ${item.label}`);
    const cite = item.source ? `\n_${words.source}: ${escapeMrkdwn(citation(item.source))}_` : '';
    const text = truncate(`${item.done ? `:white_check_mark: ~${label}~` : `:white_large_square: ${label}`}${cite}`, SLACK_LIMITS.sectionText);
    // The wanted state travels with the click, so a double click (or two people) changes nothing twice.
    const value = checklistToggleValue({ checklistId: block.id, itemId: item.id, done: !item.done });
    const rendered: SlackBlock = {
      type: 'section',
      text: { type: 'mrkdwn', text },
      accessory: {
        type: 'button',
        action_id: CHECKLIST_TOGGLE_ACTION,
        text: { type: 'plain_text', text: item.done ? words.untick : words.tick, emoji: true },
        ...(value.length <= SLACK_LIMITS.buttonValue ? { value } : {}),
        ...(item.done ? {} : { style: 'primary' as const }),
      },
    };
    ITEM_OF.set(rendered, item.id);
    out.push(rendered);
  });
  return out;
}

/**
 * Buttons in actions blocks. Slack wants action ids unique within a block, so a repeated id gets a
 * `~n` suffix, which {@link actionIdFromSlack} removes again.
 */
function renderActions(buttons: readonly Button[]): SlackBlock[] {
  const out: SlackBlock[] = [];
  for (let i = 0; i < buttons.length; i += SLACK_LIMITS.actionsElements) {
    const seen = new Map<string, number>();
    const elements: types.Button[] = buttons.slice(i, i + SLACK_LIMITS.actionsElements).map((b) => {
      const count = seen.get(b.id) ?? 0;
      seen.set(b.id, count + 1);
      const actionId = truncate(b.id, SLACK_LIMITS.actionId - 4, '') + (count > 0 ? `~${count}` : '');
      return {
        type: 'button',
        action_id: actionId,
        text: { type: 'plain_text', text: truncate(b.label, SLACK_LIMITS.buttonText), emoji: true },
        ...(b.value !== undefined && b.value.length <= SLACK_LIMITS.buttonValue ? { value: b.value } : {}),
        ...(b.style ? { style: b.style } : {}),
      };
    });
    if (elements.length > 0) out.push({ type: 'actions', elements });
  }
  return out;
}

/** Prefix of the `block_id` of an input block; the rest is the field's neutral action value. */
export const INPUT_BLOCK_PREFIX = 'input|';

/**
 * A one-line field that sends on Enter (`dispatch_action`): Slack posts a `block_actions` with a
 * `plain_text_input` action whose value is the typed text; the field's own value rides in the block id.
 */
function renderInput(block: Extract<Block, { kind: 'input' }>): SlackBlock {
  const value = block.value ?? '';
  return {
    type: 'input',
    block_id: truncate(`${INPUT_BLOCK_PREFIX}${value}`, SLACK_LIMITS.blockId, ''),
    dispatch_action: true,
    optional: true,
    label: { type: 'plain_text', text: truncate(`${block.label} (${block.submitLabel}: Enter)`, SLACK_LIMITS.inputLabel), emoji: true },
    element: {
      type: 'plain_text_input',
      action_id: truncate(block.id, SLACK_LIMITS.actionId, ''),
      max_length: 1000,
      ...(block.placeholder ? { placeholder: { type: 'plain_text', text: truncate(block.placeholder, SLACK_LIMITS.placeholder), emoji: true } } : {}),
      dispatch_action_config: { trigger_actions_on: ['on_enter_pressed'] },
    },
  };
}

/** The neutral action id of a Slack `action_id` (drops the uniqueness suffix added by the renderer). */
export function actionIdFromSlack(actionId: string): string {
  return actionId.replace(/~\d+$/, '');
}

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText) } };
}

function fieldSections(texts: readonly string[]): SlackBlock[] {
  const out: SlackBlock[] = [];
  for (let i = 0; i < texts.length; i += SLACK_LIMITS.sectionFields) {
    out.push({
      type: 'section',
      fields: texts.slice(i, i + SLACK_LIMITS.sectionFields).map((t) => ({ type: 'mrkdwn', text: truncate(t, SLACK_LIMITS.fieldText) })),
    });
  }
  return out;
}

function context(texts: readonly string[]): SlackBlock {
  return {
    type: 'context',
    elements: texts.slice(0, SLACK_LIMITS.contextElements).map((t) => ({ type: 'mrkdwn', text: truncate(t, SLACK_LIMITS.sectionText) })),
  };
}

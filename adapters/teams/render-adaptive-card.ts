import { CHECKLIST_TOGGLE_ACTION, checklistToggleValue } from '../../handlers/checklist-action.js';
import { dateLabel } from '../../handlers/format-date.js';
import { citation, sourcesLabel } from '../../handlers/reply.js';
import type { Block, Button, DeadlineItem, Language, Reply } from '../../handlers/types.js';
import { assertNever } from '../../handlers/types.js';
import type { AdaptiveCard, CardElement, SubmitAction, TextBlock } from './adaptive-card.js';

/** The id of an input field in a card: Teams returns the typed text under it in the submit's value. */
export const INPUT_TEXT_ID = 'text';

/**
 * Renders a reply as an Adaptive Card 1.5: text as TextBlocks, fields and deadlines as FactSets,
 * sources as numbered citations with their quoted passage, checklists with a tick/untick
 * Action.Submit per item, action buttons as an ActionSet. Every Action.Submit carries
 * `{ action: { id, value } }`, which Teams returns as the activity's `value`. Pure.
 */
export function renderAdaptiveCard(reply: Reply): AdaptiveCard {
  const body: CardElement[] = [];
  for (const warning of reply.warnings ?? []) {
    body.push({ type: 'TextBlock', text: `⚠ ${warning}`, wrap: true, color: 'attention' });
  }
  for (const block of reply.blocks) body.push(...renderBlock(block, reply.language));
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    fallbackText: reply.fallbackText,
    msteams: { width: 'Full' },
  };
}

/** True when a reply is only text: Teams then gets a plain markdown message instead of a card. */
export function isTextOnly(reply: Reply): boolean {
  return reply.blocks.every((b) => b.kind === 'text');
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
        { type: 'TextBlock', text: `“${block.source.snippet}”`, wrap: true, spacing: 'small' },
        { type: 'TextBlock', text: citation(block.source), wrap: true, size: 'small', isSubtle: true, spacing: 'small' },
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
              { type: 'TextBlock', text: `[${i + 1}] ${citation(s)}`, wrap: true, size: 'small', spacing: 'small' },
              { type: 'TextBlock', text: `“${s.snippet}”`, wrap: true, size: 'small', isSubtle: true, spacing: 'none' },
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
            text: `“${d.quote}”${d.section ? ` (§ ${d.section})` : ''}`,
            wrap: true,
            size: 'small',
            isSubtle: true,
            spacing: 'small',
          })),
      ];
    case 'checklist': {
      const done = block.items.filter((i) => i.done).length;
      return [
        {
          type: 'Container',
          spacing: 'medium',
          items: [
            { type: 'TextBlock', text: `${block.title} (${done}/${block.items.length})`, wrap: true, weight: 'bolder', size: 'medium' },
            ...block.items.map((item, i): CardElement => ({
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
                    { type: 'TextBlock', text: `${i + 1}. ${item.label}`, wrap: true, isSubtle: item.done },
                    ...(item.source
                      ? [{ type: 'TextBlock', text: citation(item.source), wrap: true, size: 'small', isSubtle: true, spacing: 'none' } as const]
                      : []),
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
                          title: item.done ? (language === 'nl' ? 'Ongedaan maken' : 'Undo') : language === 'nl' ? 'Afvinken' : 'Tick',
                          // The wanted state, not a flip: a double click changes nothing.
                          data: { action: { id: CHECKLIST_TOGGLE_ACTION, value: checklistToggleValue({ checklistId: block.id, itemId: item.id, done: !item.done }) } },
                        },
                      ],
                    },
                  ],
                },
              ],
            })),
          ],
        },
      ];
    }
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

function text(markdown: string): TextBlock {
  return { type: 'TextBlock', text: markdown, wrap: true };
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
  if (d.status === 'today') {
    if (d.precision === 'month') return language === 'nl' ? 'deze maand' : 'this month';
    return language === 'nl' ? 'vandaag' : 'today';
  }
  const n = Math.abs(d.daysFromNow);
  if (d.status === 'past') {
    if (language === 'nl') return n === 1 ? 'gisteren' : `${n} dagen geleden`;
    return n === 1 ? 'yesterday' : `${n} days ago`;
  }
  if (language === 'nl') return n === 1 ? 'morgen' : `over ${n} dagen`;
  return n === 1 ? 'tomorrow' : `in ${n} days`;
}

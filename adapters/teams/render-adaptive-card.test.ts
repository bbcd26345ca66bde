import { describe, expect, it } from 'vitest';
import { parseChecklistToggleValue } from '../../handlers/checklist-action.js';
import { makeReply } from '../../handlers/reply.js';
import type { Block, BlockKind, Source } from '../../handlers/types.js';
import { isTextOnly, renderAdaptiveCard } from './render-adaptive-card.js';
import { renderTeamsMessage } from './render-teams-message.js';
import { validateAdaptiveCard } from './test-support/validate-card.js';

const source: Source = {
  documentId: 'zz-ggz-2024',
  title: 'Inkoopbeleid GGZ 2024',
  publisher: 'Zorg en Zekerheid',
  year: '2023',
  section: '6 Planning › 6.1 Planning contracteerproces',
  snippet: 'Uiterlijk 9 november 2023 ondertekent de zorgaanbieder de overeenkomst.',
  score: 3.2,
  url: 'https://www.zorgenzekerheid.nl/inkoopbeleid',
};

const every: Record<BlockKind, Block> = {
  text: { kind: 'text', markdown: 'De **uiterste datum** is 9 november 2023.' },
  fields: { kind: 'fields', fields: [{ label: 'Werkdagen', value: '10' }] },
  quote: { kind: 'quote', intro: 'Volgens *Inkoopbeleid GGZ 2024* (sectie 6.1):', source },
  sources: { kind: 'sources', sources: [source] },
  deadlines: {
    kind: 'deadlines',
    deadlines: [
      { date: '2023-11-09', precision: 'day', label: 'Contract ondertekenen', insurer: 'Zorg en Zekerheid', documentId: 'zz-ggz-2024', status: 'past', daysFromNow: -3, quote: 'Uiterlijk 9 november', section: '6.1' },
      { date: '2026-10-01', precision: 'month', label: 'Offerte', insurer: null, documentId: 'x', status: 'upcoming', daysFromNow: 12 },
    ],
  },
  checklist: {
    kind: 'checklist',
    id: 'esc-7',
    title: 'Escalatie VGZ',
    items: [
      { id: 'a', label: 'Samen reflecteren', done: true, source },
      { id: 'b', label: 'Bestuurlijk escaleren', done: false },
    ],
  },
  actions: { kind: 'actions', buttons: [{ id: 'reminder.done', label: 'Klaar', value: 's1|m1', style: 'primary' }, { id: 'reminder.snooze', label: 'Snooze 1 dag' }] },
  input: { kind: 'input', id: 'feedback.comment', label: 'Opmerking', placeholder: 'Wat ontbrak?', submitLabel: 'Versturen', value: 'nl|chat|0' },
  table: {
    kind: 'table',
    header: ['Zorgverzekeraar', 'Datum', 'Status', 'Bron'],
    rows: [
      ['VGZ', 'vrijdag 1 november 2019', 'verstreken', 'Inkoopbeleid GGZ 2020, § 2.5'],
      ['Zorg en Zekerheid', 'donderdag 9 november 2023', 'verstreken', ''],
    ],
  },
};

const ELEMENTS = new Set(['TextBlock', 'FactSet', 'ActionSet', 'ColumnSet', 'Container', 'Input.Text', 'Table']);

/** Checks the parts of the Adaptive Card 1.5 schema the renderer uses; returns every Action.Submit. */
function validate(element: unknown, path: string, submits: unknown[]): void {
  const e = element as Record<string, unknown>;
  expect(ELEMENTS.has(e.type as string), `${path}: unknown element ${String(e.type)}`).toBe(true);
  switch (e.type) {
    case 'TextBlock':
      expect(typeof e.text, path).toBe('string');
      expect((e.text as string).length, path).toBeGreaterThan(0);
      break;
    case 'FactSet':
      for (const f of e.facts as { title: unknown; value: unknown }[]) {
        expect(typeof f.title, path).toBe('string');
        expect(typeof f.value, path).toBe('string');
      }
      break;
    case 'ActionSet':
      for (const a of e.actions as Record<string, unknown>[]) {
        expect(a.type, path).toBe('Action.Submit');
        expect(typeof a.title, path).toBe('string');
        const data = a.data as { action: { id: unknown; value?: unknown } };
        expect(typeof data.action.id, path).toBe('string');
        if ('value' in data.action) expect(typeof data.action.value, path).toBe('string');
        submits.push(data);
      }
      break;
    case 'ColumnSet':
      for (const [i, c] of (e.columns as Record<string, unknown>[]).entries()) {
        expect(c.type).toBe('Column');
        expect(['auto', 'stretch']).toContain(c.width);
        (c.items as unknown[]).forEach((x, j) => validate(x, `${path}.columns[${i}].items[${j}]`, submits));
      }
      break;
    case 'Container':
      (e.items as unknown[]).forEach((x, j) => validate(x, `${path}.items[${j}]`, submits));
      break;
    case 'Input.Text':
      expect(typeof e.id, path).toBe('string');
      break;
    case 'Table':
      for (const [i, row] of (e.rows as { type: string; cells: { type: string; items: unknown[] }[] }[]).entries()) {
        expect(row.type).toBe('TableRow');
        expect(row.cells).toHaveLength((e.columns as unknown[]).length);
        row.cells.forEach((c, j) => {
          expect(c.type).toBe('TableCell');
          c.items.forEach((x, k) => validate(x, `${path}.rows[${i}].cells[${j}].items[${k}]`, submits));
        });
      }
      break;
  }
}

describe('renderAdaptiveCard', () => {
  it('renders every block kind into a valid Adaptive Card 1.5', () => {
    const reply = makeReply('escalation', 'nl', Object.values(every), { warnings: ['Verwijder het BSN uit je bericht.'] });
    const card = renderAdaptiveCard(reply);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
    expect(card.fallbackText).toBe(reply.fallbackText);
    const submits: unknown[] = [];
    card.body.forEach((e, i) => validate(e, `body[${i}]`, submits));
    expect(JSON.parse(JSON.stringify(card))).toEqual(card); // plain JSON
    expect(JSON.stringify(card)).toContain('⚠ Verwijder het BSN');
  });

  it('gives each kind its own rendering', () => {
    for (const [kind, block] of Object.entries(every)) {
      const card = renderAdaptiveCard(makeReply('question', 'en', [block]));
      expect(card.body.length, kind).toBeGreaterThan(0);
    }
  });

  it('renders deadlines as a FactSet with dates, insurer and relative day', () => {
    const card = renderAdaptiveCard(makeReply('deadline', 'en', [every.deadlines]));
    const facts = card.body.find((e) => e.type === 'FactSet');
    expect(facts).toEqual({
      type: 'FactSet',
      facts: [
        { title: 'Thursday 9 November 2023', value: 'Contract ondertekenen (Zorg en Zekerheid) — 3 days ago' },
        { title: 'October 2026', value: 'Offerte — in 12 days' },
      ],
    });
  });

  it('renders a table as an Adaptive Card 1.5 Table with a bold header row, one row per table row', () => {
    const card = renderAdaptiveCard(makeReply('question', 'nl', [every.table]));
    const table = card.body.find((e) => e.type === 'Table');
    expect(table).toMatchObject({ type: 'Table', firstRowAsHeader: true, columns: [{}, {}, {}, {}] });
    const rows = (table as unknown as { rows: { cells: { items: { text: string; weight?: string }[] }[] }[] }).rows;
    expect(rows.map((r) => r.cells.map((c) => c.items[0]?.text))).toEqual([
      ['Zorgverzekeraar', 'Datum', 'Status', 'Bron'],
      ['VGZ', 'vrijdag 1 november 2019', 'verstreken', 'Inkoopbeleid GGZ 2020, § 2.5'],
      ['Zorg en Zekerheid', 'donderdag 9 november 2023', 'verstreken', '—'],
    ]);
    expect(rows[0]?.cells.every((c) => c.items[0]?.weight === 'bolder')).toBe(true);
    expect(validateAdaptiveCard(card)).toEqual([]);
  });

  it('numbers sources and quotes their passage', () => {
    const text = JSON.stringify(renderAdaptiveCard(makeReply('question', 'nl', [every.sources])));
    expect(text).toContain('Bronnen');
    expect(text).toContain('[1] Inkoopbeleid GGZ 2024 (Zorg en Zekerheid, 2023), § 6 Planning › 6.1 Planning contracteerproces');
    expect(text).toContain('“Uiterlijk 9 november 2023 ondertekent');
  });

  it('gives every checklist item a tick/untick Action.Submit naming checklist and item', () => {
    const card = renderAdaptiveCard(makeReply('escalation', 'en', [every.checklist]));
    const submits: { action: { id: string; value?: string } }[] = [];
    card.body.forEach((e, i) => validate(e, `body[${i}]`, submits));
    expect(submits.map((s) => s.action.id)).toEqual(['checklist.toggle', 'checklist.toggle']);
    expect(submits.map((s) => parseChecklistToggleValue(s.action.value))).toEqual([
      { checklistId: 'esc-7', itemId: 'a', done: false }, // ticked item: its button unticks
      { checklistId: 'esc-7', itemId: 'b', done: true },
    ]);
    const text = JSON.stringify(card);
    expect(text).toContain('Escalatie VGZ (1/2)');
    expect(text).toContain('"title":"Undo"');
    expect(text).toContain('"title":"Tick"');
  });

  it('maps reply buttons (reminder Done/Snooze) to Action.Submit with { action: { id, value } }', () => {
    const card = renderAdaptiveCard(makeReply('reminder', 'nl', [every.actions]));
    expect(card.body).toEqual([
      {
        type: 'ActionSet',
        spacing: 'medium',
        actions: [
          { type: 'Action.Submit', title: 'Klaar', data: { action: { id: 'reminder.done', value: 's1|m1' } }, style: 'positive' },
          { type: 'Action.Submit', title: 'Snooze 1 dag', data: { action: { id: 'reminder.snooze' } } },
        ],
      },
    ]);
  });
});

describe('renderTeamsMessage', () => {
  it('sends text-only replies as markdown text and everything else as a card with a summary', () => {
    const text = makeReply('question', 'nl', [every.text]);
    expect(isTextOnly(text)).toBe(true);
    expect(renderTeamsMessage(text)).toEqual({ type: 'message', text: 'De **uiterste datum** is 9 november 2023.', textFormat: 'markdown' });

    const rich = renderTeamsMessage(makeReply('question', 'nl', [every.text, every.sources]));
    expect(rich.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(rich.summary).toBe('De uiterste datum is 9 november 2023.');
    expect(rich.text).toBeUndefined();
  });
});

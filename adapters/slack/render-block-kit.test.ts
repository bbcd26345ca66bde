import { describe, expect, it } from 'vitest';
import { parseChecklistToggleValue } from '../../handlers/checklist-action.js';
import { makeReply } from '../../handlers/reply.js';
import type { Block, DeadlineItem, Source } from '../../handlers/types.js';
import { actionIdFromSlack, renderBlockKit, SLACK_LIMITS, type SlackBlock } from './render-block-kit.js';

const source: Source = {
  documentId: 'zz-ggz-2024',
  title: 'Inkoopbeleid GGZ 2024',
  publisher: 'Zorg en Zekerheid',
  year: '2023',
  section: '6 Planning › 6.1 Planning contracteerproces',
  snippet: 'Uiterlijk 9 november 2023 ondertekent de zorgaanbieder de overeenkomst.',
  score: 0.9,
  url: 'https://www.zorgenzekerheid.nl/inkoopbeleid?jaar=2024&sector=ggz',
};

const deadline: DeadlineItem = {
  date: '2023-11-09',
  precision: 'day',
  label: 'Overeenkomst ondertekenen',
  insurer: 'Zorg en Zekerheid',
  documentId: 'zz-ggz-2024',
  status: 'past',
  daysFromNow: -900,
};

type Section = Extract<SlackBlock, { type: 'section' }>;
type Context = Extract<SlackBlock, { type: 'context' }>;
type Actions = Extract<SlackBlock, { type: 'actions' }>;

function texts(blocks: readonly SlackBlock[]): string[] {
  return blocks.flatMap((b) => {
    if (b.type === 'section') return [...(b.text ? [b.text.text] : []), ...(b.fields ?? []).map((f) => f.text)];
    if (b.type === 'context') return b.elements.map((e) => ('text' in e ? e.text : ''));
    return [];
  });
}

describe('renderBlockKit', () => {
  it('renders text as mrkdwn, deadlines as fields, sources as linked context, with the fallback text set', () => {
    const reply = makeReply('deadline', 'en', [
      { kind: 'text', markdown: 'You must sign **by 9 November 2023** (see [the policy](https://example.org/p)).' },
      { kind: 'deadlines', deadlines: [deadline] },
      { kind: 'sources', sources: [source] },
    ]);
    const [message, ...rest] = renderBlockKit(reply);
    expect(rest).toHaveLength(0);
    expect(message?.text).toBe(reply.fallbackText);
    const [text, fields, ctx] = message!.blocks as [Section, Section, Context];
    expect(text.text?.text).toBe('You must sign *by 9 November 2023* (see <https://example.org/p|the policy>).');
    expect(fields.fields?.[0]?.text).toBe('*Thursday 9 November 2023* · _past_\nOvereenkomst ondertekenen (Zorg en Zekerheid)');
    expect(ctx.type).toBe('context');
    const ctxText = texts([ctx]).join(' ');
    expect(ctxText).toContain('<https://www.zorgenzekerheid.nl/inkoopbeleid?jaar=2024&sector=ggz|Inkoopbeleid GGZ 2024>');
    expect(ctxText).toContain('§ 6 Planning › 6.1 Planning contracteerproces');
    expect(ctxText).toContain('“Uiterlijk 9 november 2023');
  });

  it('renders a quote once, as quoted lines with its citation, and further sources under their own label', () => {
    const further = { ...source, section: '7 Slot', snippet: 'Een ander punt.' };
    const reply = makeReply('question', 'en', [
      { kind: 'quote', intro: 'According to *Inkoopbeleid GGZ 2024* (section 6.1):', source: { ...source, snippet: 'Eerste regel.\nTweede <!here> regel.' } },
      { kind: 'sources', sources: [further], further: true },
    ]);
    const [quote, cite, more] = renderBlockKit(reply)[0]!.blocks as [Section, Context, Context];
    expect(quote.text?.text).toBe('According to _Inkoopbeleid GGZ 2024_ (section 6.1):\n>Eerste regel.\n>Tweede &lt;!here&gt; regel.');
    expect(texts([cite]).join(' ')).toContain('<https://www.zorgenzekerheid.nl/inkoopbeleid?jaar=2024&sector=ggz|Inkoopbeleid GGZ 2024>');
    expect(texts([cite]).join(' ')).not.toContain('Eerste regel');
    expect(texts([more]).join(' ')).toContain('*Further sources* · *[1]*');
    expect(reply.fallbackText.split('Eerste regel').length).toBe(2);
  });

  it('escapes user-derived text so it cannot ping a channel or forge links', () => {
    const reply = makeReply('question', 'nl', [{ kind: 'text', markdown: 'Zie <!channel> & <https://evil.example|klik>' }]);
    const block = renderBlockKit(reply)[0]!.blocks[0] as Section;
    expect(block.text?.text).toBe('Zie &lt;!channel&gt; &amp; &lt;https://evil.example|klik&gt;');
  });

  it('renders a checklist with progress and a tick/untick button per item carrying the toggle value', () => {
    const block: Block = {
      kind: 'checklist',
      id: 'esc-vgz',
      title: 'Escalatie VGZ',
      items: [
        { id: 'reflect', label: 'Samen reflecteren', done: true },
        { id: 'board', label: 'Escaleren naar bestuur', done: false, source },
      ],
    };
    const blocks = renderBlockKit(makeReply('escalation', 'nl', [block]))[0]!.blocks as Section[];
    expect(blocks).toHaveLength(3);
    expect(blocks[0]?.text?.text).toContain('1/2 afgerond');
    expect(blocks[1]?.text?.text).toContain('~1. Samen reflecteren~');
    const tick = blocks[2]?.accessory;
    expect(tick).toMatchObject({ type: 'button', action_id: 'checklist.toggle', text: { text: 'Afvinken' } });
    // The escalation handler reads the wanted state from the value: tick the open item, untick the done one.
    const target = (accessory: unknown) => parseChecklistToggleValue((accessory as { value?: string }).value);
    expect(target(tick)).toEqual({ checklistId: 'esc-vgz', itemId: 'board', done: true });
    expect(target(blocks[1]?.accessory)).toEqual({ checklistId: 'esc-vgz', itemId: 'reflect', done: false });
    expect(blocks[1]?.accessory).toMatchObject({ text: { text: 'Terugzetten' } });
    expect(blocks[2]?.text?.text).toContain('Bron: Inkoopbeleid GGZ 2024');
  });

  it('renders actions as buttons with unique action ids per block, which map back to the neutral id', () => {
    const reply = makeReply('reminder', 'en', [
      {
        kind: 'actions',
        buttons: [
          { id: 'reminder.snooze', label: 'Snooze 1 day', value: '1' },
          { id: 'reminder.snooze', label: 'Snooze 1 week', value: '7' },
          { id: 'reminder.done', label: 'Done', style: 'primary' },
        ],
      },
    ]);
    const actions = renderBlockKit(reply)[0]!.blocks[0] as Actions;
    const ids = actions.elements.map((e) => (e as { action_id?: string }).action_id);
    expect(new Set(ids).size).toBe(3);
    expect(ids.map((id) => actionIdFromSlack(id!))).toEqual(['reminder.snooze', 'reminder.snooze', 'reminder.done']);
    expect(actions.elements[2]).toMatchObject({ style: 'primary', text: { type: 'plain_text', text: 'Done' } });
  });

  it('puts privacy warnings first', () => {
    const reply = makeReply('question', 'nl', [{ kind: 'text', markdown: 'Antwoord' }], { warnings: ['Ik heb een BSN weggelaten.'] });
    const first = renderBlockKit(reply)[0]!.blocks[0] as Context;
    expect(texts([first])[0]).toContain('Ik heb een BSN weggelaten.');
  });

  it('splits long text into sections of at most 3,000 characters without losing words', () => {
    const paragraph = 'Zorgaanbieders ontvangen het inkoopbeleid tijdig. '.repeat(40);
    const markdown = Array.from({ length: 5 }, () => paragraph).join('\n\n');
    const blocks = renderBlockKit(makeReply('question', 'nl', [{ kind: 'text', markdown }]))[0]!.blocks as Section[];
    expect(blocks.length).toBeGreaterThan(1);
    for (const b of blocks) expect(b.text!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(blocks.map((b) => b.text!.text).join(' ').replace(/\s+/g, ' ')).toBe(markdown.replace(/\s+/g, ' ').trim());
  });

  it('keeps at most 10 fields per section', () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `L${i}`, value: `V${i}` }));
    const blocks = renderBlockKit(makeReply('calculation', 'en', [{ kind: 'fields', fields }]))[0]!.blocks as Section[];
    expect(blocks.map((b) => b.fields?.length)).toEqual([10, 10, 3]);
  });

  it('splits more than 50 blocks over several messages, and cuts beyond the maximum with a pointer', () => {
    const many: Block[] = Array.from({ length: 120 }, (_, i) => ({ kind: 'text', markdown: `Alinea ${i + 1}` }));
    const reply = makeReply('question', 'nl', many);
    const messages = renderBlockKit(reply);
    expect(messages.map((m) => m.blocks.length)).toEqual([50, 50, 20]);
    expect(messages[0]?.text).toBe(reply.fallbackText);
    expect(messages[1]?.text).toBe('(vervolg) 2/3');

    const cut = renderBlockKit(reply, { maxMessages: 1 });
    expect(cut).toHaveLength(1);
    expect(cut[0]?.blocks).toHaveLength(50);
    expect(texts(cut[0]!.blocks.slice(-1))[0]).toContain('ingekort');
  });

  it('keeps the notification text within 4,000 characters while the blocks carry the whole answer', () => {
    const reply = makeReply('question', 'en', [{ kind: 'text', markdown: 'word '.repeat(20_000) }]);
    const messages = renderBlockKit(reply);
    expect(messages[0]!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    expect(messages[0]!.text.endsWith('…')).toBe(true);
    expect(texts(messages.flatMap((m) => m.blocks)).join(' ').split('word').length - 1).toBe(20_000);
  });

  it('handles every block kind (exhaustive) and always sets a non-empty text', () => {
    const kinds: Block[] = [
      { kind: 'text', markdown: 'x' },
      { kind: 'fields', fields: [{ label: 'a', value: 'b' }] },
      { kind: 'sources', sources: [{ ...source, url: null }] },
      { kind: 'deadlines', deadlines: [{ ...deadline, status: 'upcoming', daysFromNow: 1, precision: 'month', date: '2026-10-01' }] },
      { kind: 'checklist', id: 'c', title: 't', items: [] },
      { kind: 'actions', buttons: [] },
      { kind: 'table', header: ['a', 'b'], rows: [['1', '2']] },
    ];
    for (const block of kinds) {
      const [m] = renderBlockKit(makeReply('question', 'nl', [block]));
      expect(m!.text.length).toBeGreaterThan(0);
    }
    const deadlineBlock = renderBlockKit(makeReply('deadline', 'nl', [kinds[3]!]))[0]!.blocks[0] as Section;
    expect(deadlineBlock.fields?.[0]?.text).toContain('*oktober 2026* · _morgen_');
    const noUrl = renderBlockKit(makeReply('question', 'nl', [kinds[2]!]))[0]!.blocks[0] as Context;
    expect(texts([noUrl])[0]).toContain('Inkoopbeleid GGZ 2024 (Zorg en Zekerheid, 2023)');
  });

  it('renders a table as aligned monospace columns, paged within the section limit with the header repeated', () => {
    const table: Block = {
      kind: 'table',
      header: ['Insurer', 'Date', 'Status', 'Source'],
      rows: [
        ['VGZ', 'Friday 1 November 2019', 'past', 'Inkoopbeleid GGZ 2020 <b>'],
        ['Zorg en Zekerheid', 'Thursday 9 November 2023', 'past', 'Zorginkoopbeleid GGZ 2024'],
      ],
    };
    const [small] = renderBlockKit(makeReply('question', 'en', [table]));
    const text = (small!.blocks[0] as Section).text?.text ?? '';
    expect(text.startsWith('```') && text.endsWith('```')).toBe(true);
    const lines = text.slice(3, -3).split('\n');
    expect(lines[0]).toMatch(/^Insurer {12}Date {22}Status {2}Source$/);
    expect(lines[2]).toMatch(/^VGZ {16}Friday 1 November 2019 {4}past {4}Inkoopbeleid GGZ 2020 &lt;b&gt;$/);
    expect(lines[3]?.indexOf('Thursday')).toBe(lines[0]?.indexOf('Date'));
    const many: Block = { kind: 'table', header: ['Insurer', 'Date'], rows: Array.from({ length: 300 }, (_, i) => [`Insurer ${i}`, `day ${i}`]) };
    const blocks = renderBlockKit(makeReply('question', 'en', [many])).flatMap((m) => m.blocks) as Section[];
    expect(blocks.length).toBeGreaterThan(1);
    for (const b of blocks) {
      expect(b.text!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      expect(b.text!.text.startsWith('```Insurer')).toBe(true);
    }
    expect(blocks.map((b) => b.text!.text).join('\n').match(/Insurer \d+/g)).toHaveLength(300);
  });
});

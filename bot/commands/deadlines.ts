import { dateLabel } from '../../handlers/format-date.js';
import { deadlineCalendar } from '../../handlers/deadline-calendar.js';
import { explainEmptyWindow } from '../../handlers/reminder-preview.js';
import { statusPhrase } from '../../handlers/deadline-text.js';
import type { DeadlineItem, Language, Sector } from '../../handlers/types.js';
import { amsterdamDate, isValidYmd } from '../../knowledge/dates/calendar-date.js';
import { commandKnowledge } from '../command-knowledge.js';
import { loadConfig } from '../config.js';
import { lazyStore } from '../create-context.js';
import type { Command } from '../cli-io.js';
import { UsageError } from '../config-error.js';
import { parseCommandArgs } from '../parse-args.js';
import { parseNow } from '../parse-now.js';

function dateOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isValidYmd(value.trim())) throw new UsageError(`deadlines: --${name} must be a calendar date YYYY-MM-DD, got "${value.slice(0, 40)}".`);
  return value.trim();
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** A plain-text table of calendar items, one line each, with a header. */
export function calendarTable(items: readonly DeadlineItem[], language: Language): string {
  const nl = language === 'nl';
  const rows = items.map((i) => [
    i.date,
    dateLabel(i.date, i.precision, language),
    statusPhrase(i, language),
    i.insurer ?? (nl ? 'sectorbreed' : 'sector-wide'),
    i.actor ?? '',
    i.label,
  ]);
  const header = nl ? ['Datum', 'Dag', 'Status', 'Verzekeraar', 'Wie', 'Stap'] : ['Date', 'Day', 'Status', 'Insurer', 'Who', 'Step'];
  const widths = header.map((h, c) => Math.min(40, Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length))));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === cells.length - 1 ? cell : pad(cell, widths[c] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * `contractbot deadlines [--insurer X] [--sector ggz|huisartsenzorg] [--from D] [--to D] [--now D] [--lang nl|en] [--json]`:
 * the deadline calendar (past and upcoming) as a table, or JSON in the DeadlineItem shape.
 */
export const deadlinesCommand: Command = async (args, io) => {
  const { values } = parseCommandArgs(
    'deadlines',
    args,
    {
      insurer: { type: 'string' },
      sector: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      now: { type: 'string' },
      lang: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    false,
  );
  const config = loadConfig(io.env);
  const store = lazyStore(config.databaseUrl);
  const kb = await commandKnowledge(config, store.get).finally(() => store.close());
  const sector = values.sector === undefined ? undefined : kb.sectors.canonical(values.sector);
  if (values.sector !== undefined && sector === undefined) {
    throw new UsageError(`deadlines: --sector must be one of ${kb.sectors.ids.join(', ')}, got "${values.sector.slice(0, 40)}".`);
  }
  const language = (values.lang ?? 'en').trim().toLowerCase();
  if (language !== 'nl' && language !== 'en') throw new UsageError(`deadlines: --lang must be nl or en, got "${values.lang?.slice(0, 20) ?? ''}".`);
  let insurer: string | null | undefined;
  let note: string | undefined;
  if (values.insurer !== undefined) {
    const name = kb.insurers.canonical(values.insurer);
    if (!name) throw new UsageError(`deadlines: unknown insurer "${values.insurer.slice(0, 40)}". Known with a loaded policy: ${kb.insurers.loaded.join(', ')}.`);
    if (kb.insurers.loaded.includes(name)) insurer = name;
    else {
      insurer = null;
      note =
        language === 'nl'
          ? `Van ${name} is geen inkoopbeleid geladen (geladen: ${kb.insurers.loaded.join(', ')}); hieronder alleen sectorbrede regels, geen data van ${name}.`
          : `No purchasing policy of ${name} is loaded (loaded: ${kb.insurers.loaded.join(', ')}); below are only sector-wide rules, not ${name}'s dates.`;
    }
  }
  const from = dateOption('from', values.from);
  const to = dateOption('to', values.to);
  if (from && to && from > to) throw new UsageError(`deadlines: --from ${from} is after --to ${to}.`);
  const now = values.now !== undefined ? parseNow(values.now) : io.clock();
  const items = deadlineCalendar({
    ...(insurer !== undefined ? { insurer } : {}),
    ...(sector ? { sector: sector as Sector } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    today: amsterdamDate(now),
    language,
  }, kb.milestones);
  if (values.json) {
    io.stdout.write(JSON.stringify(items) + '\n');
    if (note) io.stderr.write(note + '\n');
    if (items.length === 0) io.stderr.write(explainEmptyWindow(kb, { ...(insurer !== undefined ? { insurer } : {}), ...(sector ? { sector } : {}) }, { ...(from ? { from } : {}), ...(to ? { to } : {}) }, language) + '\n');
    return 0;
  }
  const lines: string[] = [];
  if (note) lines.push(note, '');
  lines.push(
    items.length > 0
      ? calendarTable(items, language)
      : explainEmptyWindow(kb, { ...(insurer !== undefined ? { insurer } : {}), ...(sector ? { sector } : {}) }, { ...(from ? { from } : {}), ...(to ? { to } : {}) }, language),
  );
  io.stdout.write(lines.join('\n') + '\n');
  return 0;
};

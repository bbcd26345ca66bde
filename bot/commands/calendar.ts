import { writeFileSync } from 'node:fs';
import { buildCalendar, calendarEntries } from '../calendar/build-calendar.js';
import { parseCalendarFilter } from '../calendar/calendar-query.js';
import type { Command } from '../cli-io.js';
import { commandKnowledge } from '../command-knowledge.js';
import { loadConfig } from '../config.js';
import { UsageError } from '../config-error.js';
import { lazyStore } from '../create-context.js';
import { parseCommandArgs } from '../parse-args.js';
import { parseNow } from '../parse-now.js';

/**
 * `contractbot calendar [--insurer X,…|all] [--sector ggz|huisartsenzorg|all] [--lang nl|en] [--past] [--alarm DAYS] [--now D] [--out FILE.ics]`:
 * the deadlines as an iCalendar file (stdout without --out), the same as `GET /calendar.ics`.
 */
export const calendarCommand: Command = async (args, io) => {
  const { values } = parseCommandArgs(
    'calendar',
    args,
    { insurer: { type: 'string' }, sector: { type: 'string' }, lang: { type: 'string' }, now: { type: 'string' }, out: { type: 'string' }, past: { type: 'boolean', default: false }, alarm: { type: 'string' } },
    false,
  );
  const now = values.now !== undefined ? parseNow(values.now) : io.clock();
  const config = loadConfig(io.env);
  const store = lazyStore(config.databaseUrl);
  const knowledge = await commandKnowledge(config, store.get).finally(() => store.close());
  const parsed = parseCalendarFilter({ insurer: values.insurer, sector: values.sector, lang: values.lang, past: values.past ? '1' : '0', alarm: values.alarm }, knowledge);
  if (!parsed.ok) throw new UsageError(`calendar: --${parsed.message}`);
  const options = { knowledge, ...parsed.filter, now };
  const entries = calendarEntries(options);
  const ics = buildCalendar(options, entries);
  const out = values.out?.trim();
  if (out === undefined || out === '-') {
    io.stdout.write(ics);
    return 0;
  }
  if (out === '') throw new UsageError('calendar: --out needs a file name, e.g. --out deadlines.ics.');
  try {
    writeFileSync(out, ics, 'utf8');
  } catch (error) {
    throw new UsageError(`calendar: cannot write ${out.slice(0, 100)}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  io.stdout.write(`Wrote ${entries.length} events to ${out}.\n`);
  return 0;
};

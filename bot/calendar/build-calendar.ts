import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import { actorPhrase } from '../../handlers/deadline-text.js';
import { citation } from '../../handlers/reply.js';
import type { Language, Sector } from '../../handlers/types.js';
import { addDays, amsterdamDate, formatYmd, parseYmd } from '../../knowledge/dates/calendar-date.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { Milestone } from '../../knowledge/milestones/milestone.js';
import { milestoneOccurrences } from '../../knowledge/milestones/occurrences.js';
import { subscriptionCovers } from '../../handlers/subscription-covers.js';

export interface CalendarOptions {
  readonly knowledge: KnowledgeBase;
  readonly insurers: readonly string[] | 'all';
  readonly sectors: readonly Sector[] | 'all';
  readonly language: Language;
  /** Decides the window of yearly rules, which contract years are past, and DTSTAMP. */
  readonly now: Date;
  /** Include past contract years (default: left out). */
  readonly past?: boolean;
  /** Days before each event an alarm goes off (a display VALARM); none when undefined. */
  readonly alarmDays?: number;
}

/** One all-day calendar entry of a milestone occurrence. */
export interface CalendarEntry {
  readonly milestone: Milestone;
  /** First day (YYYY-MM-DD). */
  readonly start: string;
  /** Day after the last day (iCalendar DTEND of an all-day event is exclusive). */
  readonly end: string;
}

/**
 * The milestone occurrences a calendar shows: every dated milestone, every month milestone as an
 * event spanning its month, and the yearly rules to 31 December two years ahead. Past contract
 * years are left out unless `past` is set: milestones of a contract year before this year, and
 * yearly occurrences before 1 January of this year (with `past`: from 1 January last year).
 * Filters as for reminders: an insurer filter keeps that insurer's and sector-wide milestones.
 */
export function calendarEntries(options: Omit<CalendarOptions, 'language'>): CalendarEntry[] {
  const year = parseYmd(amsterdamDate(options.now)).year;
  const from = formatYmd(options.past ? year - 1 : year, 1, 1);
  const to = formatYmd(year + 2, 12, 31);
  const entries: CalendarEntry[] = [];
  for (const m of options.knowledge.milestones) {
    if (m.verified === false || !subscriptionCovers({ insurers: options.insurers, sectors: options.sectors }, m)) continue;
    if (!options.past && m.contractYear !== null && m.contractYear < year) continue;
    switch (m.when.kind) {
      case 'date':
        entries.push({ milestone: m, start: m.when.date, end: addDays(m.when.date, 1) });
        break;
      case 'month': {
        // A span of months ("eerste kwartaal van 2025") runs through the last day of its `through` month.
        const start = `${m.when.month}-01`;
        const { year: y, month } = parseYmd(`${m.when.through ?? m.when.month}-01`);
        entries.push({ milestone: m, start, end: month === 12 ? formatYmd(y + 1, 1, 1) : formatYmd(y, month + 1, 1) });
        break;
      }
      case 'yearly':
        for (const o of milestoneOccurrences(m, from, to)) entries.push({ milestone: m, start: o.date, end: addDays(o.date, 1) });
        break;
    }
  }
  return entries.sort((a, b) => a.start.localeCompare(b.start) || a.milestone.id.localeCompare(b.milestone.id));
}

/**
 * An iCalendar (RFC 5545) file of the deadlines for Outlook, Google Calendar and Apple Calendar:
 * one all-day event (`DTSTART;VALUE=DATE`) per occurrence, a stable UID per milestone occurrence so
 * re-imports and feed refreshes update instead of duplicating, the source quote and citation in
 * the description. `entries` defaults to {@link calendarEntries} of `options`.
 */
export function buildCalendar(options: CalendarOptions, entries: readonly CalendarEntry[] = calendarEntries(options)): string {
  const nl = options.language === 'nl';
  const calendar = ical({
    name: nl ? 'ContractBot: deadlines zorginkoop' : 'ContractBot: contracting deadlines',
    description: nl ? 'Mijlpalen van de zorginkoop uit de geïndexeerde documenten, met bron.' : 'Contracting milestones from the indexed documents, with sources.',
    prodId: { company: 'ContractBot', product: 'deadlines', language: nl ? 'NL' : 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60 * 12,
  });
  for (const entry of entries) {
    const m = entry.milestone;
    const source = options.knowledge.source(m.documentId, m.section, m.quote, 1);
    const who = actorPhrase(m.actor, m.insurer, options.language);
    const monthNote =
      m.when.kind !== 'month' ? '' : m.when.through ? (nl ? ' (ergens in deze periode)' : ' (some time in this period)') : nl ? ' (ergens in deze maand)' : ' (some time this month)';
    calendar.createEvent({
      id: `${m.id}-${entry.start}@contractbot`,
      start: utcDay(entry.start),
      end: utcDay(entry.end),
      allDay: true,
      stamp: options.now,
      summary: `${m.label[options.language]} (${m.insurer ?? m.sector})${monthNote}`,
      description: [
        `${nl ? 'Wie moet handelen' : 'Who must act'}: ${who}`,
        `“${m.quote}”`,
        `${nl ? 'Bron' : 'Source'}: ${citation(source)}`,
      ].join('\n\n'),
      ...(source.url ? { url: source.url } : {}),
      ...(options.alarmDays !== undefined
        ? {
            alarms: [
              {
                type: ICalAlarmType.display,
                // Seconds before the (all-day) start: 7 days before 00:00 of the deadline day.
                triggerBefore: options.alarmDays * 24 * 60 * 60,
                description: `${m.label[options.language]} (${m.insurer ?? m.sector})`,
              },
            ],
          }
        : {}),
    });
  }
  // RFC 5545 ends every content line, the last one included, with CRLF.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : text + '\r\n';
}

/** All-day dates go to ical-generator as UTC midnight (it formats date-only values in UTC). */
function utcDay(date: string): Date {
  const { year, month, day } = parseYmd(date);
  return new Date(Date.UTC(year, month - 1, day));
}

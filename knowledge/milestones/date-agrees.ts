import { parseYmd } from '../dates/calendar-date.js';
import { extractDates, resolveDate, type ExtractedDate, type PartialDate } from '../dates/extract-dates.js';
import type { Milestone } from './milestone.js';

/** The calendar dates (and month-days) a quote can stand for, given a year for dates written without one. */
function candidates(d: ExtractedDate, defaultYear: number): { date: string; precision: 'day' | 'month'; yearGiven: boolean }[] {
  const out: { date: string; precision: 'day' | 'month'; yearGiven: boolean }[] = [];
  const push = (p: PartialDate, relation: ExtractedDate['relation'], endOfMonth: boolean) => {
    const resolved = resolveDate({ start: p, relation, endOfMonth }, p.year ?? defaultYear);
    if (resolved) out.push({ ...resolved, yearGiven: p.year !== undefined });
    // "voor 1 april" is also read as "by 1 April" in the documents' own timelines.
    if (relation === 'before') {
      const plain = resolveDate({ start: p, relation: 'on', endOfMonth }, p.year ?? defaultYear);
      if (plain) out.push({ ...plain, yearGiven: p.year !== undefined });
    }
  };
  push(d.start, d.relation, d.endOfMonth);
  if (d.end) push(d.end, 'on', false);
  return out;
}

function ym(p: PartialDate, defaultYear: number): string {
  return `${p.year ?? defaultYear}-${String(p.month).padStart(2, '0')}`;
}

/**
 * Whether a milestone's date agrees with a date its quote spells out: the same day (or the day
 * before for "voor 1 september"), the same month for month precision, the same month and day for
 * a yearly rule (whose quote must not pin a year). A date written without a year matches any year.
 */
export function dateAgreesWithQuote(m: Pick<Milestone, 'when' | 'quote'>): boolean {
  const extracted = extractDates(m.quote);
  const when = m.when;
  switch (when.kind) {
    case 'date': {
      const year = parseYmd(when.date).year;
      return extracted.some((d) => candidates(d, year).some((c) => c.precision === 'day' && c.date === when.date));
    }
    case 'month': {
      const year = Number(when.month.slice(0, 4));
      if (when.through !== undefined) {
        // A span of months ("eerste kwartaal van 2025") must be one period of the quote, start and end.
        const through = when.through;
        return extracted.some((d) => d.end !== undefined && d.start.day === undefined && d.end.day === undefined && ym(d.start, year) === when.month && ym(d.end, year) === through);
      }
      return extracted.some((d) => candidates(d, year).some((c) => c.precision === 'month' && c.date.startsWith(when.month)));
    }
    case 'yearly': {
      const md = `${String(when.month).padStart(2, '0')}-${String(when.day).padStart(2, '0')}`;
      return extracted.some((d) => candidates(d, 2000).some((c) => c.precision === 'day' && !c.yearGiven && c.date.slice(5) === md));
    }
  }
}

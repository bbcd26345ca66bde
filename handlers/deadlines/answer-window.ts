import { addDays, amsterdamDate } from '../../knowledge/dates/calendar-date.js';
import type { Milestone } from '../../knowledge/milestones/milestone.js';
import { tokenize } from '../../knowledge/vocabulary/term-matcher.js';
import type { HandlerContext } from '../context.js';
import { deadlineCalendar } from '../deadline-calendar.js';
import { statusPhrase } from '../deadline-text.js';
import { dateLabel } from '../format-date.js';
import { makeReply } from '../reply.js';
import type { Understanding } from '../understand/understanding.js';
import type { DeadlineItem, IncomingMessage, Reply } from '../types.js';

const WORDS = {
  nl: {
    range: (from: string, to: string) => `Deadlines van ${from} tot en met ${to}`,
    next: (from: string) => `De eerstvolgende deadline vanaf ${from}`,
    nextCount: (count: number, from: string) => `De eerstvolgende ${count} deadlines vanaf ${from}`,
    none: 'Daarin valt geen enkele deadline uit de documenten.',
    lastKnown: 'De laatste eerdere deadline in de documenten:',
    sectorWide: 'sectorbreed',
  },
  en: {
    range: (from: string, to: string) => `Deadlines from ${from} through ${to}`,
    next: (from: string) => `The next deadline from ${from}`,
    nextCount: (count: number, from: string) => `The next ${count} deadlines from ${from}`,
    none: 'No deadline from the documents falls in it.',
    lastKnown: 'The last earlier deadline in the documents:',
    sectorWide: 'sector-wide',
  },
} as const;

/**
 * The deadlines inside the understanding's time window ("komende 3 maanden", "in januari en
 * februari 2027"), in date order, filtered by the insurers and sector named or remembered
 * (sector-wide rules apply to an insurer in the sectors of its policies); for a `next` window ("what's next?") only the first
 * date on or after its start (several steps on that day all shown). Verified milestones only;
 * `deadlines` holds exactly the dates shown.
 */
export async function answerWindow(_message: IncomingMessage, u: Understanding, context: HandlerContext): Promise<Reply> {
  const language = u.language;
  const words = WORDS[language];
  const today = amsterdamDate(context.now);
  const window = u.window ?? { from: today, to: today, kind: 'next' as const };
  const kb = context.knowledge;
  const names = new Set(u.insurers.map((i) => i.name));
  // Sector-wide rules count for a named insurer only in the sectors its policies are for: the GP
  // rules are no deadlines of a ggz insurer.
  const insurerSectors = new Set(kb.documents.filter((d) => d.kind === 'insurer-policy' && d.insurer !== null && names.has(d.insurer)).map((d) => d.sector));
  const sectorWide = (sector: string) => names.size === 0 || u.sector !== undefined || insurerSectors.size === 0 || insurerSectors.has(sector);
  const scoped = kb.milestones.filter(
    (m) =>
      m.verified &&
      (names.size === 0 || (m.insurer === null ? sectorWide(m.sector) : names.has(m.insurer))) &&
      (u.sector === undefined || m.sector === u.sector),
  );
  // "en welke daarvan gaat over de zorggroepen?": only the deadlines whose label names a word selected by (all when none does).
  const selected = u.selects && u.selects.length > 0 ? scoped.filter((m) => mentionsAny(m, u.selects ?? [])) : [];
  const milestones = selected.length > 0 ? selected : scoped;
  const inRange = deadlineCalendar({ from: window.from, ...(window.kind === 'range' ? { to: window.to } : {}), today, language }, milestones);
  const items: DeadlineItem[] =
    window.kind === 'range' ? inRange : window.count !== undefined ? inRange.slice(0, window.count) : inRange.filter((d) => d.date === inRange[0]?.date);
  const scope = [...names, ...(u.sector ? [kb.sectors.name(u.sector, language)] : [])];
  const head =
    (window.kind === 'next'
      ? window.count !== undefined && window.count > 1
        ? words.nextCount(window.count, dateLabel(window.from, 'day', language))
        : words.next(dateLabel(window.from, 'day', language))
      : words.range(dateLabel(window.from, 'day', language), dateLabel(window.to, 'day', language))) +
    (scope.length > 0 ? ` (${scope.join(', ')})` : '') +
    ':';
  const line = (d: DeadlineItem) => `• **${dateLabel(d.date, d.precision, language)}** — ${d.label} (${d.insurer ?? words.sectorWide}); ${statusPhrase(d, language)}`;
  const lines = items.map(line);
  // Nothing in the window: the last earlier date shown for orientation (with its source), never as a deadline of the window.
  const before = items.length === 0 ? deadlineCalendar({ from: '1900-01-01', to: addDays(window.from, -1), today, language }, milestones) : [];
  const last = before.filter((d) => d.date === before[before.length - 1]?.date);
  const earlier = last.length > 0 ? `\n${words.lastKnown}\n${last.map(line).join('\n')}` : '';
  const sources = [...items, ...last].flatMap((d) => {
    const m = context.knowledge.milestones.find((x) => x.id === d.milestoneId);
    return m ? [context.knowledge.source(m.documentId, m.section, m.quote, 1)] : [];
  });
  return makeReply('deadline', language, [
    { kind: 'text', markdown: items.length === 0 ? `${head}\n${words.none}${earlier}` : `${head}\n${lines.join('\n')}` },
    { kind: 'deadlines', deadlines: items, stated: items.length },
    { kind: 'sources', sources: dedupe(sources) },
  ]);
}

/** The shortest start of a selecting word another word must begin with to match it ("zorggroepen" matches "zorggroep"). */
const MIN_STEM = 5;

/** Whether the milestone's labels (Dutch or English) have a word starting like one of `words` (a word of at least {@link MIN_STEM} letters, its last two dropped). */
function mentionsAny(m: Milestone, words: readonly string[]): boolean {
  const stems = words.filter((w) => w.length >= MIN_STEM).map((w) => w.slice(0, Math.max(MIN_STEM, w.length - 2)));
  if (stems.length === 0) return false;
  const tokens = tokenize(`${m.label.nl} ${m.label.en}`);
  return tokens.some((t) => stems.some((s) => t.folded.startsWith(s)));
}

function dedupe<T extends { documentId: string; snippet: string }>(sources: readonly T[]): T[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.documentId}|${s.snippet}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).slice(0, 4);
}

import type { Sector } from '../../handlers/types.js';
import { fold } from '../fold.js';
import { extractDates, resolveDate } from '../dates/extract-dates.js';
import { actionsIn } from './actions.js';
import { type Actor, type Milestone, milestoneSchema } from './milestone.js';

export interface ProposalContext {
  readonly documentId: string;
  readonly insurer: string | null;
  readonly sector: Sector;
  readonly contractYear: number | null;
  /** Year for dates written without one (default: the year before the contract year). */
  readonly defaultYear?: number;
}

/** The sentence or table line around an offset: from the previous sentence end or blank line to the next. */
function sentenceAround(text: string, index: number, length: number): string {
  const before = text.slice(0, index);
  const startCut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n\n'), before.lastIndexOf('? '), before.lastIndexOf(': '));
  const start = startCut < 0 ? 0 : startCut + 2;
  const afterFrom = index + length;
  const rest = text.slice(afterFrom);
  const ends = [rest.indexOf('. '), rest.indexOf('.\n'), rest.indexOf('\n\n')].filter((i) => i >= 0);
  const end = ends.length > 0 ? afterFrom + Math.min(...ends) + 1 : text.length;
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}

function guessActor(sentence: string): Actor {
  const f = fold(sentence);
  if (/\bnza\b/.test(f) && !/zorgverzekeraar|verzekeraar/.test(f)) return 'NZa';
  if (/\b(zorgaanbieder|aanbieder|huisarts|u dient|u kunt|uw)\b/.test(f)) return 'zorgaanbieder';
  return 'zorgverzekeraar';
}

function slug(text: string): string {
  return fold(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
}

/**
 * Proposes milestones for a (new) document: one per date the text spells out, with the sentence
 * it stands in as quote and label, the actions named there and a guessed actor. Every proposal is
 * `verified: false` until a person checks and completes it (labels, English text, section).
 * Dates without a day or month are skipped; periods give their start and end.
 * @example proposeMilestones(text, { documentId: 'cz-ggz-2027', insurer: 'CZ', sector: 'ggz', contractYear: 2027 })
 */
export function proposeMilestones(text: string, context: ProposalContext): Milestone[] {
  const defaultYear = context.defaultYear ?? (context.contractYear !== null ? context.contractYear - 1 : 2000);
  const out: Milestone[] = [];
  const seen = new Set<string>();
  for (const d of extractDates(text)) {
    const sentence = sentenceAround(text, d.index, d.text.length);
    // A span of whole months ("in het eerste kwartaal van 2025") is one milestone with `through`.
    const monthSpan = d.end !== undefined && d.start.day === undefined && d.end.day === undefined && !d.endOfMonth;
    const points = monthSpan ? [{ part: 'span', date: resolveDate(d, d.start.year ?? defaultYear) }] : [
      { part: 'start', date: resolveDate(d, d.start.year ?? defaultYear) },
      ...(d.end ? [{ part: 'end', date: resolveDate({ start: d.end, relation: 'on', endOfMonth: false }, d.end.year ?? defaultYear) }] : []),
    ];
    const through = monthSpan && d.end ? `${d.end.year ?? defaultYear}-${String(d.end.month).padStart(2, '0')}` : undefined;
    for (const { part, date } of points) {
      if (!date) continue;
      const id = `${context.documentId}-proposed-${date.date}-${slug(sentence)}${d.end && !monthSpan ? `-${part}` : ''}`.replace(/-+/g, '-').replace(/-$/, '');
      if (seen.has(id)) continue;
      seen.add(id);
      const label = sentence.length > 160 ? `${sentence.slice(0, 157)}…` : sentence;
      out.push(
        milestoneSchema.parse({
          id,
          documentId: context.documentId,
          insurer: context.insurer,
          sector: context.sector,
          contractYear: context.contractYear,
          when: date.precision === 'month' ? { kind: 'month', month: date.date.slice(0, 7), ...(through ? { through } : {}) } : { kind: 'date', date: date.date },
          actor: guessActor(sentence),
          label: { nl: label, en: `(unverified, Dutch source) ${label}` },
          quote: sentence.length >= 10 ? sentence : d.text.padEnd(10, ' '),
          section: '(unverified)',
          actions: actionsIn(sentence),
          verified: false,
        }),
      );
    }
  }
  return out;
}

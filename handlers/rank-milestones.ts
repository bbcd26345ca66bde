import { fold } from '../knowledge/fold.js';
import type { Milestone } from '../knowledge/milestones/milestone.js';
import type { DeadlineQuestion } from './deadline-question.js';

export interface RankedMilestone {
  readonly milestone: Milestone;
  readonly score: number;
  /** How many content words of the question occur in the milestone's labels and quote. */
  readonly overlap?: number;
  /** Of those, how many are distinctive: found in at most {@link DISTINCTIVE_MAX} of the milestones ranked. */
  readonly distinctive?: number;
}

/** A word in more milestones than this ("zorgovereenkomst", "contract") names none of them. */
const DISTINCTIVE_MAX = 3;

function milestoneText(m: Milestone): string {
  return fold(`${m.label.nl} ${m.label.en} ${m.quote}`);
}

function wordIn(text: string, word: string): boolean {
  return text.includes(word.length > 5 ? word.slice(0, -1) : word);
}

/**
 * The actions a milestone answers, plus "start"/"end" for the two ends of a period: "when does
 * digital contracting start?" asks for the start of the contracting period.
 */
function answeredActions(m: Milestone): readonly string[] {
  if (m.period === 'start' && !m.actions.includes('start')) return [...m.actions, 'start'];
  if (m.period === 'end' && !m.actions.includes('end')) return [...m.actions, 'end'];
  return m.actions;
}

function milestoneYears(m: Milestone): number[] {
  const years: number[] = [];
  if (m.contractYear !== null) years.push(m.contractYear);
  if (m.when.kind === 'date') years.push(Number(m.when.date.slice(0, 4)));
  if (m.when.kind === 'month') years.push(Number(m.when.month.slice(0, 4)));
  return years;
}

/**
 * Scores milestones against a parsed question: shared actions weigh most, then the document or
 * sector named, whose deadline it is, the year, the end of a period for "until when", and finally
 * shared words. Milestones of an insurer other than the one asked about are never candidates:
 * the caller passes only the milestones it may answer with.
 */
export function rankMilestones(question: DeadlineQuestion, milestones: readonly Milestone[]): RankedMilestone[] {
  const ranked: RankedMilestone[] = [];
  const texts = new Map(milestones.map((m) => [m, milestoneText(m)] as const));
  const frequency = new Map(question.words.map((w) => [w, milestones.filter((m) => wordIn(texts.get(m) ?? '', w)).length] as const));
  for (const m of milestones) {
    let score = 0;
    const asked: readonly string[] = question.actions;
    const actions = answeredActions(m);
    const shared = actions.filter((a) => asked.includes(a)).length;
    if (question.actions.length > 0) {
      if (shared === 0) continue;
      score += 3 * shared + (shared === actions.length ? 0.5 : 0);
    }
    if (question.documentIds.length > 0) score += question.documentIds.includes(m.documentId) ? 2 : -1;
    if (question.sector) score += question.sector === m.sector ? 1 : -3;
    if (question.actor) {
      if (m.actor === question.actor) score += 1;
      else if (m.actor === 'zorgaanbieder en zorgverzekeraar' && question.actor !== 'NZa') score += 0.5;
      else if (question.actor === 'NZa' || m.actor === 'NZa') score -= 1;
    }
    if (question.year !== undefined) score += milestoneYears(m).includes(question.year) ? 1.5 : 0;
    if (m.period === 'start') score += question.wantsEnd ? -1 : 0;
    if (m.period === 'end') score += question.wantsEnd ? 0.5 : -0.25;
    if (!m.verified) score -= 1;
    const text = texts.get(m) ?? '';
    const sharedWords = question.words.filter((w) => wordIn(text, w));
    const overlap = sharedWords.length;
    const distinctive = sharedWords.filter((w) => (frequency.get(w) ?? 0) <= DISTINCTIVE_MAX).length;
    score += Math.min(2, overlap * 0.4) + Math.min(1, distinctive * 0.3);
    // With no insurer and no year named, the sector-wide yearly rules answer first ("when do
    // insurers open their portals?"), before one insurer's or one year's dates.
    if (question.insurers.length === 0 && question.year === undefined) score += m.insurer === null && m.when.kind === 'yearly' ? 0.75 : 0;
    ranked.push({ milestone: m, score, overlap, distinctive });
  }
  return ranked.sort((a, b) => b.score - a.score || (b.overlap ?? 0) - (a.overlap ?? 0));
}

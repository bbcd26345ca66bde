import { fold } from '../knowledge/fold.js';
import type { Milestone } from '../knowledge/milestones/milestone.js';
import type { DeadlineQuestion } from './deadline-question.js';

export interface RankedMilestone {
  readonly milestone: Milestone;
  readonly score: number;
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
  for (const m of milestones) {
    let score = 0;
    const asked: readonly string[] = question.actions;
    const shared = m.actions.filter((a) => asked.includes(a)).length;
    if (question.actions.length > 0) {
      if (shared === 0) continue;
      score += 3 * shared + (shared === m.actions.length ? 0.5 : 0);
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
    const text = fold(`${m.label.nl} ${m.label.en} ${m.quote}`);
    const overlap = question.words.filter((w) => text.includes(w.length > 5 ? w.slice(0, -1) : w)).length;
    score += Math.min(2, overlap * 0.4);
    ranked.push({ milestone: m, score });
  }
  return ranked.sort((a, b) => b.score - a.score);
}

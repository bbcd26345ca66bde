import { amsterdamDate } from '../../knowledge/dates/calendar-date.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import { ACTION_IDS, type Action } from '../../knowledge/milestones/actions.js';
import type { Milestone } from '../../knowledge/milestones/milestone.js';
import type { InsurerMention } from '../../knowledge/vocabulary/insurer-catalog.js';
import { policyFor } from '../answer-deadline.js';
import { toDeadlineItem } from '../deadline-item.js';
import { occurrenceToShow } from '../deadline-occurrence.js';
import type { DeadlineQuestion } from '../deadline-question.js';
import { rankMilestones } from '../rank-milestones.js';
import type { Understanding } from '../understand/understanding.js';
import type { DeadlineItem, Language } from '../types.js';

/** One insurer's answer to a step question: its best dated step under the policy that answers, or why there is none. */
export type InsurerDeadline =
  | { readonly kind: 'found'; readonly insurer: string; readonly milestone: Milestone; readonly item: DeadlineItem; readonly policyTitle: string }
  /** The insurer's policy is loaded but names no date for this step. */
  | { readonly kind: 'no-step'; readonly insurer: string; readonly policyTitle: string }
  /** No purchasing policy with dated steps of this insurer is loaded. */
  | { readonly kind: 'no-policy'; readonly insurer: string };

/** The ranking question an understanding stands for (no re-parsing: every field comes from its slots). */
export function deadlineQuestionOf(u: Understanding, insurers: readonly InsurerMention[]): DeadlineQuestion {
  const actions = u.step !== undefined && (ACTION_IDS as readonly string[]).includes(u.step) ? [u.step as Action] : [];
  return {
    insurers,
    ...(u.sector !== undefined ? { sector: u.sector } : {}),
    actions,
    ...(u.contractYear !== undefined ? { year: u.contractYear } : {}),
    documentIds: [],
    wantsEnd: u.wantsEnd,
    triggers: [],
    words: u.words,
  };
}

/**
 * The dated step an understanding asks about, for one insurer, from the policy `policyFor` chooses
 * (the contract year asked, else the season of today): the same choice as a one-insurer deadline answer.
 */
export function insurerDeadline(kb: KnowledgeBase, u: Understanding, insurer: InsurerMention, now: Date, language: Language): InsurerDeadline {
  const today = amsterdamDate(now);
  const policy = insurer.loaded ? policyFor(kb, insurer.name, u.contractYear, today) : undefined;
  if (!policy) return { kind: 'no-policy', insurer: insurer.name };
  const pool = kb.milestones.filter((m) => m.insurer === insurer.name && m.documentId === policy.id && m.verified);
  const question = deadlineQuestionOf(u, [insurer]);
  const best = question.actions.length > 0 || question.words.length > 0 ? rankMilestones(question, pool)[0] : undefined;
  if (!best || (question.actions.length === 0 && (best.distinctive ?? 0) < 2)) return { kind: 'no-step', insurer: insurer.name, policyTitle: policy.title };
  const item = toDeadlineItem(best.milestone, occurrenceToShow(best.milestone, today, u.contractYear), today, language);
  return { kind: 'found', insurer: insurer.name, milestone: best.milestone, item, policyTitle: policy.title };
}

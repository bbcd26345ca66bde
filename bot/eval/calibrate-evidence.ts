import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fold } from '../../knowledge/fold.js';
import { knowledgePath } from '../../knowledge/paths.js';
import type { EvidenceFeatures } from '../../knowledge/search/evidence-features.js';
import { judgeEvidence, type EvidenceRule, type EvidenceVerdict } from '../../knowledge/search/evidence-rule.js';
import type { HandlerContext } from '../../handlers/context.js';
import { findEvidence, questionReply } from '../../handlers/question.js';
import { replyToJson } from '../../handlers/reply-json.js';
import type { Language, Reply } from '../../handlers/types.js';

const language = z.enum(['nl', 'en']);

/** `knowledge/eval/evidence-questions.json`: questions the documents answer, and questions they do not. */
export const evidenceSetSchema = z.object({
  note: z.string(),
  inDomain: z
    .array(z.object({ id: z.string().min(1), q: z.string().min(1), doc: z.string().min(1), phrases: z.array(z.string().min(1)).min(1), language }))
    .min(1),
  outOfDomain: z.array(z.object({ id: z.string().min(1), q: z.string().min(1), language, why: z.string() })).min(1),
});
export type EvidenceSet = z.infer<typeof evidenceSetSchema>;

/** The calibration set (default: the one shipped in the repository); throws a one-line message when it is unreadable or invalid. */
export function loadEvidenceSet(path = knowledgePath('eval', 'evidence-questions.json')): EvidenceSet {
  const parsed = evidenceSetSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown problem'}`);
  }
  return parsed.data;
}

/** One question with what the search found and whether the answer it would give is right. */
export interface EvidenceRow {
  readonly id: string;
  readonly inDomain: boolean;
  readonly features: EvidenceFeatures | undefined;
  /** In-domain: the answer reply has the right document among its first three sources and a phrase in what it shows. */
  readonly answerRight: boolean;
  /** In-domain: the same for the hedged reply's closest passages (a hedge over a passage that holds the answer). */
  readonly hedgeHoldsAnswer: boolean;
}

/** Whether a reply shows the expected document among its first three sources and one of the phrases in its text or their snippets. */
export function showsAnswer(reply: Reply, doc: string, phrases: readonly string[]): boolean {
  const json = replyToJson(reply);
  const sources = json.sources.slice(0, 3);
  const shown = fold([json.text, ...sources.map((s) => s.snippet)].join('\n'));
  return sources.some((s) => s.documentId === doc) && phrases.some((p) => shown.includes(fold(p)));
}

/**
 * Runs every question of the set through the question handler's search once, and builds the
 * replies it would give, so any candidate rule can be scored from the features alone.
 */
export async function collectEvidence(set: EvidenceSet, context: HandlerContext, rule: EvidenceRule): Promise<EvidenceRow[]> {
  const rows: EvidenceRow[] = [];
  const questions = [
    ...set.inDomain.map((q) => ({ ...q, inDomain: true as const })),
    ...set.outOfDomain.map((q) => ({ ...q, inDomain: false as const, doc: '', phrases: [] as string[] })),
  ];
  for (const q of questions) {
    const evidence = await findEvidence(q.q, context);
    if (!('hits' in evidence)) throw new Error(`calibration: the glossary is invalid (question ${q.id})`);
    const lang: Language = q.language;
    const check = async (verdict: EvidenceVerdict) => q.inDomain && showsAnswer(await questionReply(evidence, verdict, rule, context, lang), q.doc, q.phrases);
    rows.push({ id: q.id, inDomain: q.inDomain, features: evidence.features, answerRight: await check('answer'), hedgeHoldsAnswer: await check('weak') });
  }
  return rows;
}

/** How a rule does on the set. */
export interface RuleFigures {
  /** In-domain questions answered with the right document and a phrase shown. */
  readonly inDomainRight: number;
  /** In-domain questions hedged although the hedge's passages hold the answer. */
  readonly inDomainHedgedWithAnswer: number;
  readonly inDomainHedged: number;
  readonly inDomainNothing: number;
  readonly inDomainTotal: number;
  /** Out-of-domain questions hedged or answered "nothing found". */
  readonly outOfDomainHedgedOrNothing: number;
  readonly outOfDomainNothing: number;
  readonly outOfDomainTotal: number;
  /** Share of in-domain right plus share of out-of-domain hedged, halved (0..1). */
  readonly balanced: number;
}

/** Scores a rule on collected rows. */
export function scoreRule(rows: readonly EvidenceRow[], rule: EvidenceRule): RuleFigures {
  let inRight = 0;
  let inHedgedWithAnswer = 0;
  let inHedged = 0;
  let inNothing = 0;
  let oodHedged = 0;
  let oodNothing = 0;
  const inTotal = rows.filter((r) => r.inDomain).length;
  const oodTotal = rows.length - inTotal;
  for (const row of rows) {
    const verdict = judgeEvidence(row.features, rule);
    if (row.inDomain) {
      if (verdict === 'answer' && row.answerRight) inRight++;
      if (verdict === 'weak') inHedged++;
      if (verdict === 'weak' && row.hedgeHoldsAnswer) inHedgedWithAnswer++;
      if (verdict === 'none') inNothing++;
    } else {
      if (verdict !== 'answer') oodHedged++;
      if (verdict === 'none') oodNothing++;
    }
  }
  return {
    inDomainRight: inRight,
    inDomainHedgedWithAnswer: inHedgedWithAnswer,
    inDomainHedged: inHedged,
    inDomainNothing: inNothing,
    inDomainTotal: inTotal,
    outOfDomainHedgedOrNothing: oodHedged,
    outOfDomainNothing: oodNothing,
    outOfDomainTotal: oodTotal,
    balanced: ((inTotal > 0 ? inRight / inTotal : 0) + (oodTotal > 0 ? oodHedged / oodTotal : 0)) / 2,
  };
}

const steps = (from: number, to: number, step: number) =>
  Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => Math.round((from + i * step) * 1000) / 1000);

/**
 * The candidate rules: every combination of the thresholds on a coarse grid, the further-source
 * settings kept from `base`. The stand-out clause is off when its coverage is 1.
 */
export function candidateRules(base: EvidenceRule): EvidenceRule[] {
  const out: EvidenceRule[] = [];
  for (const noneBelowCoverage of steps(0.1, 0.25, 0.05)) {
    for (const answerCoverage of steps(0.3, 0.7, 0.025)) {
      if (noneBelowCoverage > answerCoverage) continue;
      out.push({ ...base, noneBelowCoverage, answerCoverage, standoutCoverage: 1, maxScoreRatio: 0, maxAbsentShare: 0 });
      for (const standoutCoverage of steps(0.2, 0.6, 0.05)) {
        if (standoutCoverage >= answerCoverage || standoutCoverage < noneBelowCoverage) continue;
        for (const maxScoreRatio of steps(0.3, 1, 0.1)) {
          for (const maxAbsentShare of steps(0, 0.5, 0.1)) {
            out.push({ ...base, noneBelowCoverage, answerCoverage, standoutCoverage, maxScoreRatio, maxAbsentShare });
          }
        }
      }
    }
  }
  return out;
}

/** Further-source settings tried (each needs the replies built again). */
const FURTHER = { minCoverage: [0.2, 0.3, 0.4], minScoreRatio: [0.2, 0.3, 0.4] } as const;

/** A ranked candidate. */
export interface ScoredRule {
  readonly rule: EvidenceRule;
  readonly figures: RuleFigures;
}

/** The result of a calibration: candidates best first, and how a rule chosen on one half of the set does on the other. */
export interface Calibration {
  readonly ranked: readonly ScoredRule[];
  /**
   * Two-fold check against overfitting: the questions split by position (even, odd); a rule is
   * chosen on each half and scored on the other; the two held-out scores are summed.
   */
  readonly heldOut: RuleFigures;
}

/**
 * Calibrates: collects the rows once per further-source setting and ranks every candidate rule
 * (best first, see {@link chooseRule}); also chooses on each half of the set and scores on the other.
 */
export async function calibrateEvidence(set: EvidenceSet, context: HandlerContext, base: EvidenceRule): Promise<Calibration> {
  const variants: { rows: EvidenceRow[]; candidates: EvidenceRule[] }[] = [];
  for (const furtherMinCoverage of FURTHER.minCoverage) {
    for (const furtherMinScoreRatio of FURTHER.minScoreRatio) {
      const variant = { ...base, furtherMinCoverage, furtherMinScoreRatio };
      variants.push({ rows: await collectEvidence(set, context, variant), candidates: candidateRules(variant) });
    }
  }
  const best = (pick: (rows: EvidenceRow[]) => EvidenceRow[]) =>
    rankCandidates(variants.flatMap((v) => chooseRule(pick(v.rows), v.candidates).slice(0, 20).map((r) => ({ ...r, rows: v.rows }))));
  const half = (parity: number) => (rows: EvidenceRow[]) => {
    const inDomain = rows.filter((r) => r.inDomain);
    const outOfDomain = rows.filter((r) => !r.inDomain);
    return [...inDomain.filter((_, i) => i % 2 === parity), ...outOfDomain.filter((_, i) => i % 2 === parity)];
  };
  const folds = [0, 1].map((parity) => {
    const chosen = best(half(parity))[0];
    return chosen ? scoreRule(half(1 - parity)(variantRows(variants, chosen.rule)), chosen.rule) : undefined;
  });
  return { ranked: best((rows) => rows).map(({ rule, figures }) => ({ rule, figures })), heldOut: sumFigures(folds.filter((f) => f !== undefined)) };
}

function variantRows(variants: readonly { rows: EvidenceRow[]; candidates: EvidenceRule[] }[], rule: EvidenceRule): EvidenceRow[] {
  const v = variants.find((x) => x.candidates[0]?.furtherMinCoverage === rule.furtherMinCoverage && x.candidates[0]?.furtherMinScoreRatio === rule.furtherMinScoreRatio);
  return v?.rows ?? [];
}

function sumFigures(parts: readonly RuleFigures[]): RuleFigures {
  const sum = (key: Exclude<keyof RuleFigures, 'balanced'>) => parts.reduce((n, p) => n + p[key], 0);
  const inTotal = sum('inDomainTotal');
  const oodTotal = sum('outOfDomainTotal');
  return {
    inDomainRight: sum('inDomainRight'),
    inDomainHedgedWithAnswer: sum('inDomainHedgedWithAnswer'),
    inDomainHedged: sum('inDomainHedged'),
    inDomainNothing: sum('inDomainNothing'),
    inDomainTotal: inTotal,
    outOfDomainHedgedOrNothing: sum('outOfDomainHedgedOrNothing'),
    outOfDomainNothing: sum('outOfDomainNothing'),
    outOfDomainTotal: oodTotal,
    balanced: ((inTotal > 0 ? sum('inDomainRight') / inTotal : 0) + (oodTotal > 0 ? sum('outOfDomainHedgedOrNothing') / oodTotal : 0)) / 2,
  };
}

/** How many clauses a rule uses (fewer is simpler: preferred on ties). */
function complexity(rule: EvidenceRule): number {
  return rule.standoutCoverage < 1 ? 2 : 1;
}

/**
 * The candidates best first: highest balanced score (in-domain right share + out-of-domain hedged
 * share), then fewer clauses, then "nothing found" where nothing relevant is, then the most
 * cautious thresholds (hedging more rather than less).
 */
export function chooseRule(rows: readonly EvidenceRow[], candidates: readonly EvidenceRule[]): { rule: EvidenceRule; figures: RuleFigures }[] {
  return rankCandidates(candidates.map((rule) => ({ rule, figures: scoreRule(rows, rule) })));
}

function rankCandidates<T extends ScoredRule>(scored: readonly T[]): T[] {
  return [...scored]
    .sort(
      (a, b) =>
        b.figures.balanced - a.figures.balanced ||
        complexity(a.rule) - complexity(b.rule) ||
        // "Nothing found" only when nothing relevant was found: fewest in-domain, most out-of-domain.
        a.figures.inDomainNothing - b.figures.inDomainNothing ||
        b.figures.outOfDomainNothing - a.figures.outOfDomainNothing ||
        b.rule.answerCoverage - a.rule.answerCoverage ||
        b.rule.standoutCoverage - a.rule.standoutCoverage ||
        a.rule.maxScoreRatio - b.rule.maxScoreRatio ||
        a.rule.maxAbsentShare - b.rule.maxAbsentShare ||
        b.rule.noneBelowCoverage - a.rule.noneBelowCoverage ||
        b.rule.furtherMinCoverage - a.rule.furtherMinCoverage ||
        b.rule.furtherMinScoreRatio - a.rule.furtherMinScoreRatio,
    );
}

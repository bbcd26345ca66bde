import type { SearchHit, WeightedConcept } from '../search.js';

/**
 * General measures of how well the best passage answers a question, the inputs of the evidence
 * rule ({@link judgeEvidence}). None of them is about any particular question.
 */
export interface EvidenceFeatures {
  /** Share (0..1) of the question's rarity-weighted concepts the best passage expresses. */
  readonly coverage: number;
  /** The same for the second passage (0 without one). */
  readonly secondCoverage: number;
  /** Score of the second passage over the best one's (0..1; 0 without one): near 1 means no passage stands out. */
  readonly scoreRatio: number;
  /** Share of the concepts' weight that occurs nowhere in the documents ("fysiotherapie", "bitcoin"). */
  readonly absentShare: number;
  /** Share (0..1) of the rarest concept found in the documents that the best passage expresses. */
  readonly rarestShare: number;
  /** Share of the weight of the concepts that do occur in the documents that the best passage expresses. */
  readonly presentCoverage: number;
}

/** The {@link EvidenceFeatures} of a search, or undefined when nothing was found. */
export function evidenceFeatures(concepts: readonly WeightedConcept[], hits: readonly SearchHit[]): EvidenceFeatures | undefined {
  const [best, second] = hits;
  if (!best) return undefined;
  const total = concepts.reduce((sum, c) => sum + c.weight, 0);
  const absent = concepts.reduce((sum, c) => sum + (c.inCorpus ? 0 : c.weight), 0);
  const present = concepts.map((c, i) => ({ c, i })).filter(({ c }) => c.inCorpus);
  const presentTotal = present.reduce((sum, { c }) => sum + c.weight, 0);
  const presentCovered = present.reduce((sum, { c, i }) => sum + c.weight * (best.conceptShares[i] ?? 0), 0);
  const rarest = present.reduce<{ c: WeightedConcept; i: number } | undefined>((r, x) => (!r || x.c.weight > r.c.weight ? x : r), undefined);
  return {
    coverage: best.coverage,
    secondCoverage: second?.coverage ?? 0,
    scoreRatio: second && best.score > 0 ? second.score / best.score : 0,
    absentShare: total > 0 ? absent / total : 0,
    rarestShare: rarest ? (best.conceptShares[rarest.i] ?? 0) : 0,
    presentCoverage: presentTotal > 0 ? presentCovered / presentTotal : 0,
  };
}

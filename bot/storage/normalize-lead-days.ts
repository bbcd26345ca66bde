/** Lead days as stored: whole days ≥ 0, distinct, descending (e.g. [30, 14, 7, 1]). */
export function normalizeLeadDays(leadDays: readonly number[]): number[] {
  return [...new Set(leadDays.map((d) => Math.trunc(d)).filter((d) => Number.isFinite(d) && d >= 0))].sort((a, b) => b - a);
}

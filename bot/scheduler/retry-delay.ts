/** Backoff after failed attempt n (1-based): 1 min, 5 min, 15 min, then hourly. */
const DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000];

export function retryDelayMs(attempt: number): number {
  return DELAYS_MS[Math.min(Math.max(attempt, 1), DELAYS_MS.length) - 1] ?? 60 * 60_000;
}

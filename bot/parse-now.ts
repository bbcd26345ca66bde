import { amsterdamInstant, isValidYmd } from '../knowledge/dates/calendar-date.js';
import { UsageError } from './config-error.js';

/**
 * Parses a `--now` value. A bare date (YYYY-MM-DD) means noon of that day in Europe/Amsterdam
 * (any time that day gives the same calendar answers; noon keeps it clear of midnight edge cases);
 * an ISO date-time must carry a zone offset or Z.
 */
export function parseNow(value: string): Date {
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    if (!isValidYmd(v)) throw new UsageError(`--now: "${v}" is not a real calendar date.`);
    return amsterdamInstant(v, 12, 0);
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/.test(v)) {
    const d = new Date(v);
    if (!Number.isNaN(d.getTime()) && isValidYmd(v.slice(0, 10))) return d;
  }
  throw new UsageError(`--now: expected YYYY-MM-DD or an ISO date-time with offset (e.g. 2027-03-25T12:00:00+01:00), got "${v.slice(0, 40)}".`);
}

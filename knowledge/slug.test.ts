import { describe, expect, it } from 'vitest';
import { calendarDateSchema, calendarMonthSchema } from './dates/calendar-date.js';
import { isSlug, slugSchema } from './slug.js';

describe('id and date formats of the data files', () => {
  it('takes lower-case letters, digits and hyphens as an id, nothing else', () => {
    for (const id of ['vgz-ggz-2020', 'gcp-2016-evaluation-complete', 'ggz']) expect(isSlug(id), id).toBe(true);
    for (const id of ['', 'VGZ', 'vgz ggz', 'vgz_ggz', 'zz.ggz', 'vgz/ggz']) expect(isSlug(id), id).toBe(false);
    expect(slugSchema.safeParse('Zorg en Zekerheid').success).toBe(false);
  });

  it('takes real calendar dates and months only', () => {
    expect(calendarDateSchema.safeParse('2024-02-29').success).toBe(true);
    expect(calendarDateSchema.safeParse('2026-02-30').success).toBe(false);
    expect(calendarDateSchema.safeParse('2026-2-3').success).toBe(false);
    expect(calendarMonthSchema.safeParse('2025-03').success).toBe(true);
    expect(calendarMonthSchema.safeParse('2025-13').success).toBe(false);
    expect(calendarMonthSchema.safeParse('2025-03-01').success).toBe(false);
  });
});

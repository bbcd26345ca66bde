import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { knowledgePath } from '../paths.js';
import { type Milestone, milestoneSchema } from './milestone.js';

export const milestoneCatalogSchema = z
  .object({ note: z.string(), milestones: z.array(milestoneSchema).min(1) })
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    for (const [i, m] of catalog.milestones.entries()) {
      if (seen.has(m.id)) ctx.addIssue({ code: 'custom', path: ['milestones', i, 'id'], message: `duplicate milestone id ${m.id}` });
      seen.add(m.id);
    }
  });

let cached: readonly Milestone[] | undefined;

/**
 * The milestone catalog (`knowledge/data/milestones.json`), validated with zod on first use and
 * memoised. Throws a clear error naming the bad entry when the data file is invalid.
 */
export function loadMilestones(): readonly Milestone[] {
  if (cached) return cached;
  const raw: unknown = JSON.parse(readFileSync(knowledgePath('data', 'milestones.json'), 'utf8'));
  const parsed = milestoneCatalogSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`knowledge/data/milestones.json is invalid at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'unknown problem'}`);
  }
  cached = Object.freeze(parsed.data.milestones.map((m) => Object.freeze(m)));
  return cached;
}

import { z } from 'zod';
import { milestoneSchema } from './milestone.js';

/** A milestone catalog file: unique ids, every entry valid (see {@link milestoneSchema}). */
export const milestoneCatalogSchema = z
  .object({ note: z.string(), milestones: z.array(milestoneSchema).min(1) })
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    for (const [i, m] of catalog.milestones.entries()) {
      if (seen.has(m.id)) ctx.addIssue({ code: 'custom', path: ['milestones', i, 'id'], message: `duplicate milestone id ${m.id}` });
      seen.add(m.id);
    }
  });

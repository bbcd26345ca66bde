import { z } from 'zod';

/** Ids of documents, milestones, rules and sectors: lower-case letters, digits and hyphens. */
const SLUG = /^[a-z0-9-]+$/;

/** Whether a text is an id of that form ("vgz-ggz-2020", "gcp-2016-evaluation-complete"). */
export function isSlug(text: string): boolean {
  return SLUG.test(text);
}

/** A zod string that must be an id of that form. */
export const slugSchema = z.string().refine(isSlug, 'must be lower-case letters, digits and hyphens');

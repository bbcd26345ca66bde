import { describe, expect, it } from 'vitest';
import { loadDocuments } from '../documents.js';
import { knownInsurers } from '../insurers.js';
import { loadMilestones, milestoneCatalogSchema } from './load-milestones.js';

describe('loadMilestones', () => {
  it('loads a validated, memoised catalog', () => {
    const all = loadMilestones();
    expect(all.length).toBeGreaterThan(0);
    expect(loadMilestones()).toBe(all);
  });

  it('refers only to known documents and canonical insurer names, matching the document', () => {
    const docs = new Map(loadDocuments().map((d) => [d.id, d]));
    const insurers = new Set(knownInsurers());
    for (const m of loadMilestones()) {
      const doc = docs.get(m.documentId);
      expect(doc, m.id).toBeDefined();
      expect(m.insurer, m.id).toBe(doc?.insurer ?? null);
      if (m.insurer) expect(insurers.has(m.insurer), m.id).toBe(true);
      expect(m.sector, m.id).toBe(doc?.sector);
    }
  });

  it('rejects duplicate ids', () => {
    const one = loadMilestones()[0];
    const result = milestoneCatalogSchema.safeParse({ note: 'x', milestones: [one, one] });
    expect(result.success).toBe(false);
  });
});

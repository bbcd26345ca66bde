import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../test-support/test-knowledge.js';
import { milestoneCatalogSchema } from './load-milestones.js';

describe('loadMilestones', () => {
  it('loads a validated, memoised catalog', () => {
    const all = testKnowledge().milestones;
    expect(all.length).toBeGreaterThan(0);
    expect(testKnowledge().milestones).toBe(all);
  });

  it('refers only to known documents and canonical insurer names, matching the document', () => {
    const docs = new Map(testKnowledge().documents.map((d) => [d.id, d]));
    const insurers = new Set(testKnowledge().insurers.names);
    for (const m of testKnowledge().milestones) {
      const doc = docs.get(m.documentId);
      expect(doc, m.id).toBeDefined();
      expect(m.insurer, m.id).toBe(doc?.insurer ?? null);
      if (m.insurer) expect(insurers.has(m.insurer), m.id).toBe(true);
      expect(m.sector, m.id).toBe(doc?.sector);
    }
  });

  it('rejects duplicate ids', () => {
    const one = testKnowledge().milestones[0];
    const result = milestoneCatalogSchema.safeParse({ note: 'x', milestones: [one, one] });
    expect(result.success).toBe(false);
  });
});

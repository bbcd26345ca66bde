import { describe, expect, it } from 'vitest';
import { shippedCleaned, testKnowledge } from '../test-support/test-knowledge.js';
import { quoteKey } from './locate-quote.js';
import type { Milestone } from './milestone.js';
import { proposeMilestones } from './propose-milestones.js';

/**
 * How well the proposals for a shipped policy cover its curated milestones. A proposal matches a
 * curated milestone when it has the same date (or month) and its quote overlaps the curated
 * quote in the cleaned text. Recall: curated milestones with a matching proposal; precision:
 * proposals that match some curated milestone (a lower bound: a proposal for a real step the
 * catalog leaves out counts as a miss).
 */
function quality(documentId: string) {
  const doc = testKnowledge().requireDocument(documentId);
  const cleaned = shippedCleaned(documentId);
  const text = quoteKey(cleaned.text);
  const range = (quote: string) => {
    const key = quoteKey(quote);
    const start = text.indexOf(key);
    return start < 0 ? undefined : { start, end: start + key.length };
  };
  const when = (m: Milestone) => (m.when.kind === 'date' ? m.when.date : m.when.kind === 'month' ? m.when.month : '');
  const proposals = proposeMilestones(cleaned, { documentId, insurer: doc.insurer, sector: doc.sector, contractYear: doc.contractYear });
  const curated = testKnowledge().milestones.filter((m) => m.documentId === documentId);
  const matches = (m: Milestone, p: Milestone) => {
    const a = range(m.quote);
    const b = range(p.quote);
    return when(m) === when(p) && a !== undefined && b !== undefined && a.start < b.end && b.start < a.end;
  };
  const pairs = curated.flatMap((m) => {
    const p = proposals.find((x) => matches(m, x));
    return p ? [{ curated: m, proposal: p }] : [];
  });
  return {
    curated: curated.length,
    proposals: proposals.length,
    found: pairs.length,
    correct: proposals.filter((p) => curated.some((m) => matches(m, p))).length,
    sameActor: pairs.filter((x) => x.curated.actor === x.proposal.actor).length,
    sameStep: pairs.filter((x) => x.curated.actions.includes(x.proposal.actions[0] ?? '')).length,
    missing: curated.filter((m) => !pairs.some((x) => x.curated === m)).map((m) => m.id),
  };
}

describe('proposal quality on the shipped insurer policies', () => {
  const figures = ['zz-ggz-2024', 'vgz-ggz-2020'].map((id) => ({ id, ...quality(id) }));
  const sum = (key: 'curated' | 'proposals' | 'found' | 'correct' | 'sameActor' | 'sameStep') => figures.reduce((n, f) => n + f[key], 0);

  it('covers at least 90% of the curated milestones (same date, overlapping quote)', () => {
    console.log(figures.map((f) => `${f.id}: recall ${f.found}/${f.curated}, precision ${f.correct}/${f.proposals}, actor ${f.sameActor}/${f.found}, step ${f.sameStep}/${f.found}`).join('\n'));
    expect(figures.flatMap((f) => f.missing)).toEqual([]);
    expect(sum('found') / sum('curated')).toBeGreaterThanOrEqual(0.9);
  });

  it('does not flood: at least 75% of the proposals are curated milestones', () => {
    expect(sum('correct') / sum('proposals')).toBeGreaterThanOrEqual(0.75);
  });

  it('names the curated actor and step for at least 90% of the matches', () => {
    expect(sum('sameActor') / sum('found')).toBeGreaterThanOrEqual(0.9);
    expect(sum('sameStep') / sum('found')).toBeGreaterThanOrEqual(0.9);
  });
});

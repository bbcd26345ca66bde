import { describe, expect, it } from 'vitest';
import { buildCleanedDocument } from '../../cleaned-documents.js';
import { proposalDate, proposeMilestones } from '../../milestones/propose-milestones.js';
import { proposeRules } from '../../rules/propose-rules.js';
import { extractDocument } from './extract-document.js';
import { buildPolicyDocx, buildPolicyPdf, planningRows, PROSE_RULE } from './test-support/policy-files.js';
import { proposeForDocument } from '../propose-for-document.js';

const meta = { documentId: 'noorderlicht-ggz-2027', insurer: 'Zorgverzekeraar Noorderlicht', sector: 'ggz', contractYear: 2027 } as const;

describe('a new insurer’s PDF policy, from bytes to proposals with pages', () => {
  it('proposes every planning row, the agreement term and the report step, each with its page, and the prose rule', async () => {
    const result = await extractDocument(await buildPolicyPdf({ insurer: meta.insurer, contractYear: 2027 }), 'noorderlicht-2027.pdf');
    if (result.kind === 'error') throw new Error(result.error.code);
    const cleaned = buildCleanedDocument(meta.documentId, result.document.rawText);
    const paged = proposeForDocument(result.document, cleaned, meta);
    const proposals = paged.milestones.map((p) => ({ ...p, ...proposalDate(p.when) }));
    expect(proposals.map((p) => [p.date, p.precision, p.page, p.actor])).toEqual([
      ['2026-04-01', 'day', 2, 'zorgverzekeraar'],
      ['2026-07-01', 'day', 2, 'zorgaanbieder'],
      ['2026-10-01', 'month', 2, 'zorgverzekeraar'],
      ['2026-11-12', 'day', 2, 'zorgaanbieder'],
      ['2026-11-19', 'day', 2, 'zorgverzekeraar'],
      ['2027-01-01', 'day', 3, 'zorgaanbieder en zorgverzekeraar'],
      ['2027-12-31', 'day', 3, 'zorgaanbieder en zorgverzekeraar'],
      ['2027-10-01', 'day', 3, 'zorgaanbieder'],
    ]);
    const rows = planningRows(2027);
    expect(proposals.slice(0, 5).map((p) => p.quote)).toEqual(rows.map((r) => `${r.date} ${r.activity}`));
    expect(proposals.slice(0, 5).map((p) => p.label.nl)).toEqual(rows.map((r) => r.activity.replace(/\.$/, '')));
    expect(proposals.find((p) => p.date === '2026-11-12')?.label.en).toBe('Deadline for signing the care agreement');
    expect(proposals.every((p) => p.section === '3 Planning' || p.section === '4 Looptijd en bijcontracteren')).toBe(true);

    const rules = paged.rules;
    expect(rules).toHaveLength(1);
    expect(rules[0]?.page).toBe(1);
    expect(rules[0]).toMatchObject({ quote: PROSE_RULE, duration: { amount: 10, unit: 'working-days' }, trigger: ['question'], actor: 'zorgverzekeraar', section: '2 Contracteerproces' });
  });

  it('proposes the same planning from the Word version', async () => {
    const result = await extractDocument(await buildPolicyDocx({ insurer: meta.insurer }), 'noorderlicht-2027.docx');
    if (result.kind === 'error') throw new Error(result.error.code);
    const cleaned = buildCleanedDocument(meta.documentId, result.document.rawText);
    expect(proposeMilestones(cleaned, meta).map((p) => proposalDate(p.when)?.date)).toEqual(['2026-04-01', '2026-07-01', '2026-10-01', '2026-11-12', '2026-11-19']);
    expect(proposeRules(cleaned, meta).map((r) => r.quote)).toEqual([PROSE_RULE]);
  });
});

import { readFileSync } from 'node:fs';
import { testKnowledge } from '../test-support/test-knowledge.js';
import { describe, expect, it } from 'vitest';
import { knowledgePath } from '../paths.js';
import { ESCALATION_TOPICS } from './escalation-item.js';
import { validateEscalationSteps } from './load-escalation-steps.js';

const raw = (): { items: Record<string, unknown>[]; topics: unknown[]; note: string } =>
  JSON.parse(readFileSync(knowledgePath('data', 'escalation-steps.json'), 'utf8'));

describe('escalation-steps.json', () => {
  const { items, topics } = testKnowledge().escalation;

  it('every quote occurs verbatim in the cleaned text of its document, under the cited section', () => {
    for (const item of items) {
      const doc = testKnowledge().cleaned(item.source.documentId);
      const at = doc.text.indexOf(item.source.quote);
      expect(at, `${item.id}: quote not in cleaned ${item.source.documentId}`).toBeGreaterThanOrEqual(0);
      const cited = item.source.section.split(' › ');
      // The outermost heading is the one the document's own sectioning finds at the quote.
      expect(testKnowledge().sectionPathAt(item.source.documentId, at)[0], item.id).toBe(cited[0]);
      // Every cited heading stands before the quote, in order.
      let from = 0;
      for (const heading of cited) {
        const found = doc.text.lastIndexOf(heading, at);
        expect(found, `${item.id}: heading "${heading}" not before the quote`).toBeGreaterThanOrEqual(from);
        from = found;
      }
    }
  });

  it('builds every citation with makeSource from the document metadata', () => {
    for (const item of items) {
      const source = testKnowledge().source(item.source.documentId, item.source.section, item.source.quote, 1);
      expect(source.title).toBe(testKnowledge().requireDocument(item.source.documentId).title);
      expect(source.snippet).toBe(item.source.quote);
      expect(source.section).toBe(item.source.section);
    }
  });

  it('has the handbook steps in the handbook order, then report contents, topics and privacy', () => {
    const ids = items.map((i) => i.id);
    const order = ['step.reflect', 'step.board-level', 'step.self-assessment', 'step.nza-signal', 'step.copy-nederlandse-ggz', 'step.dispute-resolution'];
    const positions = order.map((id) => ids.indexOf(id));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const id of ['report.facts', 'report.attachments', 'report.which-agreements', 'report.good-examples', 'report.objective', 'privacy.no-personal-data']) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('covers every topic with Dutch and English labels and keywords', () => {
    expect(topics.map((t) => t.id).sort()).toEqual([...ESCALATION_TOPICS].sort());
    for (const topic of ESCALATION_TOPICS) expect(items.filter((i) => i.topic === topic).length).toBeGreaterThanOrEqual(3);
    for (const item of items) {
      expect(item.label.nl.length).toBeGreaterThan(10);
      expect(item.label.en.length).toBeGreaterThan(10);
    }
  });

  it('covers the handbook’s Bijlage 2 checks for tariffs', () => {
    const tariffQuotes = items.filter((i) => i.topic === 'tariffs').map((i) => i.source.quote).join(' ');
    expect(tariffQuotes).toContain('100% NZa-tarieven');
    expect(tariffQuotes).toContain('OVA');
    expect(tariffQuotes).toMatch(/motiveren/);
    expect(tariffQuotes).toMatch(/contractvoorstel en offerte transparant/);
  });

  const refs = { documentIds: testKnowledge().documents.map((d) => d.id), insurers: testKnowledge().insurers.names };

  it('rejects invalid data: duplicate ids, topic mismatch, unknown documents or insurers, extra fields', () => {
    const valid = raw();
    expect(() => validateEscalationSteps(valid, refs)).not.toThrow();
    const first = valid.items[0] ?? {};
    expect(() => validateEscalationSteps({ ...valid, items: [...valid.items, first] }, refs)).toThrow(/duplicate item id/);
    expect(() => validateEscalationSteps({ ...valid, items: [{ ...first, topic: 'tariffs' }, ...valid.items.slice(1)] }, refs)).toThrow(/topic/);
    expect(() =>
      validateEscalationSteps({ ...valid, items: [{ ...first, source: { documentId: 'nope', section: 's', quote: 'a long enough quote' } }, ...valid.items.slice(1)] }, refs),
    ).toThrow(/unknown document/);
    expect(() => validateEscalationSteps({ ...valid, items: [{ ...first, insurers: ['Nobody Verzekeringen'] }, ...valid.items.slice(1)] }, refs)).toThrow(/unknown insurer/);
    expect(() => validateEscalationSteps({ ...valid, items: [{ ...first, extra: true }, ...valid.items.slice(1)] }, refs)).toThrow();
    expect(() => validateEscalationSteps({ ...valid, items: valid.items.filter((i) => i.topic !== 'access') }, refs)).toThrow(/topic access has no items/);
  });
});

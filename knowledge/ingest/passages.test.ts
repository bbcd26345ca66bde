import { describe, expect, it } from 'vitest';
import { shippedCleaned, testKnowledge } from '../test-support/test-knowledge.js';
import { buildPassages, PASSAGE_MAX_CHARS } from './passages.js';

const all = testKnowledge().documents.flatMap((d) => buildPassages(shippedCleaned(d.id)));

describe('buildPassages', () => {
  it('covers every document', () => {
    for (const d of testKnowledge().documents) expect(all.some((p) => p.documentId === d.id), d.id).toBe(true);
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
  });

  it("puts every passage's text exactly at its offsets in the cleaned document", () => {
    for (const p of all) {
      const { text } = testKnowledge().cleaned(p.documentId);
      expect(text.slice(p.start, p.end), p.id).toBe(p.text);
      expect(p.text.trim(), p.id).toBe(p.text);
      expect(p.text.length, p.id).toBeGreaterThan(0);
    }
  });

  it('never starts or ends mid-word', () => {
    for (const p of all) {
      const { text } = testKnowledge().cleaned(p.documentId);
      const before = text[p.start - 1] ?? ' ';
      const after = text[p.end] ?? ' ';
      expect(/[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(text[p.start] ?? ''), `${p.id} start`).toBe(false);
      expect(/[\p{L}\p{N}]/u.test(after) && /[\p{L}\p{N}]/u.test(text[p.end - 1] ?? ''), `${p.id} end`).toBe(false);
    }
  });

  it('never cuts a sentence or a list item: each passage ends where a block or sentence ends', () => {
    for (const p of all) {
      const { text } = testKnowledge().cleaned(p.documentId);
      const after = text.slice(p.end, p.end + 2);
      const endsBlock = after === '' || after.startsWith('\n');
      const endsSentence = /[.!?:;”’"')]$/u.test(p.text) && /^\s/.test(after);
      expect(endsBlock || endsSentence, `${p.id}: …${p.text.slice(-40)}|${after}`).toBe(true);
    }
  });

  it('has readable sizes and stays inside one section, whose path it carries', () => {
    const sizes = all.map((p) => p.text.length).sort((a, b) => a - b);
    expect(sizes[Math.floor(sizes.length / 2)]).toBeGreaterThan(300);
    for (const p of all) {
      expect(p.text.length, p.id).toBeLessThanOrEqual(PASSAGE_MAX_CHARS * 1.5);
      const section = testKnowledge().cleaned(p.documentId).sections.find((s) => s.start <= p.start && p.end <= s.end);
      expect(section?.path, p.id).toEqual(p.sectionPath);
    }
  });
});

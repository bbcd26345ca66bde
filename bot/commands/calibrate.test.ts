import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../test-support/run-cli-in-process.js';

const cli = (...argv: string[]) => runCliInProcess(argv, { env: {} });

describe('contractbot calibrate', () => {
  it('scores the candidate rules on a set and reports the shipped, previous and best rule as JSON', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calibrate-'));
    const file = join(dir, 'set.json');
    writeFileSync(
      file,
      JSON.stringify({
        note: 'two questions the documents answer, two they do not',
        inDomain: [
          { id: 'i1', q: 'Hoe lang is een machtiging van VGZ voor langdurige ggz geldig?', doc: 'vgz-ggz-2020', phrases: ['machtigingen af voor maximaal één jaar'], language: 'nl' },
          { id: 'i2', q: 'Wat moet ik doen als ik een melding bij de NZa maak?', doc: 'ggz-handleiding-escalatie', phrases: ['Stuur dan een afschrift naar de Nederlandse ggz'], language: 'nl' },
        ],
        outOfDomain: [
          { id: 'o1', q: 'What is the capital of France?', language: 'en', why: 'off topic' },
          { id: 'o2', q: 'Hoe bak ik zuurdesembrood?', language: 'nl', why: 'off topic' },
        ],
      }),
    );
    const r = await cli('calibrate', '--json', '--file', file, '--now', '2026-11-23');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as {
      questions: { inDomain: number; outOfDomain: number };
      best: { rule: { answerCoverage: number }; figures: { inDomainRight: number; outOfDomainHedgedOrNothing: number; inDomainTotal: number } };
      shipped: { figures: { inDomainRight: number; outOfDomainHedgedOrNothing: number } };
    };
    expect(report.questions).toEqual({ inDomain: 2, outOfDomain: 2 });
    expect(report.shipped.figures).toMatchObject({ inDomainRight: 2, outOfDomainHedgedOrNothing: 2 });
    expect(report.best.figures).toMatchObject({ inDomainRight: 2, outOfDomainHedgedOrNothing: 2, inDomainTotal: 2 });
  });

  it('refuses a set that is not valid with one line and exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calibrate-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ inDomain: [] }));
    for (const argv of [['calibrate', '--file', file], ['calibrate', '--file', join(dir, 'missing.json')], ['calibrate', '--now', 'soon']]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });
});

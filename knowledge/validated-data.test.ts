import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { knowledgePath } from './paths.js';
import { readValidated } from './validated-data.js';

const NAME = `test-validated-${process.pid}.json`;

describe('readValidated', () => {
  afterEach(() => rmSync(knowledgePath('generated', 'data', NAME), { force: true }));

  it('keeps the validated form at write, uses it for the same text, and validates a changed file again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-validated-'));
    const file = join(dir, 'words.json');
    let validations = 0;
    const validate = (text: string) => {
      validations += 1;
      const words = (JSON.parse(text) as { words: string[] }).words.map((w) => w.trim());
      if (words.some((w) => w === '')) throw new Error('empty word');
      return { words };
    };
    writeFileSync(file, JSON.stringify({ words: [' zorg ', 'inkoop'] }));
    expect(readValidated(NAME, file, validate, 'write', undefined, true)).toEqual({ words: ['zorg', 'inkoop'] });
    expect(readValidated(NAME, file, validate, 'use', undefined, true)).toEqual({ words: ['zorg', 'inkoop'] });
    expect(validations).toBe(1);
    // Another text: the kept form is not used, the file is validated (and its errors surface).
    writeFileSync(file, JSON.stringify({ words: ['  '] }));
    expect(() => readValidated(NAME, file, validate, 'use', undefined, true)).toThrow('empty word');
    // From the sources nothing kept is trusted unless asked.
    writeFileSync(file, JSON.stringify({ words: [' zorg ', 'inkoop'] }));
    readValidated(NAME, file, validate);
    expect(validations).toBe(3);
    rmSync(dir, { recursive: true, force: true });
  });
});

import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../../knowledge/test-support/test-knowledge.js';
import { parseChecklistCommand as parse } from './parse-checklist-command.js';

const words = testKnowledge().phrases.checklist;
const parseChecklistCommand = (text: string) => parse(text, words);

describe('parseChecklistCommand', () => {
  it('parses ticking in Dutch and English, with lists and ranges', () => {
    expect(parseChecklistCommand('vink 3 aan')).toEqual({ kind: 'set', numbers: [3], done: true, language: 'nl' });
    expect(parseChecklistCommand('Vink 1,2 af.')).toEqual({ kind: 'set', numbers: [1, 2], done: true, language: 'nl' });
    expect(parseChecklistCommand('vink punt 1 en 4 aan')).toEqual({ kind: 'set', numbers: [1, 4], done: true, language: 'nl' });
    expect(parseChecklistCommand('2-4 gedaan')).toEqual({ kind: 'set', numbers: [2, 3, 4], done: true, language: 'nl' });
    expect(parseChecklistCommand('tick 3')).toEqual({ kind: 'set', numbers: [3], done: true, language: 'en' });
    expect(parseChecklistCommand('done 1,2')).toEqual({ kind: 'set', numbers: [1, 2], done: true, language: 'en' });
    expect(parseChecklistCommand('mark 5 as done')).toEqual({ kind: 'set', numbers: [5], done: true, language: 'en' });
  });

  it('parses unticking', () => {
    expect(parseChecklistCommand('vink 3 uit')).toEqual({ kind: 'set', numbers: [3], done: false, language: 'nl' });
    expect(parseChecklistCommand('untick 3')).toEqual({ kind: 'set', numbers: [3], done: false, language: 'en' });
    expect(parseChecklistCommand('uncheck 2 and 5')).toEqual({ kind: 'set', numbers: [2, 5], done: false, language: 'en' });
  });

  it('parses export and show', () => {
    for (const t of ['exporteer de checklist', 'exporteer', 'checklist exporteren', 'Exporteer de escalatie-checklist als markdown']) {
      expect(parseChecklistCommand(t), t).toEqual({ kind: 'export', language: 'nl' });
    }
    for (const t of ['export checklist', 'export', 'export the checklist as markdown']) expect(parseChecklistCommand(t), t).toEqual({ kind: 'export', language: 'en' });
    expect(parseChecklistCommand('toon de checklist')).toEqual({ kind: 'show', language: 'nl' });
    // The same word in both languages: the conversation's language applies.
    expect(parseChecklistCommand('checklist')).toEqual({ kind: 'show', language: undefined });
    expect(parseChecklistCommand('toon het stappenplan')).toEqual({ kind: 'show', language: 'nl' });
    expect(parseChecklistCommand('show my checklist')).toEqual({ kind: 'show', language: 'en' });
  });

  it('does not take drafting requests, questions or absurd ranges', () => {
    for (const t of [
      'Draft an escalation checklist for VGZ',
      'escalatie checklist Zorg en Zekerheid, cruciale ggz',
      'Wanneer moet ik tekenen bij VGZ?',
      'done',
      'tick 1-900',
      'Export the NZa good practices to me please',
      'Herinner dit kanaal aan VGZ 14,7,1',
      'stappenplan escalatie',
      'escalatie checklist',
      'tick 3?',
      'tick 1234',
      'vink 3 aan en wat nu',
      'done 1 2 en VGZ',
    ]) {
      expect(parseChecklistCommand(t), t).toBeUndefined();
    }
  });

  it('reads ranges with spaces, "#" and number words, and the words around the numbers in either place', () => {
    expect(parseChecklistCommand('vink 1 - 3 af')).toEqual({ kind: 'set', numbers: [1, 2, 3], done: true, language: 'nl' });
    expect(parseChecklistCommand('tick #2 off!')).toEqual({ kind: 'set', numbers: [2], done: true, language: 'en' });
    expect(parseChecklistCommand('stappen 4 en 6 niet gedaan')).toEqual({ kind: 'set', numbers: [4, 6], done: false, language: 'nl' });
    expect(parseChecklistCommand('mark 2 as not done')).toEqual({ kind: 'set', numbers: [2], done: false, language: 'en' });
    expect(parseChecklistCommand('1 2 3 done')).toEqual({ kind: 'set', numbers: [1, 2, 3], done: true, language: 'en' });
  });
});

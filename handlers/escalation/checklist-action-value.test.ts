import { describe, expect, it } from 'vitest';
import { checklistToggleValue } from '../checklist-action.js';
import { checklistToggleAction } from '../checklist-toggle.js';
import { parseChecklistActionValue } from './checklist-action-value.js';

describe('parseChecklistActionValue', () => {
  it('reads the Slack button value (wanted state) and the Teams one (flip)', () => {
    expect(parseChecklistActionValue(checklistToggleValue({ checklistId: 'esc-1a2b3c4d', itemId: 'step.reflect', done: true }))).toEqual({
      checklistId: 'esc-1a2b3c4d',
      item: 'step.reflect',
      done: true,
    });
    expect(parseChecklistActionValue(checklistToggleValue({ checklistId: 'esc-1', itemId: 'report.facts', done: false }))?.done).toBe(false);
    expect(parseChecklistActionValue(checklistToggleAction('esc-1a2b3c4d', 'step.reflect').value)).toEqual({ checklistId: 'esc-1a2b3c4d', item: 'step.reflect' });
  });

  it('reads JSON objects and bare item ids or numbers', () => {
    expect(parseChecklistActionValue('{"checklistId":"esc-1","itemId":"step.reflect","done":true}')).toEqual({ checklistId: 'esc-1', item: 'step.reflect', done: true });
    expect(parseChecklistActionValue('{"item":3}')).toEqual({ item: '3' });
    expect(parseChecklistActionValue('4')).toEqual({ item: '4' });
  });

  it('rejects empty or malformed values', () => {
    for (const v of [undefined, '', '   ', '{', '{"checklistId":"x"}', 'a|b|c|d', 'a:', '[1]']) expect(parseChecklistActionValue(v), String(v)).toBeUndefined();
  });
});

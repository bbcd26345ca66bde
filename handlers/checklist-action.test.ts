import { describe, expect, it } from 'vitest';
import { checklistToggleValue, parseChecklistToggleValue } from './checklist-action.js';

describe('checklist toggle value', () => {
  it('round-trips and rejects anything else', () => {
    const toggle = { checklistId: 'esc-vgz-1', itemId: 'report-nza', done: true };
    expect(checklistToggleValue(toggle)).toBe('esc-vgz-1|report-nza|1');
    expect(parseChecklistToggleValue(checklistToggleValue(toggle))).toEqual(toggle);
    expect(parseChecklistToggleValue(checklistToggleValue({ ...toggle, done: false }))).toEqual({ ...toggle, done: false });
    for (const bad of [undefined, '', 'a|b', 'a|b|2', 'a|b|c|1', '|b|1', 'a||1', `${'x'.repeat(201)}|b|1`]) expect(parseChecklistToggleValue(bad)).toBeUndefined();
  });
});

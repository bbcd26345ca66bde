import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../knowledge/test-support/test-knowledge.js';
import { decodeReminderAction, encodeReminderAction, reminderMessage } from './reminder-message.js';

const sign = testKnowledge().milestones.find((m) => m.id === 'zz-ggz-2024-sign');

describe('reminderMessage', () => {
  it('says what happens, the date with weekday, days left, who acts and the source, with Done and Snooze', () => {
    if (!sign) throw new Error('catalog lacks zz-ggz-2024-sign');
    const reply = reminderMessage({ knowledge: testKnowledge(), milestones: [sign], occurrenceDate: '2023-11-09', today: '2023-11-02', language: 'en', late: true });
    expect(reply.intent).toBe('reminder');
    expect(reply.fallbackText).toMatch(/^Reminder: .*\(Zorg en Zekerheid\) — Thursday 9 November 2023, 7 days left\. \(sent later than planned\)/);
    expect(reply.fallbackText).toContain('Who must act: the provider (you)');
    expect(reply.fallbackText).toContain(`“${sign.quote}”`);
    const actions = reply.blocks.find((b) => b.kind === 'actions');
    expect(actions?.kind === 'actions' && actions.buttons.map((b) => b.label)).toEqual(['Done', 'Snooze 1 day', '3 days', '1 week', 'Until next reminder']);
    const value = actions?.kind === 'actions' ? actions.buttons[0]?.value : undefined;
    expect(decodeReminderAction(value)).toEqual({ milestoneIds: ['zz-ggz-2024-sign'], occurrenceDate: '2023-11-09', language: 'en', late: true });
    const snoozes = actions?.kind === 'actions' ? actions.buttons.slice(1).map((b) => decodeReminderAction(b.value)?.snooze) : [];
    expect(snoozes).toEqual(['1d', '3d', '1w', 'lead']);
  });

  it('round-trips button values and rejects foreign ones', () => {
    const v = { milestoneIds: ['a-1', 'b-2'], occurrenceDate: '2027-04-01', language: 'nl' as const };
    expect(decodeReminderAction(encodeReminderAction(v))).toEqual(v);
    for (const bad of [undefined, '', 'x', '{"m":"A B","d":"2027-04-01"}', '{"m":["a"],"d":"1 april"}', '{"m":[],"d":"2027-04-01"}', '{"m":["a"],"d":"2027-02-30"}', `{"m":["${'a'.repeat(121)}"],"d":"2027-04-01"}`, 'x'.repeat(600)]) {
      expect(decodeReminderAction(bad)).toBeUndefined();
    }
  });
});

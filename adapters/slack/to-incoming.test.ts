import { describe, expect, it } from 'vitest';
import { actionToIncoming, commandToIncoming, isDirectUserMessage, isFromPerson, messageToIncoming } from './to-incoming.js';

const at = new Date('2026-05-11T08:00:00Z');

describe('to-incoming', () => {
  it('addresses a slash command to its channel and user, normalising the text', () => {
    expect(commandToIncoming({ text: ' wanneer tekenen bij <https://vgz.nl|VGZ>? ', channel_id: 'C1', user_id: 'U1' }, at)).toEqual({
      address: { platform: 'slack', conversationId: 'C1', userId: 'U1' },
      text: 'wanneer tekenen bij VGZ?',
      receivedAt: at,
    });
  });

  it('threads a mention under itself, or in its existing thread; keeps a top-level DM top-level', () => {
    const mention = { type: 'app_mention', channel: 'C1', user: 'U1', text: '<@UBOT> help', ts: '10.1' };
    expect(messageToIncoming(mention, 'UBOT', at).address).toEqual({ platform: 'slack', conversationId: 'C1', threadId: '10.1', userId: 'U1' });
    expect(messageToIncoming({ ...mention, thread_ts: '9.0' }, 'UBOT', at).address.threadId).toBe('9.0');
    expect(messageToIncoming(mention, 'UBOT', at).text).toBe('help');
    const dm = { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'help', ts: '11.1' };
    expect(messageToIncoming(dm, 'UBOT', at).address).toEqual({ platform: 'slack', conversationId: 'D1', userId: 'U1' });
    expect(messageToIncoming({ ...dm, thread_ts: '11.0' }, 'UBOT', at).address.threadId).toBe('11.0');
  });

  it('accepts only people writing in a DM', () => {
    const dm = { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'hoi', ts: '1' };
    expect(isDirectUserMessage(dm, 'UBOT')).toBe(true);
    expect(isDirectUserMessage({ ...dm, subtype: 'file_share' }, 'UBOT')).toBe(true);
    expect(isDirectUserMessage({ ...dm, user: 'UBOT' }, 'UBOT')).toBe(false);
    expect(isDirectUserMessage({ ...dm, bot_id: 'B2' }, 'UBOT')).toBe(false);
    expect(isDirectUserMessage({ ...dm, subtype: 'message_changed' }, 'UBOT')).toBe(false);
    expect(isDirectUserMessage({ ...dm, subtype: 'bot_message' }, 'UBOT')).toBe(false);
    expect(isDirectUserMessage({ ...dm, channel_type: 'channel' }, 'UBOT')).toBe(false);
    expect(isFromPerson({ ...dm, user: undefined }, 'UBOT')).toBe(false);
  });

  it('turns a button press into an action addressed to the message it came from', () => {
    const body = { user: { id: 'U1' }, channel: { id: 'C1' }, container: { message_ts: '5.5' }, message: { ts: '5.5', thread_ts: '5.0' } };
    expect(actionToIncoming(body, { action_id: 'reminder.snooze~1', value: '7' }, at)).toEqual({
      address: { platform: 'slack', conversationId: 'C1', threadId: '5.0', userId: 'U1' },
      text: '',
      action: { id: 'reminder.snooze', value: '7' },
      receivedAt: at,
    });
    expect(actionToIncoming({ user: { id: 'U1' }, container: { type: 'view' } }, { action_id: 'x' }, at)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { messageText, splitConversationId, teamsAddress, toIncoming } from './to-incoming.js';

const at = new Date('2026-03-02T10:00:00Z');
const bot = { id: '28:bot', name: 'ContractBot' };
const mention = { type: 'mention', text: '<at>ContractBot</at>', mentioned: bot };

describe('splitConversationId', () => {
  it('separates the channel thread', () => {
    expect(splitConversationId('19:abc@thread.tacv2;messageid=1700')).toEqual({ base: '19:abc@thread.tacv2', messageId: '1700' });
    expect(splitConversationId('a:1personal')).toEqual({ base: 'a:1personal' });
  });
});

describe('messageText', () => {
  it('removes the bot mention (botbuilder removeRecipientMention), wherever and however often it appears', () => {
    expect(messageText({ text: '<at>ContractBot</at> when must I sign?', recipient: bot, entities: [mention] })).toBe('when must I sign?');
    expect(messageText({ text: 'hi <at>ContractBot</at>, <at>ContractBot</at> help', recipient: bot, entities: [mention] })).toBe('hi , help');
  });

  it('strips bot markup even without a mention entity, keeps other people by name, decodes entities', () => {
    expect(messageText({ text: '<at>ContractBot</at> ask <at>Jan de Vries</at> &amp; me&nbsp;now', recipient: bot })).toBe('ask Jan de Vries & me now');
  });

  it('survives malformed mention entities', () => {
    expect(messageText({ text: '<at>ContractBot</at> hallo', recipient: bot, entities: [{} as never] })).toBe('hallo');
  });
});

describe('teamsAddress', () => {
  it('addresses channel messages by channel and thread, chats without a thread', () => {
    expect(
      teamsAddress({ id: '1700', conversation: { id: '19:abc@thread.tacv2;messageid=1600', conversationType: 'channel' } as never, from: { id: '29:u', name: 'U', aadObjectId: 'aad' } }),
    ).toEqual({ platform: 'teams', conversationId: '19:abc@thread.tacv2', threadId: '1600', userId: 'aad' });
    expect(teamsAddress({ id: 'x', conversation: { id: '19:chat@thread.v2', conversationType: 'groupChat' } as never, from: { id: '29:u', name: 'U' } })).toEqual({
      platform: 'teams',
      conversationId: '19:chat@thread.v2',
      userId: '29:u',
    });
  });
});

describe('toIncoming', () => {
  it('turns an Action.Submit value into an action', () => {
    const msg = toIncoming({ value: { action: { id: 'reminder.snooze', value: 's|m' } }, conversation: { id: 'a:1' } as never, recipient: bot }, at);
    expect(msg).toMatchObject({ text: '', action: { id: 'reminder.snooze', value: 's|m' }, receivedAt: at });
  });

  it('rejects a submit value of another shape', () => {
    expect(toIncoming({ value: { action: 'x' }, conversation: { id: 'a:1' } as never }, at)).toBeUndefined();
  });

  it('passes text without the mention', () => {
    expect(toIncoming({ text: '<at>ContractBot</at> help', recipient: bot, entities: [mention], conversation: { id: 'a:1' } as never }, at)?.text).toBe('help');
  });
});

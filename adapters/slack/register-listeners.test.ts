import { describe, expect, it } from 'vitest';
import { makeReply } from '../../handlers/reply.js';
import { commandResponseType } from './register-listeners.js';

describe('commandResponseType', () => {
  it('shares answers with the channel, keeps help, misunderstandings and privacy warnings private', () => {
    const text = [{ kind: 'text' as const, markdown: 'x' }];
    expect(commandResponseType(makeReply('deadline', 'nl', text))).toBe('in_channel');
    expect(commandResponseType(makeReply('question', 'en', text))).toBe('in_channel');
    expect(commandResponseType(makeReply('help', 'nl', text))).toBe('ephemeral');
    expect(commandResponseType(makeReply('unknown', 'nl', text))).toBe('ephemeral');
    expect(commandResponseType(makeReply('question', 'nl', text, { warnings: ['BSN verwijderd'] }))).toBe('ephemeral');
  });
});

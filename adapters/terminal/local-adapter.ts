import type { Writable } from 'node:stream';
import type { Address, Reply } from '../../handlers/types.js';
import type { ChatAdapter, SendResult } from '../adapter.js';
import { renderTerminal } from './render-terminal.js';

/** Delivers proactive messages (reminders) for `local:` addresses by printing them. */
export function createLocalAdapter(out: Writable): ChatAdapter {
  return {
    platform: 'local',
    async send(to: Address, reply: Reply): Promise<SendResult> {
      out.write(`[${to.platform}:${to.conversationId}${to.threadId ? '#' + to.threadId : ''}]\n${renderTerminal(reply)}\n\n`);
      return { ok: true };
    },
    async stop() {},
  };
}

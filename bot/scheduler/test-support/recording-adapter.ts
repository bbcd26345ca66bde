import type { ChatAdapter, SendResult } from '../../../adapters/adapter.js';
import type { Address, Platform, Reply } from '../../../handlers/types.js';

/** A real ChatAdapter implementation that records what it was asked to send (tests and bench). */
export interface RecordingAdapter extends ChatAdapter {
  readonly sent: { to: Address; reply: Reply }[];
}

export function recordingAdapter(platform: Platform = 'local', respond: (to: Address, attempt: number) => SendResult | Promise<SendResult> = () => ({ ok: true })): RecordingAdapter {
  const sent: { to: Address; reply: Reply }[] = [];
  let attempts = 0;
  return {
    platform,
    sent,
    async send(to, reply) {
      const result = await respond(to, ++attempts);
      if (result.ok) sent.push({ to, reply });
      return result;
    },
    async stop() {},
  };
}

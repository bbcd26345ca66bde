import type { ChatAdapter, DeliveryTag, SendResult } from '../../../adapters/adapter.js';
import type { Address, Platform, Reply } from '../../../handlers/types.js';

/** A real ChatAdapter implementation that records what it was asked to send (tests and bench). */
export interface RecordingAdapter extends ChatAdapter {
  readonly sent: { to: Address; reply: Reply; tag?: DeliveryTag }[];
}

export function recordingAdapter(
  platform: Platform = 'local',
  respond: (to: Address, attempt: number, tag?: DeliveryTag) => SendResult | Promise<SendResult> = () => ({ ok: true }),
): RecordingAdapter {
  const sent: { to: Address; reply: Reply; tag?: DeliveryTag }[] = [];
  let attempts = 0;
  return {
    platform,
    sent,
    async send(to, reply, tag) {
      const result = await respond(to, ++attempts, tag);
      if (result.ok && !result.alreadyThere) sent.push({ to, reply, ...(tag ? { tag } : {}) });
      return result;
    },
    async stop() {},
  };
}

/**
 * A recording adapter that, like Slack with message metadata, remembers the claim ids it has
 * posted and, asked about one that may have arrived, answers `alreadyThere` instead of posting.
 */
export function taggingAdapter(platform: Platform = 'local'): RecordingAdapter & { readonly arrived: Set<string> } {
  const arrived = new Set<string>();
  const inner = recordingAdapter(platform, (_to, _attempt, tag) => {
    if (tag?.mayHaveArrived && arrived.has(tag.id)) return { ok: true, alreadyThere: true };
    if (tag) arrived.add(tag.id);
    return { ok: true };
  });
  return { ...inner, findsEarlierArrivals: true, arrived };
}

import type { Address, Platform } from './types.js';

const PLATFORMS: readonly Platform[] = ['slack', 'teams', 'local'];

/**
 * Serialises an address to the `platform:conversation[#thread]` form used on the CLI and as a
 * storage key, e.g. `local:x`, `slack:C123#1700000000.000100`. Conversation ids may contain `:`
 * and `;` (Teams); only the first `:` separates the platform and only the last `#` the thread.
 */
export function addressKey(address: Address): string {
  const base = `${address.platform}:${address.conversationId}`;
  return address.threadId ? `${base}#${address.threadId}` : base;
}

/** The conversation part of an address (no thread, no user): subscriptions are per conversation. */
export function conversationKey(address: Address): string {
  return `${address.platform}:${address.conversationId}`;
}

/**
 * The conversation id under which a platform keeps a user's personal chat with the bot (Teams: the
 * reference of the 1:1 chat, stored when the user writes to the bot there).
 */
export function personalConversationId(userId: string): string {
  return `user:${userId}`;
}

export type ParsedAddress = { ok: true; address: Address } | { ok: false; message: string };

/** Parses `platform:conversation[#thread]`; see {@link addressKey}. */
export function parseAddress(text: string): ParsedAddress {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(':');
  if (colon <= 0) {
    return { ok: false, message: `Address "${trimmed}" must look like local:<name>, slack:<channel> or teams:<conversation id>.` };
  }
  const platform = trimmed.slice(0, colon) as Platform;
  if (!PLATFORMS.includes(platform)) {
    return { ok: false, message: `Unknown platform "${trimmed.slice(0, colon)}"; use one of ${PLATFORMS.join(', ')}.` };
  }
  let rest = trimmed.slice(colon + 1);
  let threadId: string | undefined;
  const hash = rest.lastIndexOf('#');
  if (hash > 0 && platform !== 'teams') {
    threadId = rest.slice(hash + 1) || undefined;
    rest = rest.slice(0, hash);
  }
  if (!rest) return { ok: false, message: `Address "${trimmed}" has no conversation id.` };
  return { ok: true, address: threadId ? { platform, conversationId: rest, threadId } : { platform, conversationId: rest } };
}

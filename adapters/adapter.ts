import type { Address, Platform, Reply } from '../handlers/types.js';

/** The outcome of a proactive send, so the scheduler can retry, back off or disable. */
export type SendResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'unreachable'; readonly message: string }
  | { readonly ok: false; readonly reason: 'rate_limited'; readonly retryAfterMs: number; readonly message: string }
  | { readonly ok: false; readonly reason: 'failed'; readonly message: string };

/**
 * What the composition root needs of a platform: proactive delivery of a neutral {@link Reply}.
 * Incoming traffic is wired by each adapter's own module (HTTP routes, terminal loop).
 */
export interface ChatAdapter {
  readonly platform: Platform;
  send(to: Address, reply: Reply): Promise<SendResult>;
  stop(): Promise<void>;
}

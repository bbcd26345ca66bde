import type { Address, Platform, Reply } from '../handlers/types.js';

/**
 * The outcome of a proactive send, so the scheduler can complete, retry, back off or disable:
 * - `ok`: the platform accepted it (`alreadyThere`: an earlier attempt had arrived, nothing new was posted);
 * - `unreachable`: the conversation is gone or the bot was removed (nothing arrived);
 * - `rate_limited` and `failed`: the platform refused it (nothing arrived);
 * - `unknown`: no answer in time (client timeout, connection lost mid-request, 5xx): it may have arrived.
 */
export type SendResult =
  | { readonly ok: true; readonly alreadyThere?: boolean }
  | { readonly ok: false; readonly reason: 'unreachable'; readonly message: string }
  | { readonly ok: false; readonly reason: 'rate_limited'; readonly retryAfterMs: number; readonly message: string }
  | { readonly ok: false; readonly reason: 'failed'; readonly message: string }
  | { readonly ok: false; readonly reason: 'unknown'; readonly message: string };

/** Identifies one delivery across attempts (the scheduler's claim), for platforms that can tag messages. */
export interface DeliveryTag {
  /** Stable claim id: the same on every attempt of one delivery. */
  readonly id: string;
  /** An earlier attempt may have arrived (its sender died, or its answer never came). */
  readonly mayHaveArrived: boolean;
  /** When the first attempt was claimed: an earlier arrival cannot be older. */
  readonly since: Date;
}

/**
 * What the composition root needs of a platform: proactive delivery of a neutral {@link Reply}.
 * Incoming traffic is wired by each adapter's own module (HTTP routes, terminal loop).
 */
export interface ChatAdapter {
  readonly platform: Platform;
  /**
   * True when `send` with a tag whose `mayHaveArrived` is set first looks for that tag on the
   * platform and posts only what is missing (Slack: message metadata in the channel history).
   * Without it, the scheduler commits each delivery right after the platform's answer.
   */
  readonly findsEarlierArrivals?: boolean;
  send(to: Address, reply: Reply, tag?: DeliveryTag): Promise<SendResult>;
  stop(): Promise<void>;
}

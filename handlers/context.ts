import type { Logger } from './logger.js';
import type { Store } from './store.js';

/** Which optional days count as public holidays in working-day sums (collective agreements differ). */
export interface HolidaySettings {
  readonly goodFriday: boolean;
  readonly liberationDay: boolean;
}

/**
 * Everything a handler may use besides the message. Time is an input: handlers never read the
 * clock, they use `now` (the composition root passes the real clock or `--now`).
 */
export interface HandlerContext {
  readonly now: Date;
  readonly holidays: HolidaySettings;
  /** Opens (once) and returns the store; only handlers that persist call it. */
  readonly store: () => Promise<Store>;
  readonly log: Logger;
  /** Extra search glossary file (from CONTRACTBOT_GLOSSARY), merged over the shipped one. */
  readonly glossaryPath?: string;
  /** The bot's public base URL (PUBLIC_URL), for links such as the calendar feed; undefined when not configured. */
  readonly publicUrl?: string;
}

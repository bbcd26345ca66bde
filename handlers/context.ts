import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Logger } from './logger.js';
import type { Store } from './store.js';

import type { HolidaySettings } from '../knowledge/dates/holiday-settings.js';

export type { HolidaySettings } from '../knowledge/dates/holiday-settings.js';

/**
 * Everything a handler may use besides the message. Time is an input: handlers never read the
 * clock, they use `now` (the composition root passes the real clock or `--now`).
 */
export interface HandlerContext {
  readonly now: Date;
  /** Everything the bot knows (documents, index, confirmed milestones, vocabularies): an input like `now`. */
  readonly knowledge: KnowledgeBase;
  readonly holidays: HolidaySettings;
  /** Opens (once) and returns the store; only handlers that persist call it. */
  readonly store: () => Promise<Store>;
  readonly log: Logger;
  /** The bot's public base URL (PUBLIC_URL), for links such as the calendar feed; undefined when not configured. */
  readonly publicUrl?: string;
  /** Chat administrators, `slack:<user id>` / `teams:<aad object id>` (CONTRACTBOT_ADMINS): who may add documents. */
  readonly admins?: readonly string[];
}

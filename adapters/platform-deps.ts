import type { HandlerContext } from '../handlers/context.js';
import type { Logger } from '../handlers/logger.js';
import type { Store } from '../handlers/store.js';
import type { IncomingMessage, Reply } from '../handlers/types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { SlackConfig } from './slack/slack-config.js';
import type { TeamsConfig } from './teams/teams-config.js';

/** The settings the platform parts read (the composition root's configuration has these and more). */
export interface PlatformConfig {
  readonly host: string;
  readonly databaseUrl: string;
  readonly slack?: SlackConfig;
  readonly teams?: TeamsConfig;
  /** Teams route without authentication, for the Bot Framework Emulator on a loopback address only. */
  readonly teamsEmulator: boolean;
}

/** What the composition root hands every part it composes (`serve`, and `remind run-due`'s send side). */
export interface ServeDeps {
  readonly config: PlatformConfig;
  readonly log: Logger;
  /** The clock: real time, or `--now` advancing from start-up. */
  readonly clock: () => Date;
  readonly store: () => Promise<Store>;
  /** The knowledge base as last refreshed from the bundle and the database. */
  readonly knowledge: () => KnowledgeBase;
  /** Reloads the knowledge base when the database changed (after an upload or a confirmation here, and periodically). */
  readonly refreshKnowledge: () => Promise<KnowledgeBase>;
  /** The core: route a normalised message to its handler (builds the handler context itself). */
  readonly handle: (message: IncomingMessage) => Promise<Reply>;
  /** Builds a handler context for an instant (for parts that call handlers directly). */
  readonly context: (now: Date) => HandlerContext;
}

import { testKnowledge } from '../../../knowledge/test-support/test-knowledge.js';
import type { Config } from '../../../bot/config.js';
import { loadConfig } from '../../../bot/config.js';
import { createHandlerContext } from '../../../bot/create-context.js';
import type { ServeDeps } from '../../../bot/serve-deps.js';
import { startServer, type RunningServer } from '../../../bot/server.js';
import type { ServerPart } from '../../server-part.js';
import { openStore } from '../../../bot/storage/open-store.js';
import { silentLogger } from '../../../bot/logger.js';
import type { HandlerContext } from '../../../handlers/context.js';
import type { Store } from '../../../handlers/store.js';
import type { IncomingMessage, Reply } from '../../../handlers/types.js';
import { createTeamsPart, type TeamsPart, type TeamsPartOptions } from '../teams-part.js';

export const BOT = { id: '28:contractbot-app-id', name: 'ContractBot' } as const;
export const FIXED_NOW = new Date('2026-03-02T11:00:00+01:00');

/** The real shared HTTP server with the real Teams part, an in-memory SQLite store and a recording core. */
export interface TeamsHarness {
  readonly server: RunningServer;
  readonly part: TeamsPart;
  readonly store: Store;
  readonly handled: IncomingMessage[];
  readonly url: string;
  post(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

export async function startTeamsHarness(options: {
  env?: NodeJS.ProcessEnv;
  /** The core; `context` is a handler context over the harness's store (for the real router). */
  core: (message: IncomingMessage, context: HandlerContext) => Reply | Promise<Reply>;
  part?: TeamsPartOptions;
}): Promise<TeamsHarness> {
  const config: Config = loadConfig({ HOST: '127.0.0.1', PORT: '0', DATABASE_URL: 'file::memory:', TEAMS_EMULATOR: '1', ...options.env });
  const store = await openStore('file::memory:');
  const handled: IncomingMessage[] = [];
  const knowledge = testKnowledge();
  const context = (now: Date): HandlerContext => createHandlerContext(config, now, silentLogger, async () => store, knowledge);
  const deps: ServeDeps = {
    config,
    log: silentLogger,
    clock: () => FIXED_NOW,
    store: async () => store,
    knowledge: () => testKnowledge(),
    refreshKnowledge: async () => testKnowledge(),
    handle: async (message) => {
      handled.push(message);
      return options.core(message, context(FIXED_NOW));
    },
    context: (now) => context(now),
  };
  const part = await createTeamsPart(deps, options.part);
  if (!part) throw new Error('Teams part not created');
  const server = await startServer({ host: config.host, port: 0, parts: [part], log: silentLogger });
  const url = `http://127.0.0.1:${server.port}/api/messages`;
  return {
    server,
    part,
    store,
    handled,
    url,
    async post(activity, headers = {}) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
      const body = await res.text();
      // Messages are acknowledged before their turn runs: wait for the turn, as Teams would for the reply.
      await part.idle();
      return { status: res.status, body };
    },
    async close() {
      await server.close();
      await store.close();
    },
  };
}

/** A Teams message activity as the Bot Connector posts it. */
export function teamsMessage(fields: {
  serviceUrl: string;
  conversationId: string;
  conversationType: 'personal' | 'groupChat' | 'channel';
  id: string;
  text?: string;
  mention?: boolean;
  value?: unknown;
  replyToId?: string;
  attachments?: readonly unknown[];
  from?: { id: string; name: string; aadObjectId: string };
}): Record<string, unknown> {
  const mention = fields.mention
    ? [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: { id: BOT.id, name: BOT.name } }]
    : [];
  return {
    type: 'message',
    id: fields.id,
    timestamp: '2026-03-02T10:00:00.000Z',
    channelId: 'msteams',
    serviceUrl: fields.serviceUrl,
    from: fields.from ?? { id: '29:user-1', name: 'Anna', aadObjectId: 'aad-user-1' },
    recipient: { id: BOT.id, name: BOT.name },
    conversation: {
      id: fields.conversationId,
      conversationType: fields.conversationType,
      tenantId: 'tenant-1',
      ...(fields.conversationType === 'personal' ? {} : { isGroup: true }),
    },
    channelData: { tenant: { id: 'tenant-1' } },
    locale: 'en-US',
    textFormat: 'plain',
    ...(fields.text !== undefined ? { text: fields.text } : {}),
    entities: mention,
    ...(fields.value !== undefined ? { value: fields.value } : {}),
    ...(fields.replyToId ? { replyToId: fields.replyToId } : {}),
    ...(fields.attachments ? { attachments: fields.attachments } : {}),
  };
}

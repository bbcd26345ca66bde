import { DEFAULT_TIME_OF_DAY, parseTimeOfDay } from '../../handlers/reminder-due-time.js';
import { createLocalAdapter } from '../../adapters/terminal/local-adapter.js';
import type { ChatAdapter } from '../../adapters/adapter.js';
import { addressKey, parseAddress } from '../../handlers/address-key.js';
import { parseInsurerFilter, parseLeadDays, parseSectorFilter, type Parsed } from '../../handlers/reminder-filters.js';
import type { Store, Subscription } from '../../handlers/store.js';
import type { Language, Platform } from '../../handlers/types.js';
import { commandKnowledge } from '../command-knowledge.js';
import { createKnowledgeSource } from '../knowledge-source.js';
import type { CliIo, Command } from '../cli-io.js';
import { loadConfig, type Config } from '../config.js';
import { UsageError } from '../config-error.js';
import { lazyStore } from '../create-context.js';
import { createLogger, type Logger } from '../logger.js';
import { parseCommandArgs } from '../parse-args.js';
import { parseNow } from '../parse-now.js';
import { runSchedulerPass } from '../scheduler/run-scheduler-pass.js';
import { createServeDeps } from '../serve-deps.js';

const USAGE =
  'remind: use "remind add --channel <address> [--insurer X,…|all] [--sector ggz|huisartsenzorg|all] [--lead 30,14,7,1] [--at HH:MM] [--language nl|en] [--json]", ' +
  '"remind list [--channel <address>] [--json]", "remind remove <id>" or "remind run-due [--now <ISO date-time>] [--json]".';

/**
 * `contractbot remind …`: channel reminder subscriptions for operators and tests, and one
 * scheduler pass (`run-due`) as of an instant, sharing the serve loop's pass.
 */
export const remindCommand: Command = async (args, io) => {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'add':
      return withStore(io, (store) => add(rest, io, store));
    case 'list':
      return withStore(io, (store) => list(rest, io, store));
    case 'remove':
      return withStore(io, (store) => remove(rest, io, store));
    case 'run-due':
      return runDue(rest, io);
    default:
      throw new UsageError(sub ? `remind: unknown subcommand "${sub.slice(0, 40)}". ${USAGE.slice('remind: '.length)}` : USAGE);
  }
};

/** Runs a subcommand with the store opened on first use: bad arguments never create or migrate a database. */
async function withStore(io: CliIo, run: (store: () => Promise<Store>) => Promise<number>): Promise<number> {
  const config = loadConfig(io.env);
  const store = lazyStore(config.databaseUrl);
  try {
    return await run(store.get);
  } finally {
    await store.close();
  }
}

function required<T>(option: string, parsed: Parsed<T>): T {
  if (!parsed.ok) throw new UsageError(`remind: --${option}: ${parsed.message}`);
  return parsed.value;
}

function channelOption(value: string | undefined, needed: boolean): ReturnType<typeof parseAddress> | undefined {
  if (value === undefined) {
    if (needed) throw new UsageError('remind add: --channel <address> is required, e.g. --channel local:team or --channel slack:C0123456789.');
    return undefined;
  }
  const parsed = parseAddress(value);
  if (!parsed.ok) throw new UsageError(`remind: --channel: ${parsed.message}`);
  return parsed;
}

/** The JSON form of a subscription on the CLI. */
export function subscriptionJson(s: Subscription) {
  return { id: s.id, channel: addressKey(s.address), address: s.address, insurers: s.insurers, sectors: s.sectors, leadDays: s.leadDays, language: s.language, timeOfDay: s.timeOfDay, active: s.active, createdAt: s.createdAt };
}

function describe(s: Subscription): string {
  const filter = (v: readonly string[] | 'all') => (v === 'all' ? 'all' : v.join(', '));
  return `${s.id}  ${addressKey(s.address)}  insurers: ${filter(s.insurers)}; sectors: ${filter(s.sectors)}; lead days: ${s.leadDays.join(',')}; at ${s.timeOfDay}; ${s.language}${s.active ? '' : '; DISABLED'}`;
}

async function add(args: string[], io: CliIo, store: () => Promise<Store>): Promise<number> {
  const { values } = parseCommandArgs(
    'remind add',
    args,
    {
      channel: { type: 'string' },
      insurer: { type: 'string' },
      sector: { type: 'string' },
      lead: { type: 'string' },
      at: { type: 'string' },
      language: { type: 'string' },
      now: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    false,
  );
  const channel = channelOption(values.channel, true);
  if (!channel?.ok) throw new UsageError(USAGE);
  const language = values.language?.trim().toLowerCase() ?? 'nl';
  if (language !== 'nl' && language !== 'en') throw new UsageError(`remind add: --language must be nl or en, got "${language.slice(0, 20)}".`);
  const at = values.at?.trim() ?? DEFAULT_TIME_OF_DAY;
  if (!parseTimeOfDay(at)) throw new UsageError(`remind add: --at must be a time of day HH:MM from 00:00 to 23:59 (Europe/Amsterdam), got "${at.slice(0, 20)}".`);
  const kb = await commandKnowledge(loadConfig(io.env), store);
  const insurers = required('insurer', parseInsurerFilter(values.insurer, kb));
  const sectors = required('sector', parseSectorFilter(values.sector, kb));
  const leadDays = required('lead', parseLeadDays(values.lead));
  // Without --sector, the conversation's sector ("this channel is about ggz") applies, as in chat.
  const stored = values.sector === undefined ? await (await store()).conversationSector(channel.address) : undefined;
  const input = { address: channel.address, insurers, sectors: stored ? [stored] : sectors, leadDays, language: language as Language, timeOfDay: at };
  const now = values.now !== undefined ? parseNow(values.now) : io.clock();
  const subscription = await (await store()).addSubscription(input, now);
  io.stdout.write(values.json ? JSON.stringify(subscriptionJson(subscription)) + '\n' : `Added reminder subscription ${describe(subscription)}\n`);
  return 0;
}

async function list(args: string[], io: CliIo, store: () => Promise<Store>): Promise<number> {
  const { values } = parseCommandArgs('remind list', args, { channel: { type: 'string' }, json: { type: 'boolean', default: false } }, false);
  const channel = channelOption(values.channel, false);
  const subscriptions = await (await store()).listSubscriptions(channel?.ok ? { conversation: channel.address } : {});
  if (values.json) io.stdout.write(JSON.stringify(subscriptions.map(subscriptionJson), null, 2) + '\n');
  else io.stdout.write(subscriptions.length === 0 ? 'No reminder subscriptions.\n' : subscriptions.map(describe).join('\n') + '\n');
  return 0;
}

async function remove(args: string[], io: CliIo, store: () => Promise<Store>): Promise<number> {
  const { positionals } = parseCommandArgs('remind remove', args, {}, true);
  const [id, extra] = positionals;
  if (!id || extra !== undefined) throw new UsageError('remind remove: give exactly one subscription id (see "contractbot remind list").');
  if (!(await (await store()).removeSubscription(id.trim()))) throw new UsageError(`remind remove: no subscription with id "${id.slice(0, 40)}".`);
  io.stdout.write(`Removed reminder subscription ${id.trim()}.\n`);
  return 0;
}

async function runDue(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('remind run-due', args, { now: { type: 'string' }, json: { type: 'boolean', default: false } }, false);
  const now = values.now !== undefined ? parseNow(values.now) : io.clock();
  const config = loadConfig(io.env);
  const log = createLogger(config.logLevel);
  const store = lazyStore(config.databaseUrl);
  const adapters = new Map<Platform, ChatAdapter>();
  try {
    const opened = await store.get();
    // With --json stdout must be exactly the JSON array: local reminders appear in it instead of printed.
    adapters.set('local', values.json ? { platform: 'local', send: async () => ({ ok: true }), stop: async () => undefined } : createLocalAdapter(io.stdout));
    await addPlatformAdapters(adapters, opened, config, log, store.get, io);
    const result = await runSchedulerPass({ store: opened, knowledge: await commandKnowledge(config, store.get), adapters, holidays: config.holidays, log, now });
    for (const f of result.failed) {
      io.stderr.write(`contractbot: reminder ${f.milestoneId} ${f.date} (${f.leadDays} days) to ${f.channel} failed (attempt ${f.attempt}): ${f.error.slice(0, 200)}${f.retryAt ? `; retry after ${f.retryAt.toISOString()}` : '; given up'}\n`);
    }
    if (result.withoutAdapter > 0) io.stderr.write(`contractbot: ${result.withoutAdapter} due reminder(s) wait for a platform that is not configured here.\n`);
    if (values.json) io.stdout.write(JSON.stringify(result.delivered, null, 2) + '\n');
    else io.stdout.write(`Delivered ${result.delivered.length} reminder(s).\n`);
    return 0;
  } finally {
    for (const adapter of adapters.values()) await adapter.stop().catch(() => undefined);
    await store.close();
  }
}

/**
 * Slack and Teams delivery for `run-due` (a cron job without `serve`): their parts are created for
 * the send side only, and only when a platform is configured and has active subscriptions.
 */
async function addPlatformAdapters(adapters: Map<Platform, ChatAdapter>, store: Store, config: Config, log: Logger, getStore: () => Promise<Store>, io: CliIo): Promise<void> {
  const platforms = new Set((await store.listSubscriptions({ activeOnly: true })).map((s) => s.address.platform));
  const wanted = (['slack', 'teams'] as const).filter((p) => platforms.has(p) && (p === 'slack' ? config.slack : config.teams));
  if (wanted.length === 0) return;
  const deps = await createServeDeps(config, log, io.clock, getStore, createKnowledgeSource({ glossaryPath: config.glossaryPath, log }, getStore));
  for (const platform of wanted) {
    try {
      const part =
        platform === 'slack'
          ? await (await import('../../adapters/slack/slack-part.js')).createSlackPart(deps)
          : await (await import('../../adapters/teams/teams-part.js')).createTeamsPart(deps);
      if (part?.adapter) adapters.set(platform, part.adapter);
    } catch (error) {
      log.warn('platform adapter unavailable for reminders', { platform, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

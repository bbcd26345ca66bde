import { z } from 'zod';
import type { SlackConfig } from '../adapters/slack/slack-config.js';
import type { TeamsConfig } from '../adapters/teams/teams-config.js';

export type { SlackConfig } from '../adapters/slack/slack-config.js';
export type { TeamsConfig } from '../adapters/teams/teams-config.js';
import { ConfigError } from './config-error.js';

const boolFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .default('file:data/contractbot.db')
    .refine((v) => v.startsWith('file:') || /^postgres(ql)?:\/\//.test(v), {
      message: 'must be file:<path> or postgres://…',
    }),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Seconds between two reminder scheduler passes in `serve`; 0 turns the scheduler off. */
  REMINDER_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  PUBLIC_URL: optionalText.pipe(z.string().url().optional()),

  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: optionalText.pipe(z.string().url().optional()),

  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TYPE: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  MICROSOFT_APP_TENANT_ID: optionalText,
  TEAMS_EMULATOR: boolFlag,

  /** Whether Good Friday (Goede Vrijdag) counts as a public holiday for working-day sums. */
  HOLIDAY_GOOD_FRIDAY: boolFlag,
  /** Whether Liberation Day (5 May, Bevrijdingsdag) counts as a public holiday for working-day sums. */
  HOLIDAY_LIBERATION_DAY: boolFlag,
  /** Who may add documents in chat: a comma list of slack:<user id> and teams:<aad object id>. */
  CONTRACTBOT_ADMINS: optionalText,
  /** Path of an extra search glossary (JSON, same shape as knowledge/data/glossary.json) merged over the shipped one. */
  CONTRACTBOT_GLOSSARY: optionalText,
});

export type Env = z.infer<typeof envSchema>;

export interface HolidaySettings {
  readonly goodFriday: boolean;
  readonly liberationDay: boolean;
}

export interface Config {
  readonly databaseUrl: string;
  readonly port: number;
  readonly host: string;
  readonly logLevel: Env['LOG_LEVEL'];
  readonly publicUrl?: string;
  readonly slack?: SlackConfig;
  readonly teams?: TeamsConfig;
  /** Teams route without authentication, for the Bot Framework Emulator on a loopback address only. */
  readonly teamsEmulator: boolean;
  readonly holidays: HolidaySettings;
  /** Milliseconds between reminder scheduler passes in `serve` (REMINDER_INTERVAL_SECONDS); 0 = scheduler off. */
  readonly reminderIntervalMs: number;
  /** Extra glossary file (CONTRACTBOT_GLOSSARY), validated when first used. */
  readonly glossaryPath?: string;
  /** Chat administrators (CONTRACTBOT_ADMINS): `slack:<user id>` / `teams:<aad object id>`. */
  readonly admins: readonly string[];
}

/**
 * Parses the environment once, at start-up. Every problem becomes a {@link ConfigError} whose
 * message names the variable; secrets are never part of a message.
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`Invalid configuration: ${name} ${issue?.message ?? 'is invalid'}.`);
  }
  const e = parsed.data;

  let slack: SlackConfig | undefined;
  if (e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET) {
    if (!e.SLACK_BOT_TOKEN) throw new ConfigError('Invalid configuration: SLACK_BOT_TOKEN is required when SLACK_SIGNING_SECRET is set.');
    if (!e.SLACK_SIGNING_SECRET) throw new ConfigError('Invalid configuration: SLACK_SIGNING_SECRET is required when SLACK_BOT_TOKEN is set.');
    slack = { botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL };
  } else if (e.SLACK_APP_TOKEN) {
    throw new ConfigError('Invalid configuration: SLACK_APP_TOKEN needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET.');
  }

  let teams: TeamsConfig | undefined;
  if (e.MICROSOFT_APP_ID) {
    if (e.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && !e.MICROSOFT_APP_PASSWORD) {
      throw new ConfigError('Invalid configuration: MICROSOFT_APP_PASSWORD is required when MICROSOFT_APP_ID is set.');
    }
    if (e.MICROSOFT_APP_TYPE === 'SingleTenant' && !e.MICROSOFT_APP_TENANT_ID) {
      throw new ConfigError('Invalid configuration: MICROSOFT_APP_TENANT_ID is required for MICROSOFT_APP_TYPE=SingleTenant.');
    }
    teams = { appId: e.MICROSOFT_APP_ID, appPassword: e.MICROSOFT_APP_PASSWORD ?? '', appType: e.MICROSOFT_APP_TYPE, tenantId: e.MICROSOFT_APP_TENANT_ID };
  } else if (e.MICROSOFT_APP_PASSWORD) {
    throw new ConfigError('Invalid configuration: MICROSOFT_APP_ID is required when MICROSOFT_APP_PASSWORD is set.');
  }

  const admins = (e.CONTRACTBOT_ADMINS ?? '').split(',').map((a) => a.trim()).filter((a) => a !== '');
  for (const admin of admins) {
    const [platform, id] = admin.split(':', 2);
    if ((platform !== 'slack' && platform !== 'teams') || !id || id.trim() === '' || admin.length > 200) {
      throw new ConfigError(`Invalid configuration: CONTRACTBOT_ADMINS entries look like slack:U012ABC or teams:<aad object id>, got "${admin.slice(0, 40)}".`);
    }
  }

  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PUBLIC_URL,
    slack,
    teams,
    teamsEmulator: e.TEAMS_EMULATOR,
    holidays: { goodFriday: e.HOLIDAY_GOOD_FRIDAY, liberationDay: e.HOLIDAY_LIBERATION_DAY },
    reminderIntervalMs: e.REMINDER_INTERVAL_SECONDS * 1000,
    glossaryPath: e.CONTRACTBOT_GLOSSARY,
    admins,
  };
}

import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { buildTeamsPackage, PLACEHOLDER_WEBSITE } from '../../adapters/teams/build-teams-package.js';
import type { Command } from '../cli-io.js';
import { UsageError } from '../config-error.js';
import { parseCommandArgs } from '../parse-args.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/i;

const envSchema = z.object({
  MICROSOFT_APP_ID: z.string().trim().optional(),
  PUBLIC_URL: z.string().trim().optional(),
});

/**
 * `contractbot teams-package [--out contractbot.zip] [--valid-domain D …] [--version X.Y.Z]`:
 * the Teams app package (manifest.json + icons) for MICROSOFT_APP_ID, with PUBLIC_URL as
 * developer link and valid domain. Needs no password: packaging is not running the bot.
 */
export const teamsPackageCommand: Command = async (args, io) => {
  const { values } = parseCommandArgs(
    'teams-package',
    args,
    { out: { type: 'string', default: 'contractbot.zip' }, 'valid-domain': { type: 'string', multiple: true }, version: { type: 'string', default: '1.0.0' } },
    false,
  );
  const env = envSchema.parse({ MICROSOFT_APP_ID: io.env.MICROSOFT_APP_ID, PUBLIC_URL: io.env.PUBLIC_URL });
  const appId = env.MICROSOFT_APP_ID ?? '';
  if (!appId) {
    throw new UsageError('teams-package: MICROSOFT_APP_ID is required (the Microsoft app id of your Azure Bot registration), e.g. MICROSOFT_APP_ID=<guid> contractbot teams-package --out contractbot.zip');
  }
  if (!GUID.test(appId)) throw new UsageError('teams-package: MICROSOFT_APP_ID must be a GUID such as 6f1c2f4e-0d7a-4b8e-9c51-3a2b1c0d9e8f.');
  let publicUrl: string | undefined;
  if (env.PUBLIC_URL) {
    try {
      publicUrl = new URL(env.PUBLIC_URL).toString();
    } catch {
      throw new UsageError('teams-package: PUBLIC_URL must be an absolute URL such as https://contractbot.example.org.');
    }
  }
  const domains = values['valid-domain'] ?? [];
  const bad = domains.find((d) => !DOMAIN.test(d));
  if (bad !== undefined) throw new UsageError(`teams-package: --valid-domain "${bad.slice(0, 80)}" is not a domain name (e.g. contractbot.example.org).`);
  const version = values.version ?? '1.0.0';
  if (!/^\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(version)) throw new UsageError('teams-package: --version must look like 1.0.0.');

  const zip = await buildTeamsPackage({ appId, version, validDomains: domains, ...(publicUrl ? { publicUrl } : {}) });
  const out = resolve(values.out ?? 'contractbot.zip');
  await writeFile(out, zip);
  io.stdout.write(`Wrote ${out} (${zip.length} bytes): manifest.json for bot ${appId}, color.png, outline.png.\n`);
  if (!publicUrl?.startsWith('https://')) {
    io.stderr.write(`Note: developer links use ${PLACEHOLDER_WEBSITE}; set PUBLIC_URL=https://… before publishing to your organisation's app catalogue.\n`);
  }
  io.stdout.write('Upload it in Teams: Apps › Manage your apps › Upload an app (or via the Teams admin center).\n');
  return 0;
};

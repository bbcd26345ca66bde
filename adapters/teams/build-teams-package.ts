import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { projectRoot } from '../../knowledge/paths.js';

/** What varies per installation of the Teams app package. */
export interface TeamsPackageSettings {
  /** The bot's Microsoft app id (MICROSOFT_APP_ID): the manifest id and the bot id. */
  readonly appId: string;
  /** Public base URL of the bot (PUBLIC_URL): developer links and a valid domain. */
  readonly publicUrl?: string;
  /** Extra domains the app may open. */
  readonly validDomains?: readonly string[];
  /** Manifest version, `major.minor.patch`. */
  readonly version: string;
}

/** Used for the developer links when PUBLIC_URL is not an https URL; replace before publishing org-wide. */
export const PLACEHOLDER_WEBSITE = 'https://example.com/contractbot';

function teamsDir(): string {
  return join(projectRoot(), 'adapters', 'teams');
}

/** `adapters/teams/manifest.json` with the settings filled in, as an object. */
export function teamsManifest(settings: TeamsPackageSettings): Record<string, unknown> {
  const template = readFileSync(join(teamsDir(), 'manifest.json'), 'utf8');
  const website = settings.publicUrl?.startsWith('https://') ? settings.publicUrl.replace(/\/+$/, '') : PLACEHOLDER_WEBSITE;
  const filled = template
    .replaceAll('{{MICROSOFT_APP_ID}}', settings.appId)
    .replaceAll('{{VERSION}}', settings.version)
    .replaceAll('{{WEBSITE_URL}}', website);
  const manifest = JSON.parse(filled) as Record<string, unknown>;
  const domains = new Set<string>(settings.validDomains ?? []);
  if (settings.publicUrl) domains.add(new URL(settings.publicUrl).host);
  manifest.validDomains = [...domains];
  return manifest;
}

/** The Teams app package: a zip with manifest.json, color.png (192×192) and outline.png (32×32) at its root. */
export async function buildTeamsPackage(settings: TeamsPackageSettings): Promise<Buffer> {
  const zip = new JSZip();
  const fixedDate = new Date('2024-01-01T00:00:00Z'); // reproducible archives
  zip.file('manifest.json', JSON.stringify(teamsManifest(settings), null, 2) + '\n', { date: fixedDate });
  zip.file('color.png', readFileSync(join(teamsDir(), 'icons', 'color.png')), { date: fixedDate });
  zip.file('outline.png', readFileSync(join(teamsDir(), 'icons', 'outline.png')), { date: fixedDate });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

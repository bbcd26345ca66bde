import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../bot/cli.js';
import { drawColorIcon, drawOutlineIcon } from './icons/draw-icons.js';
import { pngSize } from './icons/png.js';

const APP_ID = '6f1c2f4e-0d7a-4b8e-9c51-3a2b1c0d9e8f';

async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += String(c)));
  stderr.on('data', (c) => (err += String(c)));
  const code = await runCli(args, { stdin: new PassThrough(), stdout, stderr, env, clock: () => new Date('2026-03-02T12:00:00Z') });
  return { code, stdout: out, stderr: err };
}

describe('contractbot teams-package', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'teams-package-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('builds a zip with the manifest for the app id and both icons', async () => {
    const out = join(dir, 'contractbot.zip');
    const result = await cli(['teams-package', '--out', out, '--valid-domain', 'files.example.org'], {
      MICROSOFT_APP_ID: APP_ID,
      PUBLIC_URL: 'https://contractbot.example.org',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(out);
    const zip = await JSZip.loadAsync(await readFile(out));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);

    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest.manifestVersion).toBe('1.17');
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.bots[0].commandLists[0].commands.length).toBeGreaterThanOrEqual(3);
    for (const c of manifest.bots[0].commandLists[0].commands) {
      expect(c.title.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(128);
    }
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.developer.websiteUrl).toBe('https://contractbot.example.org');
    expect(manifest.validDomains.sort()).toEqual(['contractbot.example.org', 'files.example.org']);
    expect(JSON.stringify(manifest)).not.toContain('{{');

    const color = pngSize(await zip.file('color.png')!.async('nodebuffer'));
    const outline = pngSize(await zip.file('outline.png')!.async('nodebuffer'));
    expect(color).toMatchObject({ width: 192, height: 192 });
    expect(outline).toMatchObject({ width: 32, height: 32, colourType: 6 });
  });

  it('exits 2 with a clear message when MICROSOFT_APP_ID is missing or not a GUID', async () => {
    const missing = await cli(['teams-package', '--out', join(dir, 'x.zip')], {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('MICROSOFT_APP_ID is required');
    const bad = await cli(['teams-package', '--out', join(dir, 'x.zip')], { MICROSOFT_APP_ID: 'my-bot' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('GUID');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('uses placeholder developer links without an https PUBLIC_URL and says so', async () => {
    const out = join(dir, 'plain.zip');
    const result = await cli(['teams-package', '--out', out], { MICROSOFT_APP_ID: APP_ID });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('PUBLIC_URL');
    const manifest = JSON.parse(await (await JSZip.loadAsync(await readFile(out))).file('manifest.json')!.async('string'));
    expect(manifest.developer.websiteUrl).toMatch(/^https:\/\//);
    expect(manifest.validDomains).toEqual([]);
  });

  it('ships the icons the generator draws (192×192 colour, 32×32 outline)', async () => {
    expect(await readFile(new URL('./icons/color.png', import.meta.url))).toEqual(drawColorIcon());
    expect(await readFile(new URL('./icons/outline.png', import.meta.url))).toEqual(drawOutlineIcon());
  });
});

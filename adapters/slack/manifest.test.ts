import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { SLACK_EVENTS_PATH } from './slack-part.js';

// js-yaml ships with date-holidays; only this test reads YAML.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface Manifest {
  display_information: { name: string; description: string; long_description?: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: { command: string; url: string; description: string; should_escape: boolean }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = yaml.load(readFileSync(new URL('./manifest.yml', import.meta.url), 'utf8')) as Manifest;

describe('Slack app manifest', () => {
  it('declares the /contract command, events and interactivity on the route the server mounts', () => {
    const [command, ...others] = manifest.features.slash_commands;
    expect(others).toHaveLength(0);
    expect(command?.command).toBe('/contract');
    expect(command?.should_escape).toBe(false);
    for (const url of [command!.url, manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url]) {
      expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
      expect(url.startsWith('https://')).toBe(true);
    }
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
  });

  it('asks only for the scopes the app uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['app_mentions:read', 'channels:history', 'channels:read', 'chat:write', 'commands', 'files:read', 'groups:history', 'groups:read', 'im:history', 'im:write', 'mpim:history']);
  });

  it('matches the scope list in the README', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const paragraph = readme.slice(readme.indexOf('**Scopes (minimal):**'), readme.indexOf('**Events:**'));
    // Backticked words of the paragraph: the scopes have a colon (plus `commands`); API names do not.
    const named = paragraph.split('`').filter((word, i) => i % 2 === 1 && (word.includes(':') || word === 'commands'));
    expect([...new Set(named)].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });

  it('enables the App Home tab and the messages tab for DMs', () => {
    expect(manifest.features.app_home).toEqual({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.display_information.long_description!.length).toBeGreaterThanOrEqual(175);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(139);
  });
});

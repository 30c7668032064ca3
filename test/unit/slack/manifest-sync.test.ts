// manifest/manifest.json must create the app as the code expects it: the commands and events the code
// registers, interactivity (buttons, modals, option loads) and the bot scopes its Web API calls need.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manifestBotScopes, OAUTH_REDIRECT_PATH } from '../../../src/app.ts';
import { SLACK_SURFACE } from '../../../src/slack/register.ts';
import { recordRegistrations } from '../../support/registrations.ts';

interface Manifest {
  features: {
    slash_commands: { command: string; url: string; should_escape?: boolean }[];
    app_home: { home_tab_enabled: boolean };
    bot_user: unknown;
  };
  oauth_config: { redirect_urls?: string[]; scopes: { bot: string[] } };
  settings: {
    interactivity: { is_enabled: boolean; request_url: string; message_menu_options_url?: string };
    event_subscriptions: { request_url: string; bot_events: string[] };
  };
}

const manifest = JSON.parse(
  readFileSync(new URL('../../../manifest/manifest.json', import.meta.url), 'utf8'),
) as Manifest;

describe('manifest/manifest.json', () => {
  const registered = recordRegistrations();

  it('declares exactly the slash commands the app registers, with mention escaping on', () => {
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual([...registered.commands].sort());
    for (const command of manifest.features.slash_commands) {
      expect(command.url).toMatch(/\/slack\/events$/);
      expect(command.should_escape).toBe(true);
    }
  });

  it('subscribes to exactly the events the app listens to', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      [...new Set(registered.events)].sort(),
    );
    expect(manifest.settings.event_subscriptions.request_url).toMatch(/\/slack\/events$/);
    expect([...SLACK_SURFACE.events].sort()).toEqual([...new Set(registered.events)].sort());
  });

  it("subscribes to app_uninstalled and tokens_revoked, which remove a workspace's stored tokens", () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['app_uninstalled', 'tokens_revoked']),
    );
    expect(registered.events).toEqual(expect.arrayContaining(['app_uninstalled', 'tokens_revoked']));
  });

  it('declares the OAuth redirect URL on the path where the app receives it', () => {
    const urls = manifest.oauth_config.redirect_urls ?? [];
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(new URL(url).protocol).toBe('https:');
      expect(new URL(url).pathname).toBe(OAUTH_REDIRECT_PATH);
    }
  });

  it('is where OAuth installs take their bot scopes from', () => {
    expect(manifestBotScopes()).toEqual(manifest.oauth_config.scopes.bot);
  });

  it('enables interactivity and the options URL, since the app has buttons, modals and option loads', () => {
    expect(registered.actions.length).toBeGreaterThan(0);
    expect(registered.views.length).toBeGreaterThan(0);
    expect(registered.options.length).toBeGreaterThan(0);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.interactivity.request_url).toMatch(/\/slack\/events$/);
    expect(manifest.settings.interactivity.message_menu_options_url).toMatch(/\/slack\/events$/);
  });

  it('has App Home and a bot user, because the app publishes a Home tab', () => {
    expect(registered.events).toContain('app_home_opened');
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.bot_user).toBeDefined();
  });

  it('asks for the bot scopes the Web API calls need, and no others', () => {
    // commands: /opp; chat:write: postMessage/update/postEphemeral; chat:write.public: announcements in
    // public channels the bot hasn't joined; files:write: digest charts and CSV exports (files upload);
    // users:read: users.info for time zone and locale; channels:read and groups:read: conversations.info,
    // so that `/opp alert #channel` can refuse an archived channel, or a private one the bot is not in.
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'channels:read',
      'chat:write',
      'chat:write.public',
      'commands',
      'files:write',
      'groups:read',
      'users:read',
    ]);
  });
});

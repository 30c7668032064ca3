// The environment is checked when the app starts: every problem is a sentence naming the variable.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';

const valid = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'secret' };

describe('parseConfig', () => {
  it('names both missing Slack credentials at once', () => {
    const result = parseConfig({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.join('\n')).toMatch(/SLACK_BOT_TOKEN is missing/);
    expect(result.problems.join('\n')).toMatch(/SLACK_SIGNING_SECRET is missing/);
  });

  it('uses the embedded database, port 3000 and ./data by default', () => {
    const result = parseConfig(valid);
    expect(result.ok && result.config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      dataDir: './data',
      logLevel: 'info',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a port number/],
    [{ PORT: '70000' }, /PORT must be a port number/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a PostgreSQL URL/],
    [{ SLACK_BOT_TOKEN: 'xoxp-user' }, /SLACK_BOT_TOKEN must be a bot token/],
    [{ SLACK_APP_TOKEN: 'nope' }, /SLACK_APP_TOKEN must be an app-level token/],
    [{ SLACK_API_URL: 'not a url' }, /SLACK_API_URL must be a URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ])('refuses %o with a sentence naming the variable', (override, expected) => {
    const result = parseConfig({ ...valid, ...override });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toMatch(expected);
  });

  it('needs no signing secret in Socket Mode, and selects it by the app token', () => {
    const result = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(result.ok && result.config.slack.appToken).toBe('xapp-1');
  });

  it('reads a PostgreSQL URL and a custom port', () => {
    const result = parseConfig({ ...valid, DATABASE_URL: 'postgres://u@h:5432/db', PORT: '8080' });
    expect(result.ok && [result.config.databaseUrl, result.config.port]).toEqual(['postgres://u@h:5432/db', 8080]);
  });
});

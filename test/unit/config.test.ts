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

const HEX_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const oauth = {
  SLACK_CLIENT_ID: '1234.5678',
  SLACK_CLIENT_SECRET: 'client-secret',
  SLACK_STATE_SECRET: 'a-state-secret-of-some-length',
  SLACK_SIGNING_SECRET: 'secret',
  TOKEN_ENCRYPTION_KEY: HEX_KEY,
};

function problemsOf(env: Record<string, string>): string {
  const result = parseConfig(env);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.problems.join('\n');
}

describe('parseConfig: installation through OAuth', () => {
  it('selects OAuth mode from the client id, client secret and state secret, with no bot token', () => {
    const result = parseConfig(oauth);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.slack.botToken).toBeUndefined();
    expect(result.config.slack.oauth).toMatchObject({
      clientId: '1234.5678',
      clientSecret: 'client-secret',
      stateSecret: 'a-state-secret-of-some-length',
      redirectUri: undefined,
    });
    expect(result.config.slack.oauth?.tokenEncryptionKey.toString('hex')).toBe(HEX_KEY);
  });

  it('reads the encryption key as base64 too', () => {
    const base64 = Buffer.from(HEX_KEY, 'hex').toString('base64');
    const result = parseConfig({ ...oauth, TOKEN_ENCRYPTION_KEY: base64 });
    expect(result.ok && result.config.slack.oauth?.tokenEncryptionKey.toString('hex')).toBe(HEX_KEY);
    const unpadded = parseConfig({ ...oauth, TOKEN_ENCRYPTION_KEY: base64.replace(/=+$/, '') });
    expect(unpadded.ok && unpadded.config.slack.oauth?.tokenEncryptionKey.toString('hex')).toBe(HEX_KEY);
  });

  it('refuses to start without TOKEN_ENCRYPTION_KEY, naming it', () => {
    const { TOKEN_ENCRYPTION_KEY: _key, ...withoutKey } = oauth;
    expect(problemsOf(withoutKey)).toMatch(/TOKEN_ENCRYPTION_KEY is missing: .*encrypted/);
  });

  it.each([
    ['too short', 'abcdef'],
    ['31 bytes of hex', HEX_KEY.slice(2)],
    ['16 bytes of base64', Buffer.alloc(16, 7).toString('base64')],
    ['not hex nor base64', 'this is not a key at all, is it?!'],
  ])('refuses a TOKEN_ENCRYPTION_KEY that is %s, without echoing it', (_what, key) => {
    const problems = problemsOf({ ...oauth, TOKEN_ENCRYPTION_KEY: key });
    expect(problems).toMatch(
      /TOKEN_ENCRYPTION_KEY must be 32 random bytes written as 64 hexadecimal characters or as base64/,
    );
    expect(problems).not.toContain(key);
  });

  it('refuses a bot token together with OAuth credentials (Bolt rejects a token with OAuth options)', () => {
    expect(problemsOf({ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1-2-abc' })).toMatch(
      /SLACK_BOT_TOKEN must not be set together with SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET/,
    );
  });

  it('names the OAuth variables that are missing when only some are set', () => {
    const problems = problemsOf({ SLACK_CLIENT_ID: '1.2', SLACK_SIGNING_SECRET: 's', TOKEN_ENCRYPTION_KEY: HEX_KEY });
    expect(problems).toMatch(/SLACK_CLIENT_SECRET is missing/);
    expect(problems).toMatch(/SLACK_STATE_SECRET is missing/);
    expect(problems).not.toMatch(/SLACK_CLIENT_ID is missing/);
    expect(problems).toMatch(/SLACK_CLIENT_ID is set/);
  });

  it('needs the signing secret, and no Socket Mode app token, in OAuth mode', () => {
    const { SLACK_SIGNING_SECRET: _secret, ...withoutSecret } = oauth;
    expect(problemsOf(withoutSecret)).toMatch(/SLACK_SIGNING_SECRET is missing/);
    expect(problemsOf({ ...oauth, SLACK_APP_TOKEN: 'xapp-1' })).toMatch(
      /SLACK_APP_TOKEN \(Socket Mode\) cannot be combined with installation through OAuth/,
    );
  });

  it("takes an optional redirect URI on the app's redirect path", () => {
    const uri = 'https://pipeline.example.com/slack/oauth_redirect';
    const result = parseConfig({ ...oauth, SLACK_REDIRECT_URI: uri });
    expect(result.ok && result.config.slack.oauth?.redirectUri).toBe(uri);
    expect(problemsOf({ ...oauth, SLACK_REDIRECT_URI: 'https://pipeline.example.com/oauth' })).toMatch(
      /SLACK_REDIRECT_URI must end with \/slack\/oauth_redirect/,
    );
    expect(problemsOf({ ...oauth, SLACK_REDIRECT_URI: 'not a url' })).toMatch(/SLACK_REDIRECT_URI must be a URL/);
    expect(problemsOf({ ...valid, SLACK_REDIRECT_URI: uri })).toMatch(
      /SLACK_REDIRECT_URI is only used when installing through OAuth/,
    );
  });

  it('refuses a state secret too short to be a secret', () => {
    expect(problemsOf({ ...oauth, SLACK_STATE_SECRET: 'short' })).toMatch(/SLACK_STATE_SECRET must be at least 16/);
  });

  it('keeps single-workspace mode as it was when no OAuth variable is set', () => {
    const result = parseConfig(valid);
    expect(result.ok && result.config.slack).toEqual({
      signingSecret: 'secret',
      botToken: 'xoxb-1-2-abc',
      appToken: undefined,
      apiUrl: undefined,
    });
  });

  it('says how to choose OAuth when neither a bot token nor OAuth credentials are set', () => {
    expect(problemsOf({ SLACK_SIGNING_SECRET: 's' })).toMatch(
      /SLACK_BOT_TOKEN is missing: .* SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and TOKEN_ENCRYPTION_KEY/,
    );
  });
});

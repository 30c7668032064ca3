// Distributed (OAuth) mode end to end: a workspace installs the app through GET /slack/install → Slack's
// consent page → GET /slack/oauth_redirect (Bolt's installer, our encrypted installation store), then its
// requests are answered with its own bot token; uninstalling / revoking in either order removes the
// tokens and keeps the pipeline, and installing again finds it.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/fixtures.ts';
import { manifestBotScopes, startApp } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { slashCommand } from '../support/slack-requests.ts';
import { seedPipelineSetup } from '../support/pipeline-fixtures.ts';
import { allText, startOAuthTestApp, TEST_NOW, TEST_OAUTH, type TestApp } from '../support/test-app.ts';
import { BACKENDS } from '../support/databases.ts';
import { mark, run } from './e2e-kit.ts';

const STATE_COOKIE = 'slack-app-oauth-state';

interface Installed {
  teamId: string;
  installer: string;
  botToken: string;
  botUserId: string;
}

function newInstall(teamId: string, installer: string): Installed {
  return {
    teamId,
    installer,
    botToken: `xoxb-${teamId}-${randomBytes(12).toString('hex')}`,
    botUserId: `UBOT${teamId.slice(-6)}`,
  };
}

/** GET /slack/install: Bolt redirects straight to Slack's consent page, with a state and its cookie. */
async function beginInstall(url: string): Promise<{ location: URL; state: string; cookie: string }> {
  const response = await fetch(`${url}/slack/install`, { redirect: 'manual' });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location') ?? '');
  const state = location.searchParams.get('state') ?? '';
  const setCookie = response.headers.get('set-cookie') ?? '';
  expect(setCookie).toContain(`${STATE_COOKIE}=${state};`);
  return { location, state, cookie: `${STATE_COOKIE}=${state}` };
}

/** GET /slack/oauth_redirect as the browser comes back from Slack's consent page: the page it shows. */
async function redirectBack(
  url: string,
  back: { code: string; state: string; cookie: string },
): Promise<{ status: number; page: string }> {
  const response = await fetch(
    `${url}/slack/oauth_redirect?code=${back.code}&state=${encodeURIComponent(back.state)}`,
    { headers: { cookie: back.cookie }, redirect: 'manual' },
  );
  return { status: response.status, page: await response.text() };
}

/** The fake's oauth.v2.access answers with `install`'s workspace, token and installer. */
function answerOAuthFor(t: TestApp, install: Installed): void {
  t.fake.setOAuthResponse({
    team: { id: install.teamId, name: `Team ${install.teamId}` },
    access_token: install.botToken,
    bot_user_id: install.botUserId,
    authed_user: { id: install.installer },
  });
}

/** The configuration of an app in OAuth mode, against the fake Slack at `apiUrl`. */
function oauthConfig(apiUrl: string, tokenEncryptionKey: Buffer = TEST_OAUTH.tokenEncryptionKey): Config {
  return {
    slack: {
      signingSecret: SLACK_DEFAULTS.signingSecret,
      apiUrl,
      oauth: {
        clientId: TEST_OAUTH.clientId,
        clientSecret: TEST_OAUTH.clientSecret,
        stateSecret: TEST_OAUTH.stateSecret,
        tokenEncryptionKey,
        redirectUri: undefined,
      },
    },
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    dataDir: 'unused',
    logLevel: 'error',
  };
}

async function waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting until ${what}`);
}

describe('installing the app in several workspaces through OAuth (pglite)', () => {
  const t = useTestApp('pglite', { oauth: true });

  const startInstall = () => beginInstall(t.url);

  /** The whole flow for one workspace; the fake's oauth.v2.access answers for `install`. */
  async function install(install: Installed): Promise<{ status: number; page: string }> {
    answerOAuthFor(t, install);
    const { state, cookie } = await startInstall();
    const code = `code-${randomBytes(6).toString('hex')}`;
    const response = await redirectBack(t.url, { code, state, cookie });
    const exchange = await t.fake.waitFor('oauth.v2.access', (c) => c.args.code === code);
    expect(exchange.args.client_id).toBe(TEST_OAUTH.clientId);
    return response;
  }

  /** Every row of every table of the database, as text. */
  async function wholeDatabase(): Promise<string> {
    const tables = await t.db.prisma.$queryRawUnsafe<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const parts: string[] = [];
    for (const { table_name } of tables) {
      const rows = await t.db.prisma.$queryRawUnsafe<{ row: string }[]>(
        `SELECT row_to_json(x)::text AS row FROM "${table_name}" x`,
      );
      parts.push(...rows.map((r) => r.row));
    }
    return parts.join('\n');
  }

  async function installationRows(teamId: string): Promise<number> {
    return t.db.prisma.installation.count({ where: { installKey: `T:${teamId}` } });
  }

  async function lifecycleEvent(teamId: string, event: Record<string, unknown>) {
    const response = await t.event({ teamId, event: { ...event, event_ts: `${Date.now() / 1000}` } });
    expect(response.status).toBe(200);
  }

  it("the install link sends the browser to Slack with the manifest's scopes, the client id and a state", async () => {
    const { location, state } = await startInstall();
    expect(`${location.origin}${location.pathname}`).toBe('https://slack.com/oauth/v2/authorize');
    expect(location.searchParams.get('client_id')).toBe(TEST_OAUTH.clientId);
    expect(location.searchParams.get('scope')?.split(',')).toEqual(manifestBotScopes());
    expect(state.length).toBeGreaterThan(20);
    const health = await fetch(`${t.url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
  });

  it("a redirect without the browser's state cookie installs nothing and says why", async () => {
    const { state } = await startInstall();
    const response = await fetch(`${t.url}/slack/oauth_redirect?code=abc&state=${encodeURIComponent(state)}`);
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toMatch(/Pipeline was not installed: this installation link is incomplete, expired or was opened/);
    expect(t.fake.calls('oauth.v2.access').filter((c) => c.args.code === 'abc')).toHaveLength(0);
  });

  it('installs a workspace: success page, encrypted installation, the installer is admin, its own token answers', async () => {
    const ws = newInstall(t.newWorkspace(), 'U2INSTALL');
    const done = await install(ws);
    expect(done.status).toBe(200);
    expect(done.page).toMatch(/Pipeline is now installed in Team /);
    expect(done.page).toMatch(/type \/opp help to start/);

    // Stored encrypted: the token is nowhere in the database.
    const row = await t.db.prisma.installation.findUniqueOrThrow({ where: { installKey: `T:${ws.teamId}` } });
    expect(row).toMatchObject({ teamId: ws.teamId, installerUserId: ws.installer, botUserId: ws.botUserId });
    expect(row.data).toMatch(/^v1:/);
    const everything = await wholeDatabase();
    expect(everything).toContain(ws.teamId);
    expect(everything).not.toContain(ws.botToken);
    expect(everything).not.toContain(ws.botToken.slice(-24));

    // The installer is the workspace's first admin.
    expect(
      await t.db.prisma.member.findUnique({
        where: { workspaceId_slackUserId: { workspaceId: ws.teamId, slackUserId: ws.installer } },
      }),
    ).toMatchObject({ role: 'ADMIN' });

    // A signed /opp help from that workspace is answered, with that workspace's bot token.
    const since = mark(t);
    expect(await run(t, 'help', ws.teamId, ws.installer)).toMatch(/\/opp/);
    const lookups = since.calls('users.info').filter((c) => c.args.user === ws.installer);
    expect(lookups.length).toBeGreaterThan(0);
    for (const call of since.calls()) {
      if (call.method !== 'response_url') expect(call.token).toBe(ws.botToken);
    }
  });

  it("a digest for an installed workspace goes out with that workspace's token", async () => {
    const ws = newInstall(t.newWorkspace(), 'U3INSTALL');
    expect((await install(ws)).status).toBe(200);
    await seedPipelineSetup(t.app.services, ws.teamId);
    const since = mark(t);
    await run(t, 'digest', ws.teamId, ws.installer);
    const posts = since.calls('chat.postMessage');
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) expect(post.token).toBe(ws.botToken);
  });

  it('a request from a workspace that has not installed the app runs nothing and reads no data', async () => {
    const stranger = t.newWorkspace();
    const since = mark(t);
    const ack = await t.send(slashCommand({ text: 'list', teamId: stranger, responseUrl: t.fake.responseUrl() }));
    // Bolt's authorize fails (our store finds no installation), no listener runs, and the app's error
    // handler returns normally, so Bolt acks with an empty 200 (with Bolt's default handler: 401).
    expect(ack.status).toBe(200);
    expect(ack.text).toBe('');
    const event = await t.event({
      teamId: stranger,
      event: { type: 'app_home_opened', user: 'UNOBODY', channel: 'DNOBODY', tab: 'home', event_ts: '1.2' },
    });
    expect(event.status).toBe(200);
    await t.settle();
    expect(since.calls()).toEqual([]);
    expect(await t.db.prisma.workspace.count({ where: { id: stranger } })).toBe(0);
  });

  it.each([
    ['tokens_revoked, then app_uninstalled', ['tokens_revoked', 'app_uninstalled']],
    ['app_uninstalled, then tokens_revoked', ['app_uninstalled', 'tokens_revoked']],
  ])('%s: the tokens go, the opportunities stay, installing again finds them', async (_order, events) => {
    const first = newInstall(t.newWorkspace(), 'U4ADMIN');
    expect((await install(first)).status).toBe(200);
    await seedPipelineSetup(t.app.services, first.teamId);
    expect(
      await run(
        t,
        'new Fleet renewal contact:"Acme Corp" value:12000 chance:40 close:2026-12-15',
        first.teamId,
        first.installer,
      ),
    ).toMatch(/OP00001/);

    for (const type of events) {
      await lifecycleEvent(
        first.teamId,
        type === 'tokens_revoked' ? { type, tokens: { oauth: [first.installer], bot: [first.botUserId] } } : { type },
      );
      await waitUntil(async () => (await installationRows(first.teamId)) === 0, `${type} removed the installation`);
    }
    expect(await installationRows(first.teamId)).toBe(0);
    expect(await wholeDatabase()).not.toContain(first.botToken);
    expect(await t.db.prisma.opportunity.count({ where: { workspaceId: first.teamId } })).toBe(1);

    // Uninstalled: the workspace's requests are no longer served.
    const while_ = mark(t);
    const refused = await t.send(
      slashCommand({ text: 'list', teamId: first.teamId, userId: first.installer, responseUrl: t.fake.responseUrl() }),
    );
    expect(refused.status).toBe(200);
    await t.settle();
    expect(while_.calls()).toEqual([]);

    // Installing again (a new bot token) restores access to the same pipeline.
    const again: Installed = { ...newInstall(first.teamId, 'U4OTHER'), botUserId: first.botUserId };
    expect((await install(again)).status).toBe(200);
    const since = mark(t);
    const listed = await run(t, 'list all', first.teamId, 'U4NEWUSER');
    expect(listed).toMatch(/OP00001/);
    expect(listed).toMatch(/Fleet renewal/);
    const calls = since.calls().filter((c) => c.method !== 'response_url');
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call.token).toBe(again.botToken);
    // The admin of the first install is still the admin.
    const admins = await t.db.prisma.member.findMany({ where: { workspaceId: first.teamId, role: 'ADMIN' } });
    expect(admins.map((m) => m.slackUserId)).toEqual([first.installer]);
  });

  it('lifecycle events for a workspace that has nothing stored are acknowledged and change nothing', async () => {
    const stranger = t.newWorkspace();
    await lifecycleEvent(stranger, { type: 'app_uninstalled' });
    await lifecycleEvent(stranger, { type: 'tokens_revoked', tokens: { bot: ['UBOTX'] } });
    await t.settle();
    expect(await installationRows(stranger)).toBe(0);
  });

  it("revoking only the installer's user token keeps the workspace installed", async () => {
    const ws = newInstall(t.newWorkspace(), 'U5ADMIN');
    expect((await install(ws)).status).toBe(200);
    await lifecycleEvent(ws.teamId, { type: 'tokens_revoked', tokens: { oauth: [ws.installer] } });
    await t.settle();
    expect(await installationRows(ws.teamId)).toBe(1);
    expect(allText((await t.command('help', { teamId: ws.teamId })).reply.args)).toMatch(/\/opp/);
  });
});

describe.each(BACKENDS)("an install link's state works once (%s)", (backend) => {
  const t = useTestApp(backend, { oauth: true });

  const EXPIRED_PAGE = /Pipeline was not installed: this installation link is incomplete, expired or was opened/;
  const newCode = () => `code-${randomBytes(6).toString('hex')}`;

  async function installation(teamId: string) {
    const row = await t.db.prisma.installation.findUnique({ where: { installKey: `T:${teamId}` } });
    return (
      row &&
      (await t.app.installations?.fetchInstallation({ teamId, isEnterpriseInstall: false, enterpriseId: undefined }))
    );
  }

  it('the same state and cookie brought back with a new code is refused and installs nothing', async () => {
    const first = newInstall(t.newWorkspace(), 'U6ADMIN');
    answerOAuthFor(t, first);
    const { state, cookie } = await beginInstall(t.url);
    const used = await redirectBack(t.url, { code: newCode(), state, cookie });
    expect(used.status).toBe(200);
    expect(used.page).toMatch(/Pipeline is now installed in Team /);
    expect((await installation(first.teamId))?.bot?.token).toBe(first.botToken);

    // Someone who captured the redirect (state and cookie) tries again with a code of their own.
    const intruder = { ...newInstall(first.teamId, 'U6INTRUDER'), botUserId: first.botUserId };
    answerOAuthFor(t, intruder);
    const code = newCode();
    const again = await redirectBack(t.url, { code, state, cookie });
    expect(again.status).toBe(400);
    expect(again.page).toMatch(EXPIRED_PAGE);
    await t.settle();
    expect(t.fake.calls('oauth.v2.access').filter((c) => c.args.code === code)).toEqual([]);
    expect((await installation(first.teamId))?.bot?.token).toBe(first.botToken);
    expect(
      await t.db.prisma.member.count({ where: { workspaceId: first.teamId, slackUserId: intruder.installer } }),
    ).toBe(0);
  });

  it('an expired state is refused and installs nothing', async () => {
    const ws = newInstall(t.newWorkspace(), 'U7ADMIN');
    answerOAuthFor(t, ws);
    const { state, cookie } = await beginInstall(t.url);
    t.clock.set(new Date(new Date(TEST_NOW).getTime() + 10 * 60_000 + 1_000));
    try {
      const late = await redirectBack(t.url, { code: newCode(), state, cookie });
      expect(late.status).toBe(400);
      expect(late.page).toMatch(EXPIRED_PAGE);
    } finally {
      t.clock.set(TEST_NOW);
    }
    expect(await installation(ws.teamId)).toBeFalsy();
    // Used or expired, it is gone: bringing it back in time does not revive it.
    expect((await redirectBack(t.url, { code: newCode(), state, cookie })).status).toBe(400);
    expect(await installation(ws.teamId)).toBeFalsy();
  });

  it('the state lives in the database: begun on one instance, completed on another, then refused on the first', async () => {
    const other = await startApp(oauthConfig(t.fake.url), {
      database: t.db,
      clock: t.clock,
      schedulerIntervalMs: false,
    });
    try {
      const otherUrl = `http://127.0.0.1:${other.port}`;
      const ws = newInstall(t.newWorkspace(), 'U8ADMIN');
      answerOAuthFor(t, ws);
      const { state, cookie } = await beginInstall(t.url);
      const done = await redirectBack(otherUrl, { code: newCode(), state, cookie });
      expect(done.status).toBe(200);
      expect((await installation(ws.teamId))?.bot?.token).toBe(ws.botToken);
      const replayed = await redirectBack(t.url, { code: newCode(), state, cookie });
      expect(replayed.status).toBe(400);
      expect(replayed.page).toMatch(EXPIRED_PAGE);
    } finally {
      await other.stop();
    }
  });
});

describe('the install link while the database is unreachable (pglite)', () => {
  it('answers at once with a page saying so, instead of leaving the browser waiting', async () => {
    const t = await startOAuthTestApp('pglite');
    try {
      await t.db.close();
      const response = await fetch(`${t.url}/slack/install`, { redirect: 'manual' });
      expect(response.status).toBe(503);
      expect(await response.text()).toMatch(/Pipeline could not start the installation: its database is not reachable/);
    } finally {
      await t.close().catch(() => undefined);
    }
  });
});

describe('starting in OAuth mode', () => {
  it('refuses to start when TOKEN_ENCRYPTION_KEY does not open the stored installations', async () => {
    const t = await startOAuthTestApp('pglite');
    try {
      const ws = t.newWorkspace();
      await t.app.installations?.storeInstallation({
        team: { id: ws, name: 'Keyed' },
        enterprise: undefined,
        user: { id: 'UKEY', token: undefined, scopes: undefined },
        bot: { token: 'xoxb-keyed', scopes: ['commands'], id: 'BKEY', userId: 'UKEYBOT' },
        isEnterpriseInstall: false,
        authVersion: 'v2',
      });
      const config = oauthConfig(t.fake.url, randomBytes(32));
      await expect(startApp(config, { database: t.db, schedulerIntervalMs: false })).rejects.toThrow(
        /TOKEN_ENCRYPTION_KEY is not the key it was encrypted with/,
      );
    } finally {
      await t.close();
    }
  });

  it('refuses to start without TOKEN_ENCRYPTION_KEY, naming it, exit status 1', async () => {
    const cwd = new URL('../../test-output/empty-cwd/', import.meta.url).pathname;
    mkdirSync(cwd, { recursive: true });
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', new URL('../../src/main.ts', import.meta.url).pathname],
        {
          cwd,
          env: {
            PATH: process.env.PATH ?? '',
            SLACK_CLIENT_ID: TEST_OAUTH.clientId,
            SLACK_CLIENT_SECRET: TEST_OAUTH.clientSecret,
            SLACK_STATE_SECRET: TEST_OAUTH.stateSecret,
            SLACK_SIGNING_SECRET: SLACK_DEFAULTS.signingSecret,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('exit', (status) => resolve({ code: status, output: text }));
    });
    expect(code).toBe(1);
    expect(output).toMatch(/TOKEN_ENCRYPTION_KEY is missing/);
    expect(output).not.toMatch(/SLACK_BOT_TOKEN is missing/);
    expect(output).not.toMatch(/\n\s+at /);
  });
});

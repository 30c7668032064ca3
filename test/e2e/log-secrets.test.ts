// No secret or token in any log line, at any level. The app runs at LOG_LEVEL=debug, where Bolt, the
// Web API clients and the OAuth installer log what they send and receive, through a whole working
// session: an OAuth install (the code exchange carries the client secret, its answer the workspace's
// tokens), commands, a button, a modal submission and a scheduled digest; then, in single-workspace
// mode, a command and a digest with the configured bot token. Everything written to the console is
// captured (whoever wrote it) and scanned for each secret and for anything shaped like a Slack token.
import { BACKENDS } from '../support/databases.ts';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS } from '../../src/slack/ids.ts';
import { seedPipelineSetup } from '../support/pipeline-fixtures.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { blockAction, newTriggerId } from '../support/slack-requests.ts';
import { startOAuthTestApp, startTestApp, TEST_OAUTH, type TestApp } from '../support/test-app.ts';
import { buttonsOf, mark, openedModal, run, submitModal } from './e2e-kit.ts';

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
/** Anything shaped like a Slack token: bot, user, refresh, rotated or app-level. */
const TOKEN_SHAPES = [/xox[a-z](\.xox[a-z])?-[A-Za-z0-9]/, /xapp-[A-Za-z0-9]/];
const NEW_OPPORTUNITY = 'new Fleet renewal contact:"Acme Corp" value:12000 chance:40 close:2026-12-15';

describe.each(BACKENDS)('secrets in the logs at LOG_LEVEL=debug on %s', (backend) => {
  let lines: string[];
  let spies: MockInstance[];

  beforeEach(() => {
    lines = [];
    spies = CONSOLE_METHODS.map((method) =>
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        lines.push(args.map((a) => (typeof a === 'string' ? a : (JSON.stringify(a) ?? String(a)))).join(' '));
      }),
    );
  });
  afterEach(() => {
    for (const spy of spies) spy.mockRestore();
  });

  function expectNoSecrets(secrets: Record<string, string>): void {
    // The run did log at debug level (a scan of an empty log would prove nothing).
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.some((line) => line.startsWith('[DEBUG]'))).toBe(true);
    for (const [name, secret] of Object.entries(secrets)) {
      const leaking = lines.filter((line) => line.toLowerCase().includes(secret.toLowerCase()));
      expect(leaking, `the ${name} appears in the log`).toEqual([]);
    }
    for (const shape of TOKEN_SHAPES) {
      expect(
        lines.filter((line) => shape.test(line)),
        `a Slack token (${shape}) appears in the log`,
      ).toEqual([]);
    }
  }

  /** Opens the Update form with `/opp move` and submits it (a Next with new estimates). */
  async function moveWithTheForm(t: TestApp, teamId: string, userId: string, no: string): Promise<void> {
    const since = mark(t);
    const triggerId = newTriggerId();
    expect((await t.commandAck(`move ${no}`, { teamId, userId, triggerId })).status).toBe(200);
    const modal = await openedModal(t, since, CALLBACK_IDS.updateOpportunity, triggerId);
    const U = BLOCK_IDS.update;
    const ack = await submitModal(t, modal, { [U.estimatedValue]: '15,000', [U.chances]: '45' }, { teamId, userId });
    expect(ack.status).toBe(200);
  }

  /** Clicks the Next button of the opportunity's card. */
  async function clickNext(t: TestApp, teamId: string, userId: string, no: string): Promise<void> {
    const { reply } = await t.command(`show ${no}`, { teamId, userId });
    const next = buttonsOf(reply.args).find((b) => b.actionId === ACTION_IDS.next);
    const messageTs = '1700000300.000100';
    const since = mark(t);
    const ack = await t.send(
      blockAction({
        actionId: ACTION_IDS.next,
        blockId: next?.blockId,
        value: next?.value ?? no,
        teamId,
        userId,
        messageTs,
        responseUrl: t.fake.responseUrl(),
        message: { type: 'message', ts: messageTs, text: String(reply.args.text), blocks: reply.args.blocks },
      }),
    );
    expect(ack.status).toBe(200);
    await t.fake.waitFor('chat.update', (c) => since.calls('chat.update').includes(c));
  }

  /** A daily digest due now, posted by the scheduler through its background client. */
  async function scheduledDigest(t: TestApp, teamId: string, userId: string): Promise<void> {
    const channel = 'C0LOGDIGEST';
    await t.app.services.subscriptions.subscribe(
      teamId,
      { channelId: channel, frequency: 'daily', at: '08:00', timeZone: 'UTC', createdBySlackUserId: userId },
      new Date('2026-11-01T12:00:00Z'),
    );
    expect(await t.app.scheduler.tick()).toMatchObject({ posted: 1 });
    expect(t.fake.calls('chat.postMessage').some((c) => c.args.channel === channel)).toBe(true);
    await t.app.services.subscriptions.unsubscribe(teamId, channel);
  }

  /** OAuth mode: an install, commands, a button, a form and a digest. Returns the installation's tokens. */
  async function oauthSession(): Promise<{ botToken: string; userToken: string }> {
    const t = await startOAuthTestApp(backend, { logLevel: 'debug' });
    const teamId = t.newWorkspace();
    const installer = 'U9LOGADMIN';
    const tokens = {
      botToken: `xoxb-${teamId}-${randomBytes(12).toString('hex')}`,
      userToken: `xoxp-${teamId}-${randomBytes(12).toString('hex')}`,
    };
    try {
      t.fake.setOAuthResponse({
        team: { id: teamId, name: 'Logged Team' },
        access_token: tokens.botToken,
        bot_user_id: 'U9LOGBOT',
        authed_user: { id: installer, access_token: tokens.userToken, scope: 'users:read', token_type: 'user' },
      });
      const begun = await fetch(`${t.url}/slack/install`, { redirect: 'manual' });
      const state = new URL(begun.headers.get('location') ?? '').searchParams.get('state') ?? '';
      const installed = await fetch(`${t.url}/slack/oauth_redirect?code=code-logged&state=${state}`, {
        headers: { cookie: `slack-app-oauth-state=${state}` },
        redirect: 'manual',
      });
      expect(installed.status).toBe(200);
      await seedPipelineSetup(t.app.services, teamId);
      expect(await run(t, NEW_OPPORTUNITY, teamId, installer)).toMatch(/OP00001/);
      await run(t, 'list all', teamId, installer);
      await clickNext(t, teamId, installer, 'OP00001');
      await moveWithTheForm(t, teamId, installer, 'OP00001');
      await scheduledDigest(t, teamId, installer);
      await t.settle();
    } finally {
      await t.close();
    }
    return tokens;
  }

  /** One workspace with the configured bot token: a command, a button and a digest. */
  async function botTokenSession(): Promise<void> {
    const t = await startTestApp(backend, { logLevel: 'debug' });
    const teamId = t.newWorkspace();
    const user = SLACK_DEFAULTS.userId;
    try {
      await seedPipelineSetup(t.app.services, teamId);
      expect(await run(t, NEW_OPPORTUNITY, teamId, user)).toMatch(/OP00001/);
      await clickNext(t, teamId, user, 'OP00001');
      await scheduledDigest(t, teamId, user);
      await t.settle();
    } finally {
      await t.close();
    }
  }

  it('a session in OAuth mode, then one with a bot token: no secret and no token in any line', async () => {
    const installation = await oauthSession();
    await botTokenSession();
    expectNoSecrets({
      'signing secret': SLACK_DEFAULTS.signingSecret,
      'client secret': TEST_OAUTH.clientSecret,
      'state secret': TEST_OAUTH.stateSecret,
      'token encryption key (hex)': TEST_OAUTH.tokenEncryptionKey.toString('hex'),
      'token encryption key (base64)': TEST_OAUTH.tokenEncryptionKey.toString('base64'),
      "installation's bot token": installation.botToken,
      "installation's user token": installation.userToken,
      'configured bot token': SLACK_DEFAULTS.botToken,
    });
  });
});

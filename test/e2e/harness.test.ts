/**
 * Proves the end-to-end harness against a bare Bolt app: real HTTPReceiver, requests signed with Slack's v0 scheme,
 * and the fake Slack Web API reached through `clientOptions.slackApiUrl`.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { webApi } from '@slack/bolt';

import { startBareBoltApp } from '../support/bare-bolt.ts';
import type { BareBoltApp } from '../support/bare-bolt.ts';
import { startFakeSlack } from '../support/fake-slack.ts';
import type { FakeSlack } from '../support/fake-slack.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import {
  blockAction,
  blockSuggestion,
  eventCallback,
  sendToSlackApp,
  signSlackRequest,
  slashCommand,
  urlVerification,
  viewClosed,
  viewSubmission,
} from '../support/slack-requests.ts';

const signingSecret = SLACK_DEFAULTS.signingSecret;

let fake: FakeSlack;
let bare: BareBoltApp;
let talking: BareBoltApp;

beforeAll(async () => {
  fake = await startFakeSlack();
  bare = await startBareBoltApp({ signingSecret, slackApiUrl: fake.url });
  talking = await startBareBoltApp({
    signingSecret,
    slackApiUrl: fake.url,
    defaultListeners: false,
    clientOptions: { rejectRateLimitedCalls: true, retryConfig: { retries: 0 } },
    register: (app) => {
      app.command('/opp', async ({ ack, command, client, respond }) => {
        await ack();
        await client.chat.postMessage({ channel: command.channel_id, text: `echo: ${command.text}` });
        await respond({ response_type: 'ephemeral', text: 'saved' });
      });
      app.action('export_csv', async ({ ack, body, client }) => {
        await ack();
        const channelId = body.channel?.id ?? SLACK_DEFAULTS.channelId;
        await client.filesUploadV2({
          channel_id: channelId,
          filename: 'pipeline.csv',
          title: 'Pipeline',
          content: 'opportunity,amount\nAcme,5000\n',
        });
      });
    },
  });
});

afterAll(async () => {
  await talking?.stop();
  await bare?.stop();
  await fake?.close();
});

describe('request signing and acknowledgement (bare Bolt app)', () => {
  it('acks a signed slash command with an empty 200', async () => {
    const res = await sendToSlackApp(
      bare.url,
      slashCommand({ text: 'new Acme 5000', responseUrl: fake.responseUrl() }),
      {
        signingSecret,
      },
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
  });

  it('rejects a tampered body with 401', async () => {
    const res = await sendToSlackApp(bare.url, slashCommand({ text: 'x', responseUrl: fake.responseUrl() }), {
      signingSecret,
      tamper: true,
    });
    expect(res.status).toBe(401);
  });

  it('rejects a request signed with the wrong secret with 401', async () => {
    const res = await sendToSlackApp(bare.url, slashCommand({ text: 'x', responseUrl: fake.responseUrl() }), {
      signingSecret: 'not-the-signing-secret',
    });
    expect(res.status).toBe(401);
  });

  it('rejects a timestamp 6 minutes old with 401 and accepts one 4 minutes old', async () => {
    const now = Math.floor(Date.now() / 1000);
    const stale = await sendToSlackApp(bare.url, slashCommand({ responseUrl: fake.responseUrl() }), {
      signingSecret,
      timestamp: now - 6 * 60,
    });
    expect(stale.status).toBe(401);
    const fresh = await sendToSlackApp(bare.url, slashCommand({ responseUrl: fake.responseUrl() }), {
      signingSecret,
      timestamp: now - 4 * 60,
    });
    expect(fresh.status).toBe(200);
  });

  it('acks a view submission', async () => {
    const req = viewSubmission({
      callbackId: 'opp_create',
      privateMetadata: JSON.stringify({ ch: SLACK_DEFAULTS.channelId }),
      values: { name: { name_input: { type: 'plain_text_input', value: 'Acme renewal' } } },
      viewId: 'V0TEST00001',
      hash: '1700000000.abcd1234',
    });
    const res = await sendToSlackApp(bare.url, req, { signingSecret });
    expect(res.status).toBe(200);
  });

  it('acks a view_closed notification', async () => {
    const res = await sendToSlackApp(bare.url, viewClosed({ callbackId: 'opp_create' }), { signingSecret });
    expect(res.status).toBe(200);
  });

  it('acks a block action on a message', async () => {
    const req = blockAction({ actionId: 'opp_won', value: 'opp_123', responseUrl: fake.responseUrl() });
    const res = await sendToSlackApp(bare.url, req, { signingSecret });
    expect(res.status).toBe(200);
  });

  it('answers a block_suggestion with options in the ack body', async () => {
    const res = await sendToSlackApp(bare.url, blockSuggestion({ actionId: 'account_select', value: 'acm' }), {
      signingSecret,
    });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ options: [] });
  });

  it('echoes the url_verification challenge', async () => {
    const res = await sendToSlackApp(
      bare.url,
      urlVerification('3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P'),
      {
        signingSecret,
      },
    );
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  it('acks an event callback (with retry headers) before any listener runs', async () => {
    const req = eventCallback({
      event: {
        type: 'app_home_opened',
        user: SLACK_DEFAULTS.userId,
        channel: 'D0REP00001',
        tab: 'home',
        event_ts: '1700000000.000100',
      },
    });
    const res = await sendToSlackApp(bare.url, req, { signingSecret, retryNum: 1, retryReason: 'http_timeout' });
    expect(res.status).toBe(200);
  });

  it('signs exactly like Slack (known vector)', () => {
    // Slack's documented example: body, timestamp and secret from api.slack.com/authentication/verifying-requests-from-slack
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(signSlackRequest('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });
});

describe('the fake Slack Web API behind a Bolt app', () => {
  beforeEach(() => {
    fake.reset();
  });

  it('was asked auth.test by app.init() with the bot token', async () => {
    const fresh = await startBareBoltApp({ signingSecret, slackApiUrl: fake.url });
    try {
      const call = await fake.waitFor('auth.test');
      expect(call.token).toBe(SLACK_DEFAULTS.botToken);
    } finally {
      await fresh.stop();
    }
  });

  it('sees chat.postMessage and the response_url POST a listener makes after acking', async () => {
    const responseUrl = fake.responseUrl();
    const res = await sendToSlackApp(
      talking.url,
      slashCommand({ text: 'new Acme 5000', responseUrl, channelId: 'C0DEALS0001' }),
      { signingSecret },
    );
    expect(res.status).toBe(200);
    const post = await fake.waitFor('chat.postMessage', (c) => c.args.channel === 'C0DEALS0001');
    expect(post.args.text).toBe('echo: new Acme 5000');
    expect(post.token).toBe(SLACK_DEFAULTS.botToken);
    expect(post.args.team_id).toBe(SLACK_DEFAULTS.teamId);
    const id = responseUrl.split('/').at(-1);
    const response = await fake.waitFor('response_url', (c) => c.id === id);
    expect(response.args).toEqual({ response_type: 'ephemeral', text: 'saved' });
  });

  it('stores the bytes a listener uploads with client.filesUploadV2', async () => {
    const res = await sendToSlackApp(
      talking.url,
      blockAction({ actionId: 'export_csv', responseUrl: fake.responseUrl() }),
      {
        signingSecret,
      },
    );
    expect(res.status).toBe(200);
    const complete = await fake.waitFor('files.completeUploadExternal');
    expect(complete.args.channel_id).toBe(SLACK_DEFAULTS.channelId);
    expect(fake.calls().map((c) => c.method)).toEqual([
      'files.getUploadURLExternal',
      'file_upload',
      'files.completeUploadExternal',
    ]);
    expect(fake.uploads).toHaveLength(1);
    const upload = fake.uploads[0];
    expect(upload?.filename).toBe('pipeline.csv');
    expect(upload?.data.toString('utf8')).toBe('opportunity,amount\nAcme,5000\n');
    expect(upload?.length).toBe(upload?.data.length);
  });

  it('makes a WebClient with rejectRateLimitedCalls throw a rate-limited error carrying retryAfter', async () => {
    const client = new webApi.WebClient(SLACK_DEFAULTS.botToken, {
      slackApiUrl: fake.url,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
    });
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const error: unknown = await client.chat.postMessage({ channel: 'C1', text: 'hi' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(webApi.WebAPIRateLimitedError);
    expect(error).toMatchObject({ code: webApi.ErrorCode.RateLimitedError, retryAfter: 1 });
    // The fault is used up: the next call succeeds.
    await expect(client.chat.postMessage({ channel: 'C1', text: 'hi' })).resolves.toMatchObject({ ok: true });
  });

  it('injects platform errors, HTTP errors and delays', async () => {
    const client = new webApi.WebClient(SLACK_DEFAULTS.botToken, {
      slackApiUrl: fake.url,
      retryConfig: { retries: 0 },
    });
    fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    await expect(client.chat.postMessage({ channel: 'C404', text: 'x' })).rejects.toMatchObject({
      code: webApi.ErrorCode.PlatformError,
      data: { ok: false, error: 'channel_not_found' },
    });
    fake.failNext('users.info', { status: 500 });
    await expect(client.users.info({ user: 'U1' })).rejects.toMatchObject({
      code: webApi.ErrorCode.HTTPError,
      statusCode: 500,
    });
    fake.delay('auth.test', 150);
    const started = performance.now();
    await client.auth.test();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('answers users.info with configured tz and locale, and detects stale views.update hashes', async () => {
    const client = new webApi.WebClient(SLACK_DEFAULTS.botToken, {
      slackApiUrl: fake.url,
      retryConfig: { retries: 0 },
    });
    fake.setUser('U1', { tz: 'Pacific/Auckland', locale: 'en-NZ', real_name: 'Ana Rep' });
    const info = await client.users.info({ user: 'U1', include_locale: true });
    expect(info.user).toMatchObject({ id: 'U1', tz: 'Pacific/Auckland', locale: 'en-NZ', real_name: 'Ana Rep' });
    expect([12 * 3600, 13 * 3600]).toContain(info.user?.tz_offset);
    const plain = await client.users.info({ user: 'U2' });
    expect(plain.user).toMatchObject({ tz: 'Europe/London' });
    expect(plain.user?.locale).toBeUndefined();

    const opened = await client.views.open({
      trigger_id: '1.2.3',
      view: { type: 'modal', callback_id: 'opp_create', title: { type: 'plain_text', text: 'New' }, blocks: [] },
    });
    const viewId = opened.view?.id ?? '';
    const firstHash = opened.view?.hash ?? '';
    expect(viewId).toMatch(/^V/);
    const updated = await client.views.update({
      view_id: viewId,
      hash: firstHash,
      view: { type: 'modal', callback_id: 'opp_create', title: { type: 'plain_text', text: 'New' }, blocks: [] },
    });
    expect(updated.view?.hash).not.toBe(firstHash);
    await expect(
      client.views.update({
        view_id: viewId,
        hash: firstHash,
        view: { type: 'modal', title: { type: 'plain_text', text: 'New' }, blocks: [] },
      }),
    ).rejects.toMatchObject({ data: { error: 'hash_conflict' } });
  });

  it('answers unknown methods with unknown_method and records them', async () => {
    const client = new webApi.WebClient(SLACK_DEFAULTS.botToken, {
      slackApiUrl: fake.url,
      retryConfig: { retries: 0 },
    });
    await expect(client.apps.uninstall({ client_id: 'x', client_secret: 'y' })).rejects.toMatchObject({
      data: { error: 'unknown_method' },
    });
    expect(fake.lastCall('apps.uninstall')?.args).toMatchObject({ client_id: 'x' });
  });
});

// The fake Slack Web API that the end-to-end suites run against, checked on its own: the faults it
// injects reach a WebClient as Slack's would, and the behaviours the app's tests rely on (users.info
// with time zone and locale, views.update hash conflicts, unknown methods) answer as Slack does.
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../support/fake-slack.ts';
import { SLACK_DEFAULTS } from '../../support/slack-defaults.ts';

describe('the fake Slack Web API', () => {
  let fake: FakeSlack;
  let client: webApi.WebClient;
  beforeAll(async () => {
    fake = await startFakeSlack();
    client = new webApi.WebClient(SLACK_DEFAULTS.botToken, { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
  });
  afterAll(async () => {
    await fake?.close();
  });
  beforeEach(() => {
    fake.reset();
  });

  it('makes a WebClient with rejectRateLimitedCalls throw a rate-limited error carrying retryAfter', async () => {
    const limited = new webApi.WebClient(SLACK_DEFAULTS.botToken, {
      slackApiUrl: fake.url,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
    });
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const error: unknown = await limited.chat.postMessage({ channel: 'C1', text: 'hi' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(webApi.WebAPIRateLimitedError);
    expect(error).toMatchObject({ code: webApi.ErrorCode.RateLimitedError, retryAfter: 1 });
    // The fault is used up: the next call succeeds.
    await expect(limited.chat.postMessage({ channel: 'C1', text: 'hi' })).resolves.toMatchObject({ ok: true });
  });

  it('injects platform errors and HTTP errors', async () => {
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
  });

  it('answers users.info with configured tz and locale, and detects stale views.update hashes', async () => {
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
    await expect(client.apps.uninstall({ client_id: 'x', client_secret: 'y' })).rejects.toMatchObject({
      data: { error: 'unknown_method' },
    });
    expect(fake.lastCall('apps.uninstall')?.args).toMatchObject({ client_id: 'x' });
  });
});

// The interactive client options against a local fake of the Web API: a 429 is not waited on, a
// 5xx is retried briefly and then given up, instead of Bolt's default of about thirty minutes. The
// background client gives up on a call Slack never answers.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LogLevel, webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backgroundClient } from '../../../src/slack/digest-poster.ts';
import { INTERACTIVE_CLIENT_OPTIONS } from '../../../src/slack/middleware/slack-client-options.ts';
import { RedactingLogger } from '../../../src/slack/redacting-logger.ts';
import { type FakeSlack, startFakeSlack } from '../../support/fake-slack.ts';
import { SLACK_DEFAULTS } from '../../support/slack-defaults.ts';

describe('INTERACTIVE_CLIENT_OPTIONS', () => {
  let fake: FakeSlack;
  let client: webApi.WebClient;
  beforeAll(async () => {
    fake = await startFakeSlack();
    client = new webApi.WebClient(SLACK_DEFAULTS.botToken, { ...INTERACTIVE_CLIENT_OPTIONS, slackApiUrl: fake.url });
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('a 429 with Retry-After: 120 fails at once instead of pausing the client for two minutes', async () => {
    fake.failNext('chat.update', { status: 429, retryAfter: 120 });
    await expect(client.chat.update({ channel: 'C1', ts: '1.1', text: 'x' })).rejects.toMatchObject({
      code: 'slack_webapi_rate_limited_error',
      retryAfter: 120,
    });
    // A client waiting out Retry-After would not reject; and it is not paused: the next call goes through.
    await client.chat.postMessage({ channel: 'C1', text: 'after the 429' });
  });

  it('a 500 is retried briefly, then the call fails within a few seconds', async () => {
    fake.failNext('chat.postMessage', { status: 500, times: 3 });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({
      code: 'slack_webapi_http_error',
    });
    expect(fake.calls('chat.postMessage').filter((c) => c.args.text === 'x')).toHaveLength(3);
  });

  it('one 500 is absorbed by a retry', async () => {
    fake.failNext('chat.postMessage', { status: 500 });
    const result = await client.chat.postMessage({ channel: 'C1', text: 'once' });
    expect(result.ok).toBe(true);
  });
});

describe('backgroundClient', () => {
  let silent: Server;
  let requests = 0;
  beforeAll(async () => {
    // Accepts every request and never answers it.
    silent = createServer(() => void (requests += 1));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('a call Slack never answers fails after its timeout and two retries, instead of waiting forever', async () => {
    const { port } = silent.address() as AddressInfo;
    const logger = new RedactingLogger([], LogLevel.ERROR);
    const client = backgroundClient(SLACK_DEFAULTS.botToken, `http://127.0.0.1:${port}/api/`, logger, 200);
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toThrow();
    expect(requests).toBe(3);
  });
});

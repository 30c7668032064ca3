// The HTTP receiver stamps each request's arrival before Bolt reads its body: a form's fast-path budget
// counts from then (src/slack/listeners/views.ts), so time spent reading a slow body, or waiting for the
// thread before the listener runs, is counted against it rather than added to it.
import { once } from 'node:events';
import type { Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { App, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSlackRequest } from '../../src/playground/slack/signing.ts';
import { receivedAtOf, slackHttpReceiver } from '../../src/slack/receiver.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { slashCommand, UNROUTABLE_RESPONSE_URL } from '../support/slack-requests.ts';

describe('the HTTP receiver stamps when a request arrived', () => {
  let fake: FakeSlack;
  let app: App;
  let port = 0;
  const seen: { receivedAt: number | undefined; listenerAt: number }[] = [];

  beforeAll(async () => {
    fake = await startFakeSlack();
    const logger = {
      debug() {},
      info() {},
      warn() {},
      error() {},
      setLevel() {},
      getLevel: () => LogLevel.ERROR,
      setName() {},
    };
    app = new App({
      token: SLACK_DEFAULTS.botToken,
      receiver: slackHttpReceiver({ signingSecret: SLACK_DEFAULTS.signingSecret, logger }),
      logger,
      deferInitialization: true,
      clientOptions: { slackApiUrl: fake.url },
    });
    app.command('/opp', async ({ ack, context }) => {
      seen.push({ receivedAt: receivedAtOf(context), listenerAt: performance.now() });
      await ack();
    });
    await app.init();
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await app.stop();
    await fake.close();
  });

  it("on the listener's context, from before its body was read", async () => {
    const { body } = slashCommand({ text: 'list', responseUrl: UNROUTABLE_RESPONSE_URL });
    const timestamp = Math.floor(Date.now() / 1000);
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    const sentAt = performance.now();
    socket.write(
      [
        'POST /slack/events HTTP/1.1',
        'Host: 127.0.0.1',
        'Content-Type: application/x-www-form-urlencoded',
        `Content-Length: ${Buffer.byteLength(body)}`,
        `X-Slack-Request-Timestamp: ${timestamp}`,
        `X-Slack-Signature: ${signSlackRequest(SLACK_DEFAULTS.signingSecret, timestamp, body)}`,
        'Connection: close',
        '',
        body.slice(0, 10),
      ].join('\r\n'),
    );
    // The rest of the body comes 200 ms later, as from a slow network.
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.write(body.slice(10));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    await once(socket, 'close');
    expect(Buffer.concat(chunks).toString()).toMatch(/^HTTP\/1\.1 200/);
    expect(seen).toHaveLength(1);
    const [{ receivedAt, listenerAt }] = seen as [(typeof seen)[number]];
    expect(receivedAt).toBeDefined();
    expect(receivedAt!).toBeGreaterThanOrEqual(sentAt);
    // Stamped when the headers came, not when the body was whole.
    expect(listenerAt - receivedAt!).toBeGreaterThanOrEqual(150);
  });
});

/**
 * A Bolt app with the real HTTPReceiver whose listeners do nothing but `ack()`: the latency floor for the benchmark.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { App, LogLevel } from '@slack/bolt';

import { SLACK_DEFAULTS } from './slack-defaults.ts';

export interface BareBoltOptions {
  signingSecret: string;
  /** The fake Slack Web API base (`fake.url`). `app.init()` calls `auth.test` there before the server starts. */
  slackApiUrl: string;
  /** Default ERROR. */
  logLevel?: LogLevel;
}

export interface BareBoltApp {
  /** `http://127.0.0.1:<port>`; requests go to `<url>/slack/events`. */
  readonly url: string;
  readonly port: number;
  readonly app: App;
  stop(): Promise<void>;
}

/** Ack-only listeners for everything the real app handles over HTTP. */
function registerAckOnlyListeners(app: App): void {
  app.command('/opp', async ({ ack }) => {
    await ack();
  });
  app.view(/.*/, async ({ ack }) => {
    await ack();
  });
  app.view({ callback_id: /.*/, type: 'view_closed' }, async ({ ack }) => {
    await ack();
  });
  app.action(/.*/, async ({ ack }) => {
    await ack();
  });
  app.options(/.*/, async ({ ack }) => {
    await ack({ options: [] });
  });
}

export async function startBareBoltApp(options: BareBoltOptions): Promise<BareBoltApp> {
  const app = new App({
    signingSecret: options.signingSecret,
    token: SLACK_DEFAULTS.botToken,
    // init() below runs auth.test against the fake, awaited, instead of a floating promise in the constructor.
    deferInitialization: true,
    logLevel: options.logLevel ?? LogLevel.ERROR,
    clientOptions: { slackApiUrl: options.slackApiUrl },
  });
  registerAckOnlyListeners(app);
  await app.init();
  // HTTPReceiver.start(ListenOptions) passes the object to server.listen, so host pins the interface.
  const server: Server = await app.start({ port: 0, host: '127.0.0.1' });
  const { port } = server.address() as AddressInfo;
  let stopped = false;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    app,
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      const closing = app.stop();
      // Idle keep-alive sockets from fetch would otherwise hold close() open.
      server.closeAllConnections();
      await closing;
    },
  };
}

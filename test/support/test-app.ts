// The whole app, started as in production (startApp: real Bolt HTTP receiver on 127.0.0.1), against a
// local fake of the Slack Web API and a test database, with a fixed clock for the business dates.
import type { RunningApp } from '../../src/app.ts';
import { startApp } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import { type Clock, fixedClock } from '../../src/services/clock.ts';
import { type BackendName, createTestDatabase, type TestDatabase, uniqueWorkspaceId } from './databases.ts';
import { type FakeSlack, type FakeSlackCall, type JsonObject, startFakeSlack } from './fake-slack.ts';
import { SLACK_DEFAULTS } from './slack-defaults.ts';
import {
  blockAction,
  type BlockActionOptions,
  blockSuggestion,
  eventCallback,
  sendToSlackApp,
  type SlackAppResponse,
  type SlackRequest,
  slashCommand,
  viewSubmission,
  type ViewSubmissionOptions,
} from './slack-requests.ts';

export const TEST_NOW = '2026-11-02T10:00:00Z';

/** The app's OAuth credentials in OAuth mode (startOAuthTestApp): client id/secret, state secret, token key. */
export const TEST_OAUTH = {
  clientId: '1000000000001.2000000000002',
  clientSecret: 'fake-client-secret-0000000000000',
  stateSecret: 'fake-state-secret-00000000000000',
  tokenEncryptionKey: Buffer.from('8d2b6a1e0f4c3b5a69788796a5b4c3d2e1f00f1e2d3c4b5a6978877665544332', 'hex'),
} as const;
export const TEST_TODAY = '2026-11-02';

export interface TestApp {
  readonly url: string;
  readonly fake: FakeSlack;
  readonly db: TestDatabase;
  readonly app: RunningApp;
  readonly clock: Clock & { set(at: Date | string): void; advance(ms: number): void };
  /** A fresh workspace (team id) per call, so tests never see each other's data. */
  newWorkspace(): string;
  send(
    request: SlackRequest,
    options?: { timestamp?: number; tamper?: boolean; signingSecret?: string; retryNum?: number },
  ): Promise<SlackAppResponse>;
  /** Resolves once the app has made no Web API call for `quietMs` (its after-ack work is done). */
  settle(quietMs?: number): Promise<void>;
  /** Sends `/opp <text>` and returns the ack and the reply posted to its response_url. */
  command(
    text: string,
    options?: { teamId?: string; userId?: string; channelId?: string },
  ): Promise<{ ack: SlackAppResponse; reply: FakeSlackCall; responseUrl: string }>;
  /** Sends `/opp <text>` and returns only the ack (for commands that open a modal). */
  commandAck(
    text: string,
    options?: { teamId?: string; userId?: string; channelId?: string; triggerId?: string },
  ): Promise<SlackAppResponse>;
  click(options: BlockActionOptions): Promise<SlackAppResponse>;
  submit(options: ViewSubmissionOptions): Promise<SlackAppResponse>;
  suggest(options: Parameters<typeof blockSuggestion>[0]): Promise<SlackAppResponse>;
  event(options: Parameters<typeof eventCallback>[0], send?: { retryNum?: number }): Promise<SlackAppResponse>;
  close(): Promise<void>;
}

/**
 * `submitFastPathMs`: by default generous, so submissions answer with native field errors whatever the
 * machine's load; 0 makes every submission take the slow path (progress view, then the outcome).
 * `afterAckQuietMs`: 0 by default, as tests send each request a moment after the last one's ack (which
 * the app's default, AFTER_ACK_QUIET_MS, counts as a burst: a submission then takes the slow path).
 */
export async function startTestApp(
  backend: BackendName = 'pglite',
  options: {
    submitFastPathMs?: number;
    afterAckQuietMs?: number;
    digestPostIntervalMs?: number;
    oauth?: boolean;
    /**
     * Another instance of the app: on this test database and fake Slack (those of a running TestApp),
     * which its close() leaves to their owner. For several instances at once, or a restart.
     */
    sharing?: { db: TestDatabase; fake: FakeSlack };
    /** The app's LOG_LEVEL (default error, so test output stays quiet). */
    logLevel?: Config['logLevel'];
    /** Rows an export reads at a time (small, to cross pages with a few opportunities). */
    exportPageSize?: number;
  } = {},
): Promise<TestApp> {
  const fake = options.sharing?.fake ?? (await startFakeSlack());
  const db = options.sharing?.db ?? (await createTestDatabase(backend));
  const clock = fixedClock(TEST_NOW);
  const config: Config = {
    slack: options.oauth
      ? {
          signingSecret: SLACK_DEFAULTS.signingSecret,
          apiUrl: fake.url,
          oauth: {
            clientId: TEST_OAUTH.clientId,
            clientSecret: TEST_OAUTH.clientSecret,
            stateSecret: TEST_OAUTH.stateSecret,
            tokenEncryptionKey: TEST_OAUTH.tokenEncryptionKey,
            redirectUri: undefined,
          },
        }
      : {
          signingSecret: SLACK_DEFAULTS.signingSecret,
          botToken: SLACK_DEFAULTS.botToken,
          appToken: undefined,
          apiUrl: fake.url,
        },
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    dataDir: 'unused',
    logLevel: options.logLevel ?? 'error',
  };
  const app = await startApp(config, {
    database: db,
    clock,
    submitFastPathMs: options.submitFastPathMs ?? 2_500,
    afterAckQuietMs: options.afterAckQuietMs ?? 0,
    // Tests drive the scheduler with tick(); it runs no timer of its own.
    schedulerIntervalMs: false,
    // The outbox is kicked after each change; tests tick it for retries (no timer of its own).
    outboxIntervalMs: false,
    // The reminder job too: tests tick it.
    reminderIntervalMs: false,
    notificationIntervalMs: false,
    upkeepIntervalMs: false,
    digestPostIntervalMs: options.digestPostIntervalMs ?? 0,
    ...(options.exportPageSize !== undefined ? { exportPageSize: options.exportPageSize } : {}),
  });
  const url = `http://127.0.0.1:${app.port}`;
  const send: TestApp['send'] = async (request, options = {}) => {
    const response = await sendToSlackApp(url, request, {
      signingSecret: options.signingSecret ?? SLACK_DEFAULTS.signingSecret,
      ...options,
    });
    // A view the ack pushed or put in place of the form is on screen now: Slack knows it (by external_id too).
    const acked = ackedView(response.text);
    if (acked) fake.acceptAckedView(acked);
    return response;
  };

  return {
    url,
    fake,
    db,
    app,
    clock,
    newWorkspace: () => uniqueWorkspaceId(),
    send,
    async command(text, options = {}) {
      const responseUrl = fake.responseUrl();
      const id = responseUrl.split('/').pop() ?? '';
      const ack = await send(slashCommand({ text, responseUrl, ...options }));
      const reply = await fake.waitFor('response_url', (call) => call.id === id);
      return { ack, reply, responseUrl };
    },
    commandAck(text, options = {}) {
      return send(slashCommand({ text, responseUrl: fake.responseUrl(), ...options }));
    },
    click: (options) => send(blockAction(options)),
    submit: (options) => send(viewSubmission(options)),
    suggest: (options) => send(blockSuggestion(options)),
    event: (options, extra = {}) => send(eventCallback(options), extra),
    settle: (quietMs = 150) => settle(fake, quietMs),
    async close() {
      await settle(fake, 150);
      await app.stop();
      if (options.sharing) return;
      await db.destroy();
      await fake.close();
    },
  };
}

/**
 * The app in OAuth (distributed) mode: no bot token of its own; a workspace can use it only after
 * installing it through GET /slack/install → Slack → GET /slack/oauth_redirect (see test/e2e/oauth.test.ts).
 */
export function startOAuthTestApp(
  backend: BackendName = 'pglite',
  options: { submitFastPathMs?: number; digestPostIntervalMs?: number; logLevel?: Config['logLevel'] } = {},
): Promise<TestApp> {
  return startTestApp(backend, { ...options, oauth: true });
}

/** All text of a message or view (its `text` and every text in its blocks), for assertions. */
export function allText(value: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if ((key === 'text' || key === 'value' || key === 'placeholder') && typeof child === 'string')
          parts.push(child);
        else walk(child);
      }
    }
  };
  walk(value);
  return parts.join('\n');
}

async function settle(fake: FakeSlack, quietMs: number): Promise<void> {
  const deadline = Date.now() + 5_000;
  let seen = fake.calls().length;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = fake.calls().length;
    if (now === seen) return;
    seen = now;
  }
}

/** The view a view_submission's ack pushes or puts in place of the form, if any. */
export function ackedView(text: string): JsonObject | undefined {
  if (!text.startsWith('{')) return undefined;
  const body = JSON.parse(text) as { response_action?: unknown; view?: unknown };
  const pushes = body.response_action === 'push' || body.response_action === 'update';
  return pushes && typeof body.view === 'object' && body.view !== null ? (body.view as JsonObject) : undefined;
}

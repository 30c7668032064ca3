// Composition root: the one place that builds the database, the services and the Slack app and wires
// them together. Tests call createApp with their own database, clock and Slack API URL.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import type { Config } from './config.ts';
import { type Clock, systemClock } from './services/clock.ts';
import { createServices, type Services } from './services/index.ts';
import { DigestScheduler } from './jobs/digest-scheduler.ts';
import { backgroundClient, SlackDigestPoster } from './slack/digest-poster.ts';
import { registerSlackListeners } from './slack/register.ts';
import { type Database, openDatabase } from './store/database.ts';

export interface AppDependencies {
  /** An already open database (tests); otherwise one is opened from the config. */
  database?: Database;
  clock?: Clock;
  /** See SUBMIT_FAST_PATH_MS in src/slack/register.ts (tests choose the path they exercise). */
  submitFastPathMs?: number;
  /** How often the digest scheduler looks for due digests; false: never on its own (tests tick it). */
  schedulerIntervalMs?: number | false;
  /** Pause between the messages of one digest (Slack: about one per second per channel). */
  digestPostIntervalMs?: number;
}

export interface RunningApp {
  readonly bolt: InstanceType<typeof App>;
  readonly database: Database;
  readonly services: Services;
  readonly scheduler: DigestScheduler;
  /** The HTTP port the app listens on (undefined in Socket Mode). */
  readonly port: number | undefined;
  describe(): string;
  stop(): Promise<void>;
}

const LOG_LEVELS = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR } as const;

export async function startApp(config: Config, deps: AppDependencies = {}): Promise<RunningApp> {
  const database = deps.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const clock = deps.clock ?? systemClock;
  const services = createServices(database.prisma);
  const socketMode = config.slack.appToken !== undefined;

  const healthRoute = {
    path: '/healthz',
    method: ['GET'],
    handler: (_req: IncomingMessage, res: ServerResponse) => {
      void database.ping().then((ok) => {
        res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify(ok ? { status: 'ok' } : { status: 'unavailable', reason: 'database' }));
      });
    },
  };

  const app = new App({
    token: config.slack.botToken,
    deferInitialization: true,
    logLevel: LOG_LEVELS[config.logLevel],
    clientOptions: config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {},
    ...(socketMode
      ? {
          socketMode: true,
          appToken: config.slack.appToken,
          installerOptions: { port: config.port },
          customRoutes: [healthRoute],
        }
      : { signingSecret: config.slack.signingSecret, customRoutes: [healthRoute] }),
  });

  const postingClient = backgroundClient(config.slack.botToken, config.slack.apiUrl);
  const poster = new SlackDigestPoster({
    services,
    clock,
    clientFor: () => postingClient,
    ...(deps.digestPostIntervalMs !== undefined ? { postIntervalMs: deps.digestPostIntervalMs } : {}),
  });
  const scheduler = new DigestScheduler(database.prisma, clock, poster, (message) => app.logger.warn(message));
  registerSlackListeners(app, { services, clock, scheduler, submitFastPathMs: deps.submitFastPathMs });

  try {
    await app.init();
    let port: number | undefined;
    if (socketMode) {
      await app.start();
    } else {
      const server = (await app.start({ port: config.port, ...(config.host ? { host: config.host } : {}) })) as Server;
      port = (server.address() as AddressInfo).port;
    }
    if (deps.schedulerIntervalMs !== false) scheduler.start(deps.schedulerIntervalMs ?? 15_000);
    return {
      bolt: app,
      database,
      services,
      scheduler,
      port,
      describe: () =>
        socketMode
          ? `Pipeline assistant running in Socket Mode on the ${database.kind} database.`
          : `Pipeline assistant listening on http://${config.host ?? 'localhost'}:${port}/slack/events (health: /healthz) on the ${database.kind} database.`,
      async stop() {
        await scheduler.stop();
        await app.stop();
        if (!deps.database) await database.close();
      },
    };
  } catch (error) {
    if (!deps.database) await database.close();
    throw error;
  }
}

// Composition root: the one place that builds the database, the services and the Slack app and wires
// them together. Tests call createApp with their own database, clock and Slack API URL.
import { SlackAnnouncer } from './slack/announcer.ts';
import { SlackChannelAlerts } from './slack/alerts.ts';
import { SlackNotifier } from './slack/notifier.ts';
import { TaskReminderJob } from './jobs/task-reminders.ts';
import { NotificationJob } from './jobs/notification-jobs.ts';
import { DatabaseUpkeepJob, UPKEEP_EVERY_MS, UPKEEP_FIRST_PASS_AFTER_MS } from './jobs/database-upkeep.ts';
import { TableUpkeep } from './services/upkeep.ts';
import { UserDirectory } from './slack/user-context.ts';
import { OutboxDispatcher } from './jobs/outbox-dispatcher.ts';
import type { Catalogue } from './i18n/catalogue.ts';
import { DEFAULT_LOCALE } from './i18n/locale.ts';
import { presenterFor } from './i18n/presenter.ts';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type Installation, type Logger, LogLevel, type webApi } from '@slack/bolt';
import { z } from 'zod';
import { type Config, OAUTH_INSTALL_PATH, OAUTH_REDIRECT_PATH, type OAuthSettings } from './config.ts';
import { InstallationService } from './services/installations.ts';
import { OAuthStates } from './services/oauth-states.ts';
import { boundedCache } from './services/cache.ts';
import { type Clock, systemClock } from './services/clock.ts';
import { createServices, type Services } from './services/index.ts';
import { DigestScheduler } from './jobs/digest-scheduler.ts';
import { backgroundClient, SlackDigestPoster } from './slack/digest-poster.ts';
import { BACKGROUND_RETRY_CONFIG, INTERACTIVE_CLIENT_OPTIONS } from './slack/middleware/slack-client-options.ts';
import { OAuthStateStore } from './slack/oauth-state-store.ts';
import { AFTER_ACK_QUIET_MS, AFTER_ACK_SLOTS, AFTER_ACK_SLOTS_POSTGRES, PendingAcks } from './slack/after-ack.ts';
import { slackHttpReceiver } from './slack/receiver.ts';
import { RedactingLogger } from './slack/redacting-logger.ts';
import { slackFetch } from './slack/http-fetch.ts';
import { registerSlackListeners } from './slack/register.ts';
import { type Database, openDatabase } from './store/database.ts';
import { ChannelDigestUseCases } from './usecases/channel-digests.ts';
import { createUseCases } from './usecases/index.ts';
import { TokenCipher } from './store/token-crypto.ts';

export { OAUTH_INSTALL_PATH, OAUTH_REDIRECT_PATH };

/**
 * The bot scopes the app asks for when a workspace installs it: those of manifest/manifest.json, read
 * from the file so the two cannot drift apart.
 */
export function manifestBotScopes(): string[] {
  const manifest = z
    .object({ oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()).min(1) }) }) })
    .parse(JSON.parse(readFileSync(new URL('../manifest/manifest.json', import.meta.url), 'utf8')));
  return manifest.oauth_config.scopes.bot;
}

export interface AppDependencies {
  /** An already open database (tests); otherwise one is opened from the config. */
  database?: Database;
  clock?: Clock;
  /** See SUBMIT_FAST_PATH_MS in src/slack/register.ts (tests choose the path they exercise). */
  submitFastPathMs?: number;
  /**
   * See AFTER_ACK_QUIET_MS in src/slack/after-ack.ts. Tests send each request a moment after the last
   * one's ack, which here would count as a burst, so most choose 0.
   */
  afterAckQuietMs?: number;
  /** How often the digest scheduler looks for due digests; false: never on its own (tests tick it). */
  schedulerIntervalMs?: number | false;
  /** Pause between the messages of one digest (Slack: about one per second per channel). */
  digestPostIntervalMs?: number;
  /** How often the task reminder job looks for due tasks; false: never on its own (tests tick it). */
  reminderIntervalMs?: number | false;
  /** How often the notification job looks for overdue/stale opportunities and due summaries; false: tests tick it. */
  notificationIntervalMs?: number | false;
  /**
   * How often the outbox is dispatched besides the kick after each change (a safety net for kicks that
   * found Slack down); false: only kicked (tests tick it for the rest).
   */
  outboxIntervalMs?: number | false;
  /** How often the embedded database's tables are vacuumed and analysed (UPKEEP_EVERY_MS); false: tests tick it. */
  upkeepIntervalMs?: number | false;
  /** How many rows an export reads at a time (EXPORT_PAGE_SIZE; tests make it small to cross pages). */
  exportPageSize?: number;
}

export interface RunningApp {
  readonly bolt: InstanceType<typeof App>;
  readonly database: Database;
  readonly services: Services;
  readonly scheduler: DigestScheduler;
  /** Delivers the outbox's events (the channel announcements, the task reminders). */
  readonly dispatcher: OutboxDispatcher;
  /** Finds the tasks due in their owners' mornings and records one reminder each. */
  readonly reminders: TaskReminderJob;
  /** Finds overdue and stale opportunities and due daily summaries, and records them once each. */
  readonly notifications: NotificationJob;
  /** PGlite only (it has no autovacuum): vacuums and analyses the tables now and then. */
  readonly upkeep: DatabaseUpkeepJob | undefined;
  /** OAuth mode: where the workspaces' installations are stored; undefined in single-workspace mode. */
  readonly installations: InstallationService<Installation> | undefined;
  /** The HTTP port the app listens on (undefined in Socket Mode). */
  readonly port: number | undefined;
  describe(): string;
  stop(): Promise<void>;
}

const LOG_LEVELS = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR } as const;

export async function startApp(config: Config, deps: AppDependencies = {}): Promise<RunningApp> {
  const database = deps.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const clock = deps.clock ?? systemClock;
  const services = createServices(database, clock);
  // The outbox's deliveries read and write through the database's background lane, so that they never
  // take the connections (or PGlite's worker) that commands wait for.
  const deliveryServices = database.background
    ? createServices({ sql: database.background, ping: () => database.ping() }, clock)
    : services;
  const socketMode = config.slack.appToken !== undefined;

  const healthRoute = {
    path: '/healthz',
    method: ['GET'],
    handler: (_req: IncomingMessage, res: ServerResponse) => {
      void services.ping().then((ok) => {
        res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify(ok ? { status: 'ok' } : { status: 'unavailable', reason: 'database' }));
      });
    },
  };

  const slack = config.slack;
  const logLevel = LOG_LEVELS[config.logLevel];
  // The one logger of the app, Bolt, every Web API client and the OAuth installer: no line it writes
  // holds a configured secret or a Slack token (see src/slack/redacting-logger.ts).
  const logger = new RedactingLogger(
    [
      slack.signingSecret,
      slack.botToken,
      slack.appToken,
      slack.oauth?.clientSecret,
      slack.oauth?.stateSecret,
      slack.oauth?.tokenEncryptionKey,
    ],
    logLevel,
  );
  // Bolt adds its logger to the object it is given, so each user gets its own copy.
  const apiOptions = () => (slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {});
  const common = {
    deferInitialization: true,
    // Bolt's conversation store (context.conversation) is not used: without it, no request pays its
    // middleware (a lookup per request, 0.6 s of the app thread over an alerts bench run).
    convoStore: false as const,
    logger,
    logLevel,
    // The interactive client fails fast on rate limits and retries only briefly (see the options).
    clientOptions: { ...INTERACTIVE_CLIENT_OPTIONS, ...apiOptions() },
  };
  // Over HTTP, Bolt's receiver with the future-timestamp check in front (src/slack/receiver.ts).
  // It also counts the requests waiting for their ack, to which the replies of earlier ones give way.
  const pendingAcks = new PendingAcks(deps.afterAckQuietMs ?? AFTER_ACK_QUIET_MS);
  const receiverOptions = { signingSecret: slack.signingSecret, logger, customRoutes: [healthRoute], pendingAcks };

  let app: App;
  let installations: InstallationService<Installation> | undefined;
  let clientFor: (workspaceId: string) => Promise<webApi.WebClient>;
  if (slack.oauth === undefined) {
    // Single workspace: one bot token for every request and every digest.
    app = new App({
      ...common,
      token: slack.botToken,
      ...(socketMode
        ? {
            socketMode: true,
            appToken: slack.appToken,
            installerOptions: { port: config.port },
            customRoutes: [healthRoute],
          }
        : { receiver: slackHttpReceiver(receiverOptions) }),
    });
    const postingClient = backgroundClient(slack.botToken, slack.apiUrl, logger);
    clientFor = async () => postingClient;
  } else {
    // Distributed: Bolt's authorize reads each request's workspace installation from our store.
    const store = new InstallationService<Installation>(
      database.sql,
      new TokenCipher(slack.oauth.tokenEncryptionKey),
      clock,
    );
    installations = store;
    // Each install link's state works once, on whichever instance the browser comes back to.
    const states = new OAuthStateStore(new OAuthStates(database.sql, slack.oauth.stateSecret, clock));
    app = new App({
      ...common,
      receiver: slackHttpReceiver({
        ...receiverOptions,
        // The code exchange happens while the installing person's browser waits: retry briefly, not for minutes.
        ...oauthOptions(slack.oauth, store, states, services, {
          ...apiOptions(),
          fetch: slackFetch,
          logger,
          retryConfig: BACKGROUND_RETRY_CONFIG,
        }),
      }),
    });
    clientFor = perWorkspaceClients(store, slack.apiUrl, logger);
  }

  // Digests are built by their use case (the scheduler has no one acting, so it needs no other).
  const channelDigests = new ChannelDigestUseCases(services);
  const poster = new SlackDigestPoster({
    digests: channelDigests,
    clock,
    clientFor,
    ...(deps.digestPostIntervalMs !== undefined ? { postIntervalMs: deps.digestPostIntervalMs } : {}),
  });
  const scheduler = new DigestScheduler(services.digestRuns, clock, poster, (message) => app.logger.warn(message));
  // The people's time zones and languages, for their notifications (a directory of its own: the jobs and
  // the dispatcher have no request); the language a member chose comes first.
  const notifier = new SlackNotifier({
    services: deliveryServices,
    clientFor,
    users: new UserDirectory(clock, undefined, undefined, (workspaceId, userId) =>
      deliveryServices.members.requester(workspaceId, userId),
    ),
    clock,
    logger,
  });
  const warn = (message: string) => app.logger.warn(message);
  const reminders = new TaskReminderJob(services.tasks, clock, notifier, warn);
  const notificationJob = new NotificationJob(services.notifications, clock, notifier, warn);
  const dispatcher = new OutboxDispatcher(
    deliveryServices.outbox,
    clock,
    [
      new SlackAnnouncer({ services: deliveryServices, clientFor, logger }),
      notifier,
      new SlackChannelAlerts({ services: deliveryServices, clock, clientFor, logger }),
    ],
    warn,
    // Each drain, and each batch of it, gives way to the acks of commands, for half a second at most: under
    // a steady stream of commands some ack is nearly always pending, and a longer wait per batch would
    // leave the deliveries behind the events.
    { giveWay: () => pendingAcks.answered(500) },
  );
  const upkeep =
    database.kind === 'pglite'
      ? new DatabaseUpkeepJob(new TableUpkeep(database.background ?? database.sql), clock, warn, () =>
          pendingAcks.answered(500),
        )
      : undefined;
  // A change that recorded events is followed at once by their delivery (the interval is the safety net).
  services.outbox.onRecorded(() => dispatcher.kick());
  if (deliveryServices !== services) deliveryServices.outbox.onRecorded(() => dispatcher.kick());
  const useCases = createUseCases(
    services,
    { digests: scheduler, channelDigests },
    deps.exportPageSize !== undefined ? { exportPageSize: deps.exportPageSize } : {},
  );
  registerSlackListeners(app, {
    services,
    useCases,
    clock,
    scheduler,
    submitFastPathMs: deps.submitFastPathMs,
    installations,
    pendingAcks,
    afterAckSlots: database.kind === 'postgres' ? AFTER_ACK_SLOTS_POSTGRES : AFTER_ACK_SLOTS,
  });

  try {
    await installations?.verifyKey();
    await app.init();
    let port: number | undefined;
    if (socketMode) {
      await app.start();
    } else {
      const server = (await app.start({ port: config.port, ...(config.host ? { host: config.host } : {}) })) as Server;
      port = (server.address() as AddressInfo).port;
    }
    if (deps.schedulerIntervalMs !== false) scheduler.start(deps.schedulerIntervalMs ?? 15_000);
    if (deps.outboxIntervalMs !== false) dispatcher.start(deps.outboxIntervalMs ?? 10_000);
    if (deps.reminderIntervalMs !== false) reminders.start(deps.reminderIntervalMs ?? 60_000);
    if (deps.notificationIntervalMs !== false) notificationJob.start(deps.notificationIntervalMs ?? 60_000);
    if (deps.upkeepIntervalMs !== false) {
      const every = deps.upkeepIntervalMs ?? UPKEEP_EVERY_MS;
      upkeep?.start(every, Math.min(every, UPKEEP_FIRST_PASS_AFTER_MS));
    }
    // Events left by an earlier run (a Slack outage, a restart) go out now.
    dispatcher.kick();
    return {
      bolt: app,
      database,
      services,
      scheduler,
      dispatcher,
      reminders,
      notifications: notificationJob,
      upkeep,
      installations,
      port,
      describe: () =>
        socketMode
          ? `Pipeline assistant running in Socket Mode on the ${database.kind} database.`
          : installations
            ? `Pipeline assistant listening on http://${config.host ?? 'localhost'}:${port}/slack/events for every workspace that installs it (install link: ${OAUTH_INSTALL_PATH}; health: /healthz) on the ${database.kind} database.`
            : `Pipeline assistant listening on http://${config.host ?? 'localhost'}:${port}/slack/events (health: /healthz) on the ${database.kind} database.`,
      async stop() {
        await scheduler.stop();
        await reminders.stop();
        await notificationJob.stop();
        await upkeep?.stop();
        await dispatcher.stop();
        await app.stop();
        if (!deps.database) await database.close();
      },
    };
  } catch (error) {
    if (!deps.database) await database.close();
    throw error;
  }
}

/**
 * Bolt's OAuth options: the install link (GET /slack/install, straight on to Slack's consent page), the
 * redirect Slack sends the browser back to (GET /slack/oauth_redirect), the bot scopes of the manifest,
 * our installation store and our one-use state store. Bolt's installer builds its own Web API client
 * from installerOptions.clientOptions (that object replaces the App's clientOptions for it), so the API
 * URL and the logger are given there too.
 */
function oauthOptions(
  oauth: OAuthSettings,
  installations: InstallationService<Installation>,
  states: OAuthStateStore,
  services: Pick<Services, 'ping'>,
  installerClientOptions: webApi.WebClientOptions,
) {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    scopes: manifestBotScopes(),
    installationStore: installations,
    ...(oauth.redirectUri ? { redirectUri: oauth.redirectUri } : {}),
    installerOptions: {
      installPath: OAUTH_INSTALL_PATH,
      redirectUriPath: OAUTH_REDIRECT_PATH,
      directInstall: true,
      stateStore: states,
      clientOptions: installerClientOptions,
      installPathOptions: {
        // The install link stores its state in the database. Bolt leaves the browser waiting when that
        // fails, so an unreachable database is answered here first.
        beforeRedirection: async (req: IncomingMessage, res: ServerResponse) => {
          if (await services.ping()) return true;
          const t = browserCatalogue(req);
          const P = t.installPages.databaseDown;
          page(res, t.language, 503, P.title, P.text(OAUTH_INSTALL_PATH));
          return false;
        },
      },
      callbackOptions: {
        success: (installation: Installation, _options: unknown, req: IncomingMessage, res: ServerResponse) => {
          const t = browserCatalogue(req);
          const pages = t.installPages;
          const where =
            installation.team?.name || installation.team?.id || installation.enterprise?.name || pages.somewhere;
          page(res, t.language, 200, pages.installed.title, pages.installed.text(where));
        },
        failure: (error: Error & { code?: string }, _options: unknown, req: IncomingMessage, res: ServerResponse) => {
          const t = browserCatalogue(req);
          const pages = t.installPages;
          const retry = pages.retry(OAUTH_INSTALL_PATH);
          if (error.code === 'slack_oauth_installer_authorization_error') {
            page(res, t.language, 400, pages.cancelled.title, pages.cancelled.text(retry));
          } else if (
            error.code === 'slack_oauth_missing_state' ||
            error.code === 'slack_oauth_invalid_state' ||
            error.code === 'slack_oauth_missing_code'
          ) {
            page(res, t.language, 400, pages.expired.title, pages.expired.text(retry));
          } else {
            page(res, t.language, 500, pages.failed.title, pages.failed.text(retry));
          }
        },
      },
    },
  };
}

/** The catalogue for the browser's first preferred language (Accept-Language), the default without one. */
function browserCatalogue(req: IncomingMessage): Catalogue {
  const preferred = req.headers['accept-language']?.split(',')[0]?.split(';')[0]?.trim();
  return presenterFor(preferred || DEFAULT_LOCALE).t;
}

function page(res: ServerResponse, language: string, status: number, title: string, sentence: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(
    `<!doctype html><html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
      `<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(sentence)}</p></body></html>`,
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * OAuth mode: each workspace's digests go out with its own bot token, read from the installation store
 * on every digest (so an uninstall or a re-install takes effect at once); clients are kept per team
 * while the token stays the same.
 */
function perWorkspaceClients(
  installations: InstallationService<Installation>,
  apiUrl: string | undefined,
  logger: Logger,
): (workspaceId: string) => Promise<webApi.WebClient> {
  const clients = boundedCache<string, { token: string; client: webApi.WebClient }>(500);
  return async (workspaceId) => {
    const token = await installations.botTokenFor(workspaceId);
    const cached = clients.get(workspaceId);
    if (cached?.token === token) return cached.client;
    const client = backgroundClient(token, apiUrl, logger);
    clients.set(workspaceId, { token, client });
    return client;
  };
}

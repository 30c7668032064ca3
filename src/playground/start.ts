// The playground: the real app (src/app.ts: its Bolt HTTP receiver, listeners, use cases, database and
// scheduler) with a local stand-in for Slack. The stand-in signs what a person does on the page with a
// signing secret made for this run and sends it to the app's Request URL; the app answers through
// SLACK_API_URL, which points at the stand-in's Web API.
import { randomBytes } from 'node:crypto';
import { type AppDependencies, type RunningApp, startApp } from '../app.ts';
import type { Config, LocalSettings } from '../config.ts';
import { resetDemo, seedDemoIfEmpty } from './demo.ts';
import { FIRST_PERSON, SALES_CHANNEL } from './identity.ts';
import { type PlaygroundServer, startPlaygroundServer } from './server.ts';
import { type AppEndpoint, SlackInteractions } from './slack/interactions.ts';
import { SlackStore } from './slack/store.ts';
import { SlackWebApi } from './slack/web-api.ts';

export interface PlaygroundOptions {
  /** Passed to startApp (tests shorten the pause between a digest's messages). */
  app?: AppDependencies;
  /** Post a digest to #sales when the playground starts, so the first screen shows the pipeline (default true). */
  welcomeDigest?: boolean;
  /** How many opportunities the demo seeds (default that of prisma/seed.ts; tests take fewer). */
  demoOpportunities?: number;
}

export interface RunningPlayground {
  /** The page's address: `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly app: RunningApp;
  readonly store: SlackStore;
  /** Settles once the demo workspace is seeded (on first start) and the welcome digest is asked for. */
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

export async function startPlayground(
  settings: LocalSettings,
  options: PlaygroundOptions = {},
): Promise<RunningPlayground> {
  const store = new SlackStore();
  // Made for this run: only the stand-in signs requests, and the app accepts only those it signed.
  const signingSecret = randomBytes(32).toString('hex');
  const botToken = `xoxb-playground-${randomBytes(16).toString('hex')}`;
  let origin = '';
  let endpoint: AppEndpoint | undefined;
  const api = new SlackWebApi(store, botToken, () => origin);
  const interactions = new SlackInteractions(
    store,
    () => {
      if (!endpoint) throw new Error('the app is not listening yet');
      return endpoint;
    },
    () => origin,
  );
  let app: RunningApp | undefined;
  let preparing = true;
  const welcome = async () => {
    if (options.welcomeDigest !== false) await interactions.command(FIRST_PERSON.id, SALES_CHANNEL.id, 'digest');
  };

  const server: PlaygroundServer = await startPlaygroundServer(
    {
      store,
      api,
      interactions,
      preparing: () => preparing,
      async reset() {
        if (!app || preparing) return;
        preparing = true;
        store.clear();
        try {
          await resetDemo(app.services, new Date(), options.demoOpportunities);
          await welcome();
        } finally {
          preparing = false;
          store.changed();
        }
      },
      log: (message) => console.error(message),
    },
    settings.port,
  );
  origin = server.origin;
  try {
    const config: Config = {
      slack: { signingSecret, botToken, appToken: undefined, apiUrl: `${origin}/api/` },
      ...settings,
      // The app itself listens on a free loopback port; only the stand-in talks to it.
      port: 0,
      host: '127.0.0.1',
    };
    app = await startApp(config, options.app);
    endpoint = { url: `http://127.0.0.1:${app.port}/slack/events`, signingSecret };
  } catch (error) {
    await app?.stop();
    await server.close();
    throw error;
  }
  const running = app;
  // The page answers at once and says the demo is being prepared; seeding 50 opportunities takes a while.
  const ready = (async () => {
    try {
      await seedDemoIfEmpty(running.services, new Date(), options.demoOpportunities);
      await welcome();
    } finally {
      preparing = false;
      store.changed();
    }
  })();
  ready.catch((error: unknown) =>
    console.error(
      `The demo workspace could not be prepared: ${error instanceof Error ? error.message : String(error)}`,
    ),
  );
  return {
    url: origin,
    app: running,
    store,
    ready,
    async stop() {
      await ready.catch(() => undefined);
      await server.close();
      await running.stop();
    },
  };
}

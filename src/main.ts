// Process entry: read the environment, open the database, start the Slack app, stop cleanly.
import { existsSync } from 'node:fs';
import { type Config, hasNoSlackCredentials, parseConfig } from './config.ts';

if (existsSync('.env')) process.loadEnvFile('.env');

const parsed = parseConfig(process.env);
if (!parsed.ok && hasNoSlackCredentials(process.env) && process.env.NODE_ENV !== 'production') {
  // No Slack at all (and not production): the same app, in the browser playground (README).
  const { runPlaygroundUntilStopped } = await import('./cli/playground-process.ts');
  await runPlaygroundUntilStopped('no-credentials');
} else if (!parsed.ok) {
  console.error('The app cannot start; fix these settings (environment variables or a .env file):');
  for (const problem of parsed.problems) console.error(`  - ${problem}`);
  console.error('See README.md, "Create the Slack app" and "Install modes", for where each value comes from.');
  process.exit(1);
}

if (parsed.ok) await runApp(parsed.config);

async function runApp(config: Config): Promise<void> {
  const { startApp } = await import('./app.ts');
  try {
    const running = await startApp(config);
    console.log(running.describe());
    const stop = async (signal: string) => {
      console.log(`${signal} received, stopping…`);
      await running.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  } catch (error) {
    console.error(`The app could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

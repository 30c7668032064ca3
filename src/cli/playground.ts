// npm run playground — the app in a browser, with a local stand-in for Slack (README, "Try it without Slack").
import { existsSync } from 'node:fs';
import { runPlaygroundUntilStopped } from './playground-process.ts';

if (existsSync('.env')) process.loadEnvFile('.env');
await runPlaygroundUntilStopped('asked');

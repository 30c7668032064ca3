// Starting the playground from the command line: `npm start` without any Slack credential, or
// `npm run playground`. Never in production: there a missing credential must stop the app.
import { type LocalSettings, parseLocalSettings } from '../config.ts';
import type { RunningPlayground } from './start.ts';

export type PlaygroundLaunch =
  { ok: true; playground: RunningPlayground; line: string } | { ok: false; problems: string[] };

export async function launchPlayground(
  env: Record<string, string | undefined>,
  reason: 'no-credentials' | 'asked',
): Promise<PlaygroundLaunch> {
  if ((env.NODE_ENV ?? '').trim() === 'production') {
    return {
      ok: false,
      problems: [
        'The playground does not run with NODE_ENV=production: it is a local stand-in for Slack. Set the Slack credentials (README, "Create the Slack app").',
      ],
    };
  }
  const parsed = parseLocalSettings(env);
  if (!parsed.ok) return parsed;
  const settings: LocalSettings = parsed.settings;
  const { startPlayground } = await import('./start.ts');
  const playground = await startPlayground(settings);
  const line =
    reason === 'no-credentials'
      ? `No Slack credentials: the playground runs at ${playground.url} — set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to connect to Slack (README)`
      : `The playground runs at ${playground.url} — the app with a local stand-in for Slack (README)`;
  return { ok: true, playground, line };
}

// The playground as a process: started, its address printed, stopped cleanly on SIGINT or SIGTERM.
// Used by `npm start` without Slack credentials (src/main.ts) and `npm run playground`.
import { launchPlayground } from '../playground/run.ts';

export async function runPlaygroundUntilStopped(reason: 'no-credentials' | 'asked'): Promise<void> {
  try {
    const launched = await launchPlayground(process.env, reason);
    if (!launched.ok) {
      console.error('The playground cannot start:');
      for (const problem of launched.problems) console.error(`  - ${problem}`);
      process.exit(1);
    }
    console.log(launched.line);
    const stop = async (signal: string) => {
      console.log(`${signal} received, stopping…`);
      await launched.playground.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  } catch (error) {
    console.error(`The playground could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

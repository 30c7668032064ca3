// The floor for ack latency: a bare Bolt app on the same HTTP receiver that only acks, in its own process.
import { startBareBoltApp } from '../support/bare-bolt.ts';

const app = await startBareBoltApp({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  slackApiUrl: process.env.SLACK_API_URL ?? '',
});
console.log(`listening on ${app.url}/slack/events`);
process.once('SIGTERM', () => void app.stop().then(() => process.exit(0)));

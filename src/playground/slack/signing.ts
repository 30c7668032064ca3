// Slack's request signature (v0): `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>` keyed with the
// app's signing secret. The playground signs what it delivers to the app exactly as Slack does.
import { createHmac } from 'node:crypto';

export function signSlackRequest(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

// Web API client options for the interactive path (commands, buttons, modals, events). Bolt's default
// client retries a failed call ten times over about thirty minutes and, on a 429, pauses ALL of its
// calls for the Retry-After seconds: one rate-limited chat.update would hold every user's replies.
// Someone waiting in Slack is better served by a quick failure that becomes a sentence (the listeners
// already fall back to response_url, which is not rate limited the same way), so: no waiting on rate
// limits, two quick retries for a 5xx or a dropped connection, and a bound on each request.
//
// Wire it in where the App is built (src/app.ts: `clientOptions: { ...INTERACTIVE_CLIENT_OPTIONS, … }`).
// Background work (digests) has its own client (src/slack/digest-poster.ts backgroundClient).
import type { webApi } from '@slack/bolt';
import { slackFetch } from '../http-fetch.ts';

export const INTERACTIVE_CLIENT_OPTIONS = {
  fetch: slackFetch,
  rejectRateLimitedCalls: true,
  retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1_000 },
  timeout: 10_000,
} as const satisfies webApi.WebClientOptions;

/** Retries of the clients that work in the background (digests, the OAuth installer): a few, patiently. */
export const BACKGROUND_RETRY_CONFIG = { retries: 2, factor: 2, minTimeout: 500 } as const;

/** How long a background Web API call waits for Slack's answer before it fails (then is retried). */
export const BACKGROUND_CALL_TIMEOUT_MS = 10_000;

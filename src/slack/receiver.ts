// The HTTP receiver: Bolt's HTTPReceiver with one more check in front of its request listener, so it
// covers every request on /slack/events before Bolt reads it. Bolt refuses a signed request whose
// X-Slack-Request-Timestamp is more than 5 minutes old, but accepts one dated any time in the future,
// and such a request stays acceptable until 5 minutes after its date: far longer than Slack's window
// for whoever captured it. Slack stamps a request as it sends it, so one more than 5 minutes ahead of
// our clock is refused like a stale one: 401, and nothing runs.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HTTPReceiver, type HTTPReceiverOptions, type Logger } from '@slack/bolt';

/** Slack's signature window: a request may differ from our clock by at most this much, either way. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

/** The paths Slack signs requests to (Bolt's default `endpoints`). */
export const SLACK_EVENTS_PATHS = ['/slack/events'];

/**
 * Wraps a request listener: a POST to one of `paths` whose timestamp is more than the signature window
 * ahead of `nowMs()` gets 401 without being read. Wall-clock time, as Bolt's own check of the other side.
 */
export function refuseFutureTimestamps(
  listener: RequestListener,
  paths: readonly string[],
  logger: Logger,
  nowMs: () => number = Date.now,
): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method?.toUpperCase() === 'POST' && paths.includes(new URL(req.url ?? '/', 'http://localhost').pathname)) {
      const header = req.headers['x-slack-request-timestamp'];
      const seconds = typeof header === 'string' ? Number(header) : Number.NaN;
      if (Number.isFinite(seconds) && seconds > Math.floor(nowMs() / 1000) + SIGNATURE_WINDOW_SECONDS) {
        logger.warn('refused a request whose x-slack-request-timestamp is more than 5 minutes in the future');
        req.resume(); // discard the body unread
        res.writeHead(401);
        res.end();
        return;
      }
    }
    listener(req, res);
  };
}

/** Bolt's HTTPReceiver for `options`, refusing requests dated in the future (see above). */
export function slackHttpReceiver(options: HTTPReceiverOptions & { logger: Logger }): HTTPReceiver {
  const paths = options.endpoints === undefined ? SLACK_EVENTS_PATHS : [options.endpoints].flat();
  const receiver = new HTTPReceiver(options);
  // The server Bolt starts calls `receiver.requestListener` for each request (public, documented for
  // use with one's own server), so replacing it puts the check in front of everything the receiver serves.
  receiver.requestListener = refuseFutureTimestamps(receiver.requestListener, paths, options.logger);
  return receiver;
}

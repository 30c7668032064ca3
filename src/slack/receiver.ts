// The HTTP receiver: Bolt's HTTPReceiver with one more check in front of its request listener, so it
// covers every request on /slack/events before Bolt reads it. Bolt refuses a signed request whose
// X-Slack-Request-Timestamp is more than 5 minutes old, but accepts one dated any time in the future,
// and such a request stays acceptable until 5 minutes after its date: far longer than Slack's window
// for whoever captured it. Slack stamps a request as it sends it, so one more than 5 minutes ahead of
// our clock is refused like a stale one: 401, and nothing runs.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { HTTPReceiver, type HTTPReceiverOptions, type Logger } from '@slack/bolt';
import type { PendingAcks } from './after-ack.ts';

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

/**
 * Slack gives up on an ack after 3 seconds: a request counts as waiting no longer than that, so that one
 * held open (a body that never ends, sent by anyone, since it counts before its signature is read) cannot
 * hold back the work after every other ack.
 */
export const PENDING_ACK_LIMIT_MS = 3_000;

/**
 * Wraps a request listener: a POST to one of `paths` counts in `pending` from its arrival until its
 * response is sent (or its connection closes, or PENDING_ACK_LIMIT_MS), so that work after other acks
 * gives way to it (./after-ack.ts).
 */
export function countPendingAcks(
  listener: RequestListener,
  paths: readonly string[],
  pending: PendingAcks,
  limitMs = PENDING_ACK_LIMIT_MS,
): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method?.toUpperCase() === 'POST' && paths.includes(new URL(req.url ?? '/', 'http://localhost').pathname)) {
      const answered = pending.begin();
      const limit = setTimeout(answered, limitMs);
      limit.unref();
      const done = () => {
        clearTimeout(limit);
        answered();
      };
      res.once('finish', done);
      res.once('close', done);
    }
    listener(req, res);
  };
}

/** The listener's context property that holds when the request arrived (performance.now()). */
const RECEIVED_AT = 'receivedAt';

/**
 * When the request arrived (performance.now(), stamped by the HTTP receiver before Bolt read its body);
 * undefined in Socket Mode. Deadlines that Slack counts from its sending count from this.
 */
export function receivedAtOf(context: Record<string, unknown>): number | undefined {
  const at = context[RECEIVED_AT];
  return typeof at === 'number' ? at : undefined;
}

/**
 * Bolt's HTTPReceiver for `options`, refusing requests dated in the future (see above), stamping each
 * request's arrival on its listeners' context (receivedAtOf) and, with `pendingAcks`, counting the
 * requests waiting for their ack.
 */
export function slackHttpReceiver(
  options: HTTPReceiverOptions & { logger: Logger; pendingAcks?: PendingAcks | undefined },
): HTTPReceiver {
  const { pendingAcks, ...receiverOptions } = options;
  const paths = options.endpoints === undefined ? SLACK_EVENTS_PATHS : [options.endpoints].flat();
  const arrivals = new WeakMap<IncomingMessage, number>();
  const receiver = new HTTPReceiver({
    ...receiverOptions,
    // Bolt hands this the request it was given (its body read), so the arrival is found by identity.
    customPropertiesExtractor: (req) => ({ [RECEIVED_AT]: arrivals.get(req) }),
  });
  // The server Bolt starts calls `receiver.requestListener` for each request (public, documented for
  // use with one's own server), so replacing it puts the checks in front of everything the receiver serves.
  const checked = refuseFutureTimestamps(receiver.requestListener, paths, options.logger);
  const counted = pendingAcks ? countPendingAcks(checked, paths, pendingAcks) : checked;
  receiver.requestListener = (req, res) => {
    arrivals.set(req, performance.now());
    counted(req, res);
  };
  return receiver;
}

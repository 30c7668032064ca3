// Events API de-duplication: a Bolt global middleware. Slack re-sends an event when our 2xx did not
// reach it within 3 seconds (X-Slack-Retry-Num 1–3), and may deliver one event twice in rare cases. Each
// event_callback's event_id is recorded once; a delivery whose id is already recorded skips the
// listeners, whatever its retry number says. Bolt has already acknowledged an event before the global
// middleware runs, so Slack always gets its 200.
//
// When the database cannot record the id, the event is handled anyway (and the failure logged):
// handling an event twice is better than dropping it. Recorded ids are kept a day (Slack retries
// for about 5 minutes) and pruned at most once an hour, in the background.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Clock } from '../../services/clock.ts';

export interface EventLedger {
  claim(eventId: string, teamId: string | undefined, receivedAt: Date): Promise<boolean>;
  prune(before: Date): Promise<number>;
}

export interface DedupeOptions {
  events: EventLedger;
  clock: Clock;
  /** How long an event id is remembered (default one day). */
  keepMs?: number;
  /** Pruning runs at most this often (default one hour). */
  pruneEveryMs?: number;
}

export const EVENT_ID_KEEP_MS = 24 * 60 * 60_000;
export const EVENT_PRUNE_EVERY_MS = 60 * 60_000;

/** Slack's event ids are short letters and digits (`Ev0A1B2C3D4E`); anything else is not recorded. */
const EVENT_ID = /^[A-Za-z0-9._-]{1,64}$/;
const TEAM_ID = /^[A-Z0-9]{1,32}$/;

/** The envelope of an Events API delivery, or undefined for every other kind of request. */
export function eventEnvelope(body: unknown): { eventId: string; teamId: string | undefined } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { type, event_id: eventId, team_id: teamId } = body as Record<string, unknown>;
  if (type !== 'event_callback' || typeof eventId !== 'string') return undefined;
  return { eventId, teamId: typeof teamId === 'string' && TEAM_ID.test(teamId) ? teamId : undefined };
}

export function dedupeEvents(options: DedupeOptions): Middleware<AnyMiddlewareArgs> {
  const keepMs = options.keepMs ?? EVENT_ID_KEEP_MS;
  const pruneEveryMs = options.pruneEveryMs ?? EVENT_PRUNE_EVERY_MS;
  let lastPrunedAt = Number.NEGATIVE_INFINITY;

  return async ({ body, context, logger, next }) => {
    const envelope = eventEnvelope(body);
    if (!envelope) {
      await next();
      return;
    }
    if (!EVENT_ID.test(envelope.eventId)) {
      logger.warn('an event without a usable event_id was handled without de-duplication');
      await next();
      return;
    }
    const now = options.clock.now();
    let firstDelivery = true;
    try {
      firstDelivery = await options.events.claim(envelope.eventId, envelope.teamId, now);
    } catch (error) {
      logger.warn(`could not record event ${envelope.eventId}; handling it anyway: ${String(error)}`);
    }
    if (now.getTime() - lastPrunedAt >= pruneEveryMs) {
      lastPrunedAt = now.getTime();
      options.events
        .prune(new Date(now.getTime() - keepMs))
        .catch((error: unknown) => logger.warn(`could not prune processed event ids: ${String(error)}`));
    }
    if (!firstDelivery) {
      logger.debug(`event ${envelope.eventId} was already handled (retry ${context.retryNum ?? 0}); skipped`);
      return;
    }
    await next();
  };
}

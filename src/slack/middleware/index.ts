// The app's global Bolt middleware, installed once in src/slack/register.ts: it runs for every request
// after Bolt verified its signature (and, for events, after the ack).
//   1. the payload's ids and sizes are checked with zod; a malformed one is answered and dropped (payloads.ts);
//   2. modal state of the wrong shape is dropped before any reader sees it (view-state.ts);
//   3. Events API deliveries are de-duplicated by event_id (dedupe-events.ts).
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { type DedupeOptions, dedupeEvents } from './dedupe-events.ts';
import { acceptPayload } from './payloads.ts';
import { dropMalformedViewState } from './view-state.ts';
import { system } from '../../i18n/en/system.ts';

export function inboundMiddleware(options: DedupeOptions): Middleware<AnyMiddlewareArgs> {
  const dedupe = dedupeEvents(options);
  return async (args) => {
    if (!(await acceptPayload(args, system.malformedRequest))) return;
    const dropped = dropMalformedViewState(args.body);
    if (dropped > 0) args.logger.warn(`dropped ${dropped} malformed element state(s) from a view payload`);
    await dedupe(args);
  };
}

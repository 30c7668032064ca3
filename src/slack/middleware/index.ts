// The app's global Bolt middleware, installed once in src/slack/register.ts: it runs for every request
// after Bolt verified its signature (and, for events, after the ack).
//   1. the payload's ids and sizes are checked with zod; a malformed one is answered and dropped (payloads.ts);
//   2. every team id the payload names must be the workspace Bolt authorised it for, which is then the
//      request's one workspace for every listener (../workspace.ts);
//   3. modal state of the wrong shape is dropped before any reader sees it (view-state.ts);
//   4. commands, clicks and form submissions are recorded by trigger_id; an exact replay of one changes
//      nothing and is answered with a sentence (replay-guard.ts); a form's submission listener waits for
//      that record itself, beside its first reads, before it runs anything;
//   5. Events API deliveries are de-duplicated by event_id (dedupe-events.ts).
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { type DedupeOptions, dedupeEvents } from './dedupe-events.ts';
import { acceptPayload } from './payloads.ts';
import { replayGuard, type TriggerLedger } from './replay-guard.ts';
import { dropMalformedViewState } from './view-state.ts';
import type { Catalogue } from '../../i18n/catalogue.ts';
import { DEFAULT_LOCALE } from '../../i18n/locale.ts';
import { presenterFor } from '../../i18n/presenter.ts';
import { verifyWorkspace } from '../workspace.ts';

export interface InboundOptions extends DedupeOptions {
  triggers: TriggerLedger;
  /**
   * The locale a person was last answered in, if this instance knows it without asking anyone: a refusal
   * runs before the request's user is looked up (default: the default locale).
   */
  knownLocale?: (body: unknown) => string | undefined;
  /**
   * The forms (callback_ids) whose submission listeners wait for the trigger's claim themselves
   * (`claimedFirst`, ./replay-guard.ts), beside their first reads; every other request waits here.
   */
  formsAwaitingClaim?: ReadonlySet<string>;
}

export function inboundMiddleware(options: InboundOptions): Middleware<AnyMiddlewareArgs> {
  const dedupe = dedupeEvents(options);
  const systemOf = (args: { body: unknown }): Catalogue['system'] =>
    presenterFor(options.knownLocale?.(args.body) ?? DEFAULT_LOCALE).t.system;
  const guard = replayGuard({
    triggers: options.triggers,
    clock: options.clock,
    sentence: (args) => systemOf(args).alreadyHandled,
  });
  const awaitsClaimItself = (body: unknown): boolean => {
    const { type, view } = body as { type?: unknown; view?: { callback_id?: unknown } };
    const callbackId = view?.callback_id;
    return (
      type === 'view_submission' && typeof callbackId === 'string' && !!options.formsAwaitingClaim?.has(callbackId)
    );
  };
  return async (args) => {
    const system = systemOf(args);
    if (!(await acceptPayload(args, system.malformedRequest))) return;
    if (!(await verifyWorkspace(args, system.workspaceMismatch))) return;
    const dropped = dropMalformedViewState(args.body);
    if (dropped > 0) args.logger.warn(`dropped ${dropped} malformed element state(s) from a view payload`);
    if (awaitsClaimItself(args.body)) guard.defer(args);
    else if (!(await guard.claim(args))) return;
    await dedupe(args);
  };
}

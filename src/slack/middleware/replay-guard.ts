// Replays of signed requests: a step of the inbound middleware. A request Slack signed stays valid for
// its 5-minute signature window, so whoever captured one (a proxy log, a browser extension, a leaked
// capture) could send it again and create a second opportunity or make a second stage move. Slack sends
// no request id with commands and interactions, but gives each command, button click and form
// submission (the requests that change things) its own trigger_id. Each is recorded, bound to the
// workspace, in a table every instance shares before any listener runs (a form's, before its listener
// saves anything: see `defer`); a request whose trigger_id is already there changes nothing and the
// person is told so. Option loads (block_suggestion) carry no
// trigger_id and change nothing; Events API deliveries have their own de-duplication (dedupe-events.ts).
//
// When the database cannot record the id the request goes on: the operation itself then meets the same
// database and says so. Ids are kept an hour (far past the signature window, 5 minutes either way) and
// pruned at most every ten minutes, in the background.
import type { Markup } from '../../i18n/markup.ts';
import { commandOnlyReads } from '../grammar/usage.ts';
import { workspaceOf } from '../workspace.ts';
import { type MiddlewareStepArgs, refuseRequest } from './refusal.ts';
import type { Clock } from '../../services/clock.ts';

export interface TriggerLedger {
  claim(workspaceId: string, triggerId: string, receivedAt: Date): Promise<boolean>;
  prune(before: Date): Promise<number>;
}

export interface ReplayGuardOptions {
  triggers: TriggerLedger;
  clock: Clock;
  /** What the person reads when a request is refused as a replay (in their language, where known). */
  sentence: (args: MiddlewareStepArgs) => Markup;
  /** How long a trigger id is remembered (default an hour). */
  keepMs?: number;
  /** Pruning runs at most this often (default ten minutes). */
  pruneEveryMs?: number;
}

export const TRIGGER_ID_KEEP_MS = 60 * 60_000;
export const TRIGGER_PRUNE_EVERY_MS = 10 * 60_000;

type Body = Record<string, unknown>;

/** The kinds of request that change things, each with its own trigger_id. */
export type StateChangingKind = 'command' | 'block_actions' | 'view_submission';

/**
 * The trigger of a command, button click or form submission; undefined for every other request, and for
 * a command that only reads (a list, a card, help: repeating it changes nothing).
 */
export function triggerOf(body: Body): { kind: StateChangingKind; triggerId: string } | undefined {
  if (typeof body.command === 'string' && typeof body.text === 'string' && commandOnlyReads(body.text))
    return undefined;
  const kind: StateChangingKind | undefined =
    typeof body.command === 'string'
      ? 'command'
      : body.type === 'block_actions' || body.type === 'view_submission'
        ? body.type
        : undefined;
  const triggerId = body.trigger_id;
  if (kind === undefined || typeof triggerId !== 'string' || triggerId === '') return undefined;
  return { kind, triggerId };
}

/** Where the inbound middleware leaves a form submission's claim for its listener (see `defer`). */
const PENDING_CLAIM = 'pendingTriggerClaim';

/**
 * The replay guard of the inbound middleware. `claim` records the request's trigger and answers a
 * replay: `true` lets the request go on; `false` means it was answered as a replay. `defer` leaves a
 * form submission's claim for its listener, which records it when it first asks (`claimedFirst`),
 * beside its reads of the form's context and of who submits, and waits for it before it runs anything:
 * so a form's ack waits for one round trip less, and one saved behind other acks records it then. Only
 * for listeners that do so.
 */
export function replayGuard(options: ReplayGuardOptions): {
  claim(args: MiddlewareStepArgs): Promise<boolean>;
  defer(args: MiddlewareStepArgs): void;
} {
  const keepMs = options.keepMs ?? TRIGGER_ID_KEEP_MS;
  const pruneEveryMs = options.pruneEveryMs ?? TRIGGER_PRUNE_EVERY_MS;
  let lastPrunedAt = Number.NEGATIVE_INFINITY;

  /** Records the trigger: true the first time (or when it could not be recorded), false for a replay; never rejects. */
  const record = async (args: MiddlewareStepArgs, trigger: NonNullable<ReturnType<typeof triggerOf>>) => {
    const workspaceId = workspaceOf(args.context);
    const now = options.clock.now();
    let firstTime = true;
    try {
      firstTime = await options.triggers.claim(workspaceId, trigger.triggerId, now);
    } catch (error) {
      args.logger.warn(`could not record the trigger of a ${trigger.kind}; handling it anyway: ${String(error)}`);
    }
    if (now.getTime() - lastPrunedAt >= pruneEveryMs) {
      lastPrunedAt = now.getTime();
      options.triggers
        .prune(new Date(now.getTime() - keepMs))
        .catch((error: unknown) => args.logger.warn(`could not prune processed trigger ids: ${String(error)}`));
    }
    if (!firstTime)
      args.logger.warn(
        `refused a replayed ${trigger.kind} in workspace ${workspaceId}: its trigger_id was already handled`,
      );
    return firstTime;
  };

  return {
    async claim(args) {
      const trigger = triggerOf(args.body as Body);
      if (trigger && !(await record(args, trigger))) {
        await refuseRequest(args, options.sentence(args));
        return false;
      }
      args.context[PENDING_CLAIM] = () => Promise.resolve(true); // for a listener that asks (claimedFirst)
      return true;
    },
    defer(args) {
      const trigger = triggerOf(args.body as Body);
      let claim: Promise<boolean> | undefined;
      args.context[PENDING_CLAIM] = () => (claim ??= trigger ? record(args, trigger) : Promise.resolve(true));
    },
  };
}

/**
 * A form submission's claim, left by the inbound middleware (`defer`) and recorded when its listener
 * first asks (so a submission saved behind other acks records it then, not before its own ack): true
 * the first time, false for a replay, which must then change nothing (the listener answers it).
 * Refuses when the middleware left none, so a listener used without it writes nothing.
 */
export function claimedFirst(context: Record<string, unknown>): Promise<boolean> {
  const pending = context[PENDING_CLAIM];
  return typeof pending === 'function' ? (pending as () => Promise<boolean>)() : Promise.resolve(false);
}

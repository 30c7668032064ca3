// The single list of everything the app listens to in Slack. manifest/manifest.json must declare the
// same commands and events (a test keeps them in step).
import type { App, BlockAction, ViewSubmitAction } from '@slack/bolt';
import type { DigestScheduler } from '../jobs/digest-scheduler.ts';
import type { Clock } from '../services/clock.ts';
import type { Services } from '../services/index.ts';
import type { UseCases } from '../usecases/index.ts';
import { AfterAckQueue, type PendingAcks } from './after-ack.ts';
import { ACTION_IDS, numberedKindOf } from './ids.ts';
import { actionListeners } from './listeners/actions.ts';
import { notifyActionListeners } from './listeners/notify-actions.ts';
import { appHomeOpenedListener } from './listeners/home.ts';
import {
  appUninstalledListener,
  type InstallationLifecycle,
  tokensRevokedListener,
} from './listeners/lifecycle-events.ts';
import { oppCommandListener } from './listeners/opp-command.ts';
import { contactOptionsListener } from './listeners/options.ts';
import type { SlackDeps } from './listeners/support.ts';
import { viewListeners } from './listeners/views.ts';
import { inboundMiddleware } from './middleware/index.ts';
import { UserDirectory } from './user-context.ts';

export const SLACK_SURFACE = {
  commands: ['/opp'],
  events: ['app_home_opened', 'app_uninstalled', 'tokens_revoked'],
  /** Interactivity is used (buttons, modals, option loads), so the manifest must enable it. */
  interactivity: true,
  optionLoads: [ACTION_IDS.contactSearch, ACTION_IDS.companySearch],
} as const;

/**
 * How long after a form submission arrives its ack may wait for the save, so that refusals show under
 * their field; a slower save finishes after the ack (the progress view, then the outcome).
 */
export const SUBMIT_FAST_PATH_MS = 60;

export function registerSlackListeners(
  app: App,
  base: {
    services: Services;
    useCases: UseCases;
    clock: Clock;
    scheduler: DigestScheduler;
    submitFastPathMs?: number | undefined;
    /** OAuth mode: the installation store that app_uninstalled / tokens_revoked clean up. */
    installations?: InstallationLifecycle | undefined;
    /** The requests waiting for their ack (the HTTP receiver counts them): replies give way to them. */
    pendingAcks?: PendingAcks | undefined;
    /** Work after an ack run at once (AfterAckQueue; default AFTER_ACK_SLOTS). */
    afterAckSlots?: number | undefined;
  },
): SlackListeners {
  const deps: SlackDeps = {
    services: base.services,
    useCases: base.useCases,
    clock: base.clock,
    users: new UserDirectory(base.clock, undefined, undefined, (workspaceId, userId) =>
      base.services.members.requester(workspaceId, userId),
    ),
    scheduler: base.scheduler,
    submitFastPathMs: base.submitFastPathMs ?? SUBMIT_FAST_PATH_MS,
    afterAck: new AfterAckQueue(base.afterAckSlots, base.pendingAcks),
  };
  const listeners = slackListeners(deps, base.installations);
  app.use(
    inboundMiddleware({
      events: base.services.events,
      triggers: base.services.triggers,
      clock: base.clock,
      knownLocale: (body) => {
        const { teamId, userId } = requesterOf(body);
        return teamId && userId ? deps.users.knownLocale(teamId, userId) : undefined;
      },
      // Every form's submission listener (./listeners/views.ts) waits for its trigger's claim beside its first reads.
      formsAwaitingClaim: new Set(Object.keys(listeners.views)),
    }),
  );
  // One Bolt listener per kind of request, which picks ours by its id: Bolt runs the matching middleware
  // of every listener registered for every request it receives (about sixty listeners, once each had its
  // own), where one lookup does. A request that no listener of ours answers is left unacknowledged, as
  // Bolt leaves one that no registration matches.
  for (const [name, listener] of Object.entries(listeners.commands)) app.command(name, listener);
  app.action<BlockAction>({ type: 'block_actions' }, async (args) => {
    const listener = actionListenerFor(listeners.actions, args.action.action_id);
    if (listener) await listener(args);
  });
  app.view<ViewSubmitAction>({ type: 'view_submission' }, async (args) => {
    await ownListener(listeners.views, args.view.callback_id)?.(args);
  });
  app.options<'block_suggestion'>({ type: 'block_suggestion' }, async (args) => {
    await ownListener(listeners.options, args.options.action_id)?.(args);
  });
  // Each event by name, typed by it (a test checks that Bolt is given every event of the table).
  app.event('app_home_opened', listeners.events.app_home_opened);
  app.event('app_uninstalled', listeners.events.app_uninstalled);
  app.event('tokens_revoked', listeners.events.tokens_revoked);
  // Listeners report their own failures to the user; this only keeps an unexpected one from
  // turning into an HTTP 500 after the ack, and records it.
  app.error(async (error) => {
    app.logger.error(error);
  });
  return listeners;
}

/**
 * Every listener of the app by what it answers: the slash command, each action_id (a numbered kind
 * answers its numbered ids too: numberedKindOf), each form's callback_id, each option load's
 * action_id, each event. The single list that registerSlackListeners registers and the tests enumerate.
 */
export type SlackListeners = ReturnType<typeof slackListeners>;

export function slackListeners(deps: SlackDeps, installations: InstallationLifecycle | undefined) {
  const actions = actionListeners(deps);
  const notifyActions = notifyActionListeners(deps);
  const twice = Object.keys(notifyActions).filter((id) => id in actions);
  if (twice.length > 0) throw new Error(`action ids with two listeners: ${twice.join(', ')}`);
  const options: Record<string, ReturnType<typeof contactOptionsListener>> = {
    [ACTION_IDS.contactSearch]: contactOptionsListener(deps, false),
    [ACTION_IDS.companySearch]: contactOptionsListener(deps, true),
  };
  return {
    commands: { '/opp': oppCommandListener(deps) },
    actions: { ...actions, ...notifyActions },
    views: viewListeners(deps),
    options,
    events: {
      app_home_opened: appHomeOpenedListener(deps),
      app_uninstalled: appUninstalledListener(installations),
      tokens_revoked: tokensRevokedListener(installations),
    },
  };
}

/** The listener of an id, if it is one of ours (an id like `constructor` is not). */
function ownListener<L>(listeners: Record<string, L>, id: string): L | undefined {
  return Object.hasOwn(listeners, id) ? listeners[id] : undefined;
}

/** The listener of a click: its action id's, or its numbered kind's. */
export function actionListenerFor<L>(actions: Record<string, L>, actionId: string): L | undefined {
  const kind = numberedKindOf(actionId);
  return ownListener(actions, actionId) ?? (kind === undefined ? undefined : ownListener(actions, kind));
}

/** The team and user a payload names (commands: flat ids; clicks and forms: nested objects). */
function requesterOf(body: unknown): { teamId?: string | undefined; userId?: string | undefined } {
  const b = (body ?? {}) as {
    team_id?: unknown;
    user_id?: unknown;
    team?: { id?: unknown };
    user?: { id?: unknown; team_id?: unknown };
  };
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    teamId: text(b.team_id) ?? text(b.team?.id) ?? text(b.user?.team_id),
    userId: text(b.user_id) ?? text(b.user?.id),
  };
}

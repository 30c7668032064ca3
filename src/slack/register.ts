// The single list of everything the app listens to in Slack. manifest/manifest.json must declare the
// same commands and events (a test keeps them in step).
import type { App } from '@slack/bolt';
import type { DigestScheduler } from '../jobs/digest-scheduler.ts';
import type { Clock } from '../services/clock.ts';
import type { Services } from '../services/index.ts';
import type { UseCases } from '../usecases/index.ts';
import { AfterAckQueue, type PendingAcks } from './after-ack.ts';
import { ACTION_IDS, NUMBERED_ACTION_IDS, numberedActionPattern } from './ids.ts';
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

/** Quick enough to keep acks well within the latency target; a slower save finishes after the ack. */
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
): SlackDeps {
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
  const views = viewListeners(deps);
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
      formsAwaitingClaim: new Set(Object.keys(views)),
    }),
  );
  app.command('/opp', oppCommandListener(deps));
  for (const [actionId, listener] of Object.entries(actionListeners(deps)))
    app.action(NUMBERED_ACTION_IDS.has(actionId) ? numberedActionPattern(actionId) : actionId, listener);
  for (const [actionId, listener] of Object.entries(notifyActionListeners(deps))) app.action(actionId, listener);
  for (const [callbackId, listener] of Object.entries(views)) app.view(callbackId, listener);
  app.options(ACTION_IDS.contactSearch, contactOptionsListener(deps, false));
  app.options(ACTION_IDS.companySearch, contactOptionsListener(deps, true));
  app.event('app_home_opened', appHomeOpenedListener(deps));
  app.event('app_uninstalled', appUninstalledListener(base.installations));
  app.event('tokens_revoked', tokensRevokedListener(base.installations));
  // Listeners report their own failures to the user; this only keeps an unexpected one from
  // turning into an HTTP 500 after the ack, and records it.
  app.error(async (error) => {
    app.logger.error(error);
  });
  return deps;
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

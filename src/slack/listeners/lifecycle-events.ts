// app_uninstalled and tokens_revoked: Slack tells us a workspace removed the app or revoked its tokens.
// Bolt runs no authorize for these two events (the tokens are already dead) and does nothing about them
// itself, so these listeners delete what the installation store holds. They may arrive in either order,
// more than once, and late (Slack retries): every step is idempotent, and an installation stored after
// the event (a re-install meanwhile) is left alone. Business data is never touched.
import type { AllMiddlewareArgs, Context, SlackEventMiddlewareArgs } from '@slack/bolt';
import { describeTarget, type InstallationService, type InstallTarget } from '../../services/installations.ts';
import { workspaceOf } from '../workspace.ts';

/** What the lifecycle listeners need; undefined in single-workspace mode (nothing is stored there). */
export type InstallationLifecycle = Pick<InstallationService, 'revokeTokens' | 'uninstall'>;

interface Envelope {
  team_id?: string;
  enterprise_id?: string;
  event_time?: number;
  authorizations?: { team_id: string | null; enterprise_id: string | null; is_enterprise_install?: boolean }[];
}

function targetOf(body: Envelope, context: Context): Exclude<InstallTarget, string> {
  const authorization = body.authorizations?.[0];
  const isEnterpriseInstall = context.isEnterpriseInstall || authorization?.is_enterprise_install === true;
  return {
    // The one verified workspace of the request (../workspace.ts): the envelope's team ids all agree with it.
    teamId: workspaceOf(context),
    enterpriseId: context.enterpriseId ?? authorization?.enterprise_id ?? body.enterprise_id,
    isEnterpriseInstall,
  };
}

/**
 * Slack's event_time is in whole seconds and from Slack's clock: installations stored up to this much
 * later still count as older than the event. A real re-install (a browser round trip through Slack's
 * consent page) takes longer than that after an uninstall.
 */
const EVENT_TIME_MARGIN_SECONDS = 5;

function eventTimeOf(body: Envelope): Date | undefined {
  return typeof body.event_time === 'number' && body.event_time > 0
    ? new Date((body.event_time + EVENT_TIME_MARGIN_SECONDS) * 1000)
    : undefined;
}

export function appUninstalledListener(installations: InstallationLifecycle | undefined) {
  return async ({ body, context, logger }: SlackEventMiddlewareArgs<'app_uninstalled'> & AllMiddlewareArgs) => {
    const target = targetOf(body, context);
    if (!installations) {
      logger.warn(
        `Slack reports that Pipeline was uninstalled from ${describeTarget(target)}; SLACK_BOT_TOKEN no longer works there.`,
      );
      return;
    }
    const eventTime = eventTimeOf(body);
    const deleted = await installations.uninstall(target, eventTime ? { eventTime } : {});
    logger.info(
      deleted > 0
        ? `Pipeline was uninstalled from ${describeTarget(target)}: its tokens are deleted, its pipeline data is kept.`
        : `Pipeline was uninstalled from ${describeTarget(target)}: no installation was stored any more.`,
    );
  };
}

export function tokensRevokedListener(installations: InstallationLifecycle | undefined) {
  return async ({ event, body, context, logger }: SlackEventMiddlewareArgs<'tokens_revoked'> & AllMiddlewareArgs) => {
    const target = targetOf(body, context);
    const bot = (event.tokens.bot ?? []).length > 0;
    const userIds = event.tokens.oauth ?? [];
    if (!installations) {
      if (bot) logger.warn(`Slack reports that the bot token for ${describeTarget(target)} was revoked.`);
      return;
    }
    const eventTime = eventTimeOf(body);
    const outcome = await installations.revokeTokens(target, { bot, userIds }, eventTime ? { eventTime } : {});
    if (outcome.deleted) {
      logger.info(
        `The bot token for ${describeTarget(target)} was revoked: its installation is deleted, its data is kept.`,
      );
    } else if (outcome.userTokensRemoved > 0) {
      logger.info(`${outcome.userTokensRemoved} user token(s) for ${describeTarget(target)} were revoked and removed.`);
    }
  };
}

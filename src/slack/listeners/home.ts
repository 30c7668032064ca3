// App Home: the user's open tasks ("My tasks"), then open opportunities by stage, with totals and the
// same quick actions as cards: a rep's own, the team's for managers and admins (with its totals by
// stage and by salesperson), one page at a time.
import { requestContext } from '../request-context.ts';
import type { RequestContext } from '../../usecases/index.ts';
import { presenterFor } from '../../i18n/presenter.ts';
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { HOME_TASKS_MAX, homeView } from '../blocks/index.ts';
import { workspaceOf } from '../workspace.ts';
import type { SlackDeps, WebClient } from './support.ts';

/**
 * Publishes the user's Home tab, built afresh from their pipeline, at the page that starts after
 * `offset` open opportunities (the first page when that is past the end).
 */
export async function publishHome(
  deps: SlackDeps,
  client: WebClient,
  ctx: RequestContext,
  offset: number = 0,
): Promise<void> {
  const [home, tasks, notifications, muteChoices] = await Promise.all([
    deps.useCases.opportunities.home(ctx, { offset }),
    deps.useCases.tasks.list(ctx, { limit: HOME_TASKS_MAX + 1 }),
    deps.useCases.notifications.settings(ctx),
    deps.useCases.notifications.muteChoices(ctx),
  ]);
  const view = homeView(presenterFor(ctx.locale), {
    userId: ctx.actor.userId,
    ...home,
    tasks,
    notifications,
    muteChoices,
  });
  await client.views.publish({ user_id: ctx.actor.userId, view });
}

export function appHomeOpenedListener(deps: SlackDeps) {
  return async ({
    event,
    client,
    logger,
    context,
  }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    try {
      // The workspace Bolt authorised the event for (the envelope's team_id must agree: ../workspace.ts).
      const workspaceId = workspaceOf(context);
      const user = await deps.users.resolve(client, workspaceId, event.user);
      await publishHome(deps, client, requestContext(deps, { workspaceId, user, surface: 'home' }));
    } catch (error) {
      logger.error(error);
    }
  };
}

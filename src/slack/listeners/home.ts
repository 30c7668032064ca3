// App Home: the user's open opportunities by stage, with totals and the same quick actions as cards.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { homeView } from '../blocks/index.ts';
import { workspaceOf } from '../workspace.ts';
import type { SlackDeps, WebClient } from './support.ts';

export async function publishHome(
  deps: SlackDeps,
  client: WebClient,
  workspaceId: string,
  userId: string,
): Promise<void> {
  const { setup, queries } = deps.services;
  const [settings, cycles, open] = await Promise.all([
    setup.workspaceSettings(workspaceId),
    setup.listSalesCyclesWithStages(workspaceId),
    queries.list(workspaceId, { status: 'open', salespersonSlackUserId: userId }, 200),
  ]);
  await client.views.publish({
    user_id: userId,
    view: homeView({ userId, opportunities: open.items, cycles, currency: settings.currency }),
  });
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
      await publishHome(deps, client, workspaceOf(context), event.user);
    } catch (error) {
      logger.error(error);
    }
  };
}

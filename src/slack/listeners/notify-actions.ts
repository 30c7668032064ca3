// App Home's Notifications section: each select and Unmute button changes the clicker's own settings
// (the user is the one Slack signed the payload for), then Home is published again. The selected
// values are read strictly (zod): anything else changes nothing.
import { z } from 'zod';
import { NOTIFICATION_CATEGORIES, NOTIFICATION_MODES } from '../../domain/notifications.ts';
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION_IDS } from '../ids.ts';
import { requestContext } from '../request-context.ts';
import { workspaceOf } from '../workspace.ts';
import { opportunityNoFrom } from './button-values.ts';
import { publishHome } from './home.ts';
import type { SlackDeps } from './support.ts';
import type { RequestContext } from '../../usecases/index.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

const TIME = z.string().regex(/^([01]\d|2[0-3]):[03]0$/);
const MODE_VALUE = z
  .string()
  .transform((value) => value.split(':'))
  .pipe(z.tuple([z.enum(NOTIFICATION_CATEGORIES), z.enum(NOTIFICATION_MODES)]));

/** The selected option's value, or the button's. */
function valueOf(action: BlockAction['actions'][number]): string {
  if ('selected_option' in action && action.selected_option) return action.selected_option.value ?? '';
  return 'value' in action && typeof action.value === 'string' ? action.value : '';
}

/** Quiet hours as the Home section shows them (a select each), from the current settings and one change. */
function quietFrom(current: { start: string; end: string } | null, change: { start?: string | null; end?: string }) {
  if (change.start === null) return null;
  const start = change.start ?? current?.start ?? '22:00';
  const end = change.end ?? current?.end ?? '07:00';
  return start === end ? null : { start, end };
}

function homeAction(deps: SlackDeps, work: (ctx: RequestContext, value: string) => Promise<void>) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    try {
      const workspaceId = workspaceOf(args.context);
      const user = await deps.users.resolve(args.client, workspaceId, args.body.user.id);
      const ctx = requestContext(deps, { workspaceId, user, surface: 'home' });
      await work(ctx, valueOf(args.action).slice(0, 100));
      await publishHome(deps, args.client, ctx);
    } catch (error) {
      args.logger.error(error);
    }
  };
}

export function notifyActionListeners(deps: SlackDeps): Record<string, (args: ActionArgs) => Promise<void>> {
  const notifications = deps.useCases.notifications;
  return {
    [ACTION_IDS.notifyMode]: homeAction(deps, async (ctx, value) => {
      const parsed = MODE_VALUE.safeParse(value);
      if (!parsed.success) return;
      const [category, mode] = parsed.data;
      await notifications.change(ctx, { modes: { [category]: mode } });
    }),
    [ACTION_IDS.notifySummaryAt]: homeAction(deps, async (ctx, value) => {
      const parsed = TIME.safeParse(value);
      if (parsed.success) await notifications.change(ctx, { summaryAt: parsed.data });
    }),
    [ACTION_IDS.notifyQuietStart]: homeAction(deps, async (ctx, value) => {
      const parsed = TIME.or(z.literal('off')).safeParse(value);
      if (!parsed.success) return;
      const current = await notifications.settings(ctx);
      const quiet = quietFrom(current.quiet, { start: parsed.data === 'off' ? null : parsed.data });
      await notifications.change(ctx, { quiet });
    }),
    [ACTION_IDS.notifyQuietEnd]: homeAction(deps, async (ctx, value) => {
      const parsed = TIME.safeParse(value);
      if (!parsed.success) return;
      const current = await notifications.settings(ctx);
      await notifications.change(ctx, { quiet: quietFrom(current.quiet, { end: parsed.data }) });
    }),
    // App Home's select of one's own open opportunities (a notification's Mute button is in actions.ts).
    [ACTION_IDS.notifyMute]: homeAction(deps, async (ctx, value) => {
      await notifications.mute(ctx, { no: opportunityNoFrom(value), muted: true });
    }),
    [ACTION_IDS.notifyUnmute]: homeAction(deps, async (ctx, value) => {
      await notifications.mute(ctx, { no: opportunityNoFrom(value), muted: false });
    }),
  };
}

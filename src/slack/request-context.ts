// The use cases' request context (src/usecases/context.ts) for a Slack request: the workspace Bolt
// authorised, the acting user as Slack describes them (time zone, locale: see ./user-context.ts), the
// surface and channel the request came from. The role is read when a use case first needs it.
import { memberLoader, type RequestContext, type Surface } from '../usecases/context.ts';
import type { SlackDeps } from './listeners/support.ts';
import type { UserContext } from './user-context.ts';

export function requestContext(
  deps: Pick<SlackDeps, 'services'>,
  request: { workspaceId: string; user: UserContext; surface: Surface; channelId?: string | undefined },
): RequestContext {
  const { workspaceId, user } = request;
  return {
    workspaceId,
    actor: { userId: user.userId, displayName: user.displayName },
    ...memberLoader(() => deps.services.members.access(workspaceId, user.userId)),
    now: user.now,
    today: user.today,
    timeZone: user.timeZone,
    locale: user.locale,
    surface: request.surface,
    channelId: request.channelId,
  };
}

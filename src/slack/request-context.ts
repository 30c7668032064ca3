// The use cases' request context (src/usecases/context.ts) for a Slack request: the workspace Bolt
// authorised, the acting user as Slack describes them (time zone, locale: see ./user-context.ts), the
// surface and channel the request came from. The role was read with the user (one statement with their
// chosen language, see MemberService.requester); otherwise when a use case first needs it.
import { memberLoader, type RequestContext, type Surface } from '../usecases/context.ts';
import type { SlackDeps } from './listeners/support.ts';
import type { UserContext } from './user-context.ts';

export function requestContext(
  deps: Pick<SlackDeps, 'services'>,
  request: { workspaceId: string; user: UserContext; surface: Surface; channelId?: string | undefined },
): RequestContext {
  const { workspaceId, user } = request;
  const member = memberLoader(() => deps.services.members.access(workspaceId, user.userId));
  // Read with the user's chosen language at the start of this request: no second read.
  if (user.access) member.knowMember(user.access);
  return {
    workspaceId,
    actor: { userId: user.userId, displayName: user.displayName },
    ...member,
    now: user.now,
    today: user.today,
    timeZone: user.timeZone,
    locale: user.locale,
    surface: request.surface,
    channelId: request.channelId,
  };
}

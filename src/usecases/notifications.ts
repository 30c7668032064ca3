// A person's own notifications: what they hear about, when, and which opportunities they muted. Each
// member sets only their own (the actor's), so no role is needed; muting names an opportunity of the
// workspace (one that does not exist is refused).
import { DomainError } from '../domain/problems.ts';
import type { Services } from '../services/index.ts';
import type { MuteChoice, PersonNotifications, PreferencesChange } from '../services/notifications.ts';
import type { RequestContext } from './context.ts';

export class NotificationUseCases {
  constructor(private readonly services: Services) {}

  settings(ctx: RequestContext): Promise<PersonNotifications> {
    return this.services.notifications.preferences(ctx.workspaceId, ctx.actor.userId);
  }

  /** Saves the change (turning notifications back on if Slack had them turned off); the settings after it. */
  change(ctx: RequestContext, change: PreferencesChange): Promise<PersonNotifications> {
    return this.services.notifications.changePreferences(ctx.workspaceId, ctx.actor.userId, change);
  }

  /** The actor's own open opportunities not muted yet, at most 100 (a select's limit). */
  muteChoices(ctx: RequestContext): Promise<MuteChoice[]> {
    return this.services.notifications.muteChoices(ctx.workspaceId, ctx.actor.userId, 100);
  }

  async mute(ctx: RequestContext, input: { no: string; muted: boolean }): Promise<PersonNotifications> {
    const found = await this.services.notifications.mute(ctx.workspaceId, ctx.actor.userId, input.no, input.muted);
    if (!found) throw new DomainError({ kind: 'opportunity-not-found', no: input.no });
    return this.settings(ctx);
  }
}

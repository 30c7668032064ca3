// Channel alerts (`/opp alert …`, `/opp alerts`, `/opp alert remove <id>`): managers and admins decide
// which channels hear about which changes. Everything a person typed is checked here before anything
// is written: the channel (can the bot post there?), the person of an owner filter, the cycle.
import { type AlertKind, DEFAULT_ALERT_KINDS, type ValueFilter } from '../domain/alerts.ts';
import { DomainError } from '../domain/problems.ts';
import type { Alert } from '../services/alerts.ts';
import type { Services } from '../services/index.ts';
import type { RequestContext } from './context.ts';
import type { Guard } from './guard.ts';

/** Whether the bot can post in a channel, as Slack says (the adapter asks it). */
export type ChannelReach = 'ok' | 'archived' | 'not-member' | 'not-found';

/** What the use case asks Slack through its adapter. */
export interface AlertDirectory {
  channelReach(channelId: string): Promise<ChannelReach>;
  /** False for a user Slack does not know, a deactivated one or a bot. */
  isPerson(userId: string): Promise<boolean>;
}

export interface NewAlert {
  /** Absent: the channel the command was typed in. */
  channelId?: string | undefined;
  /** Empty: the default kinds (won and lost). */
  kinds: readonly AlertKind[];
  value?: ValueFilter | undefined;
  cycle?: string | undefined;
  owner?: string | undefined;
}

/** A team channel (C…, G…): alerts are for a team, not for a direct message. */
const TEAM_CHANNEL = /^[CG][A-Z0-9]{2,31}$/;

export class AlertUseCases {
  constructor(
    private readonly services: Pick<Services, 'alerts' | 'setup'>,
    private readonly guard: Guard,
  ) {}

  /** The alert added, and the workspace's currency (its value filter is an amount in it). */
  async add(
    ctx: RequestContext,
    input: NewAlert,
    directory: AlertDirectory,
  ): Promise<{ alert: Alert; currency: string }> {
    await this.guard.require(ctx, 'manage-alerts');
    const channelId = input.channelId ?? ctx.channelId;
    if (channelId === undefined || !TEAM_CHANNEL.test(channelId))
      throw new DomainError({ kind: 'alert-channel-unusable', channelId: null, reason: 'not-a-channel' });
    const reach = await directory.channelReach(channelId);
    if (reach !== 'ok') throw new DomainError({ kind: 'alert-channel-unusable', channelId, reason: reach });
    if (input.owner !== undefined && !(await directory.isPerson(input.owner)))
      throw new DomainError({ kind: 'alert-person-unknown', slackUserId: input.owner });
    const kinds = input.kinds.length === 0 ? DEFAULT_ALERT_KINDS : [...new Set(input.kinds)];
    const alert = await this.services.alerts.add(
      ctx.workspaceId,
      {
        channelId,
        kinds,
        filters: { value: input.value ?? null, cycle: input.cycle ?? null, owner: input.owner ?? null },
        createdBySlackUserId: ctx.actor.userId,
      },
      ctx.now,
    );
    return { alert, currency: (await this.services.setup.workspaceSettings(ctx.workspaceId)).currency };
  }

  /** The workspace's alerts, disabled ones included, and its currency. */
  async list(ctx: RequestContext): Promise<{ alerts: Alert[]; currency: string }> {
    await this.guard.require(ctx, 'manage-alerts');
    const [alerts, settings] = await Promise.all([
      this.services.alerts.list(ctx.workspaceId),
      this.services.setup.workspaceSettings(ctx.workspaceId),
    ]);
    return { alerts, currency: settings.currency };
  }

  /** Ends the alert; refused with a sentence when the workspace has no alert with that id. */
  async remove(ctx: RequestContext, id: number): Promise<Alert> {
    await this.guard.require(ctx, 'manage-alerts');
    const removed = await this.services.alerts.remove(ctx.workspaceId, id);
    if (!removed) throw new DomainError({ kind: 'alert-not-found', id });
    return removed;
  }
}

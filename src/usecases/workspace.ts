// The workspace itself: who holds which role, its settings, and deleting all of its data.
import type { Role } from '../domain/permissions.ts';
import type { InputLanguage } from '../domain/typed-input/language.ts';
import type { Services } from '../services/index.ts';
import type { SettingsChange } from '../services/workspace.ts';
import type { RequestContext } from './context.ts';
import type { Guard } from './guard.ts';

export class WorkspaceUseCases {
  constructor(
    private readonly services: Services,
    private readonly guard: Guard,
  ) {}

  /**
   * When the workspace has no admin yet (run with a bot token, where nobody installed the app through
   * Slack; or one whose data was deleted), the first person to use it becomes its admin: true then.
   */
  async claimFirstAdmin(ctx: RequestContext): Promise<boolean> {
    // The usual case is answered by the request's read of who asks (RequestContext.member).
    const access = await ctx.member();
    if (access.workspaceHasAdmin) return false;
    const claimed = await this.services.members.claimFirstAdmin(ctx.workspaceId, ctx.actor.userId);
    // What follows in this request sees the role just given.
    if (claimed) ctx.knowMember({ ...access, role: 'admin', workspaceHasAdmin: true });
    return claimed;
  }

  async setRole(ctx: RequestContext, input: { userId: string; role: Role }) {
    await this.guard.require(ctx, 'change-roles');
    return this.services.members.setRole(ctx.workspaceId, ctx.actor.userId, input.userId, input.role);
  }

  roles(ctx: RequestContext) {
    return this.services.members.list(ctx.workspaceId);
  }

  /** The settings as the actor reads them (anyone in the workspace may). */
  async settings(ctx: RequestContext) {
    const [settings, access] = await Promise.all([
      this.services.setup.workspaceSettings(ctx.workspaceId),
      ctx.member(),
    ]);
    return { ...settings, repsSeeOnlyOwn: access.repsSeeOnlyOwn, repsAddContacts: access.repsAddContacts };
  }

  /** The currency the workspace's amounts are in (ISO 4217): what a typed amount must be written in. */
  async currency(ctx: Pick<RequestContext, 'workspaceId'>): Promise<string> {
    return (await this.services.setup.workspaceSettings(ctx.workspaceId)).currency;
  }

  async changeSettings(ctx: RequestContext, change: SettingsChange) {
    await this.guard.require(ctx, 'change-settings');
    return this.services.setup.changeSettings(ctx.workspaceId, change);
  }

  /** The language the actor chose (null: their Slack locale's) and, when given, a channel's. */
  async languages(ctx: RequestContext, input: { channelId?: string | undefined }) {
    const [own, channel] = await Promise.all([
      this.services.languages.memberChoice(ctx.workspaceId, ctx.actor.userId),
      input.channelId === undefined
        ? Promise.resolve(undefined)
        : this.services.languages.channelLanguage(ctx.workspaceId, input.channelId),
    ]);
    return { own, channel };
  }

  /** The actor's own language (anyone may choose theirs); null: follow their Slack locale again. */
  chooseOwnLanguage(ctx: RequestContext, input: { language: InputLanguage | null }) {
    return this.services.languages.chooseForMember(ctx.workspaceId, ctx.actor.userId, input.language);
  }

  /** The language of a channel's posts (null: the workspace's); the channel's language after it. */
  async chooseChannelLanguage(ctx: RequestContext, input: { channelId: string; language: InputLanguage | null }) {
    await this.guard.require(ctx, 'set-channel-language');
    await this.services.languages.chooseForChannel(ctx.workspaceId, input.channelId, input.language, ctx.actor.userId);
    return this.services.languages.channelLanguage(ctx.workspaceId, input.channelId);
  }

  /** What deleting the workspace's data would delete (the confirmation then deletes it). */
  async deletionPreview(ctx: RequestContext) {
    await this.guard.require(ctx, 'delete-workspace');
    return this.services.workspaceAdmin.preview(ctx.workspaceId);
  }

  /** Deletes the workspace's data, if the actor is (still) allowed to. */
  async deleteData(ctx: RequestContext) {
    await this.guard.require(ctx, 'delete-workspace');
    return this.services.workspaceAdmin.deleteWorkspaceData(ctx.workspaceId);
  }
}

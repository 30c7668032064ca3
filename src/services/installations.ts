// Where each workspace's installation of the app lives in OAuth (distributed) mode, over the
// `installation` table. Its methods have the shape of Bolt's InstallationStore, so src/app.ts hands it to
// Bolt as `InstallationService<Installation>` while this layer imports nothing of Slack's SDK. The whole Installation object Slack's OAuth flow
// produced (tokens included) is stored encrypted in `data` (AES-256-GCM, the row's install key bound in);
// the plain columns only say whose installation it is. One row per installation target:
// `T:<team id>`, or `E:<enterprise id>` for an org-wide install.
//
// Uninstalling and revoked tokens remove tokens only: opportunities, contacts, settings and members stay,
// so a workspace that installs the app again finds its pipeline as it left it.
import { z } from 'zod';
import type { SqlDatabase } from '../store/kysely.ts';
import { type TokenCipher, TokenDecryptionError } from '../store/token-crypto.ts';
import { type Clock, systemClock } from './clock.ts';
import { transaction } from './db.ts';
import { ensureWorkspace } from './workspace.ts';
import { ensureFirstAdmin } from './members.ts';

/** Which installation an event or a lookup is about. A plain string is a team (workspace) id. */
export type InstallTarget =
  | string
  | { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined };

/** No installation is stored for the workspace (never installed, uninstalled, or its bot token revoked). */
export class NotInstalledError extends Error {
  constructor(readonly target: string) {
    super(
      `Pipeline is not installed in ${target}: it was never installed there, or it was uninstalled or its bot token revoked. Install it again from /slack/install.`,
    );
    this.name = 'NotInstalledError';
  }
}

// What we rely on in a decrypted Installation; everything else is kept as Slack's OAuth flow gave it.
const storedInstallation = z.looseObject({
  team: z.looseObject({ id: z.string() }).optional(),
  enterprise: z.looseObject({ id: z.string() }).optional(),
  user: z.looseObject({ id: z.string(), token: z.string().optional() }),
  bot: z.looseObject({ token: z.string(), userId: z.string(), id: z.string().optional() }).optional(),
  isEnterpriseInstall: z.boolean().optional(),
});

export function installKeyOf(target: InstallTarget): string {
  if (typeof target === 'string') return `T:${target}`;
  if (target.isEnterpriseInstall === true && target.enterpriseId) return `E:${target.enterpriseId}`;
  if (target.teamId) return `T:${target.teamId}`;
  if (target.enterpriseId) return `E:${target.enterpriseId}`;
  throw new Error('An installation needs a team id, or an enterprise id for an org-wide install.');
}

/** The keys to look at, most specific first: a workspace of an org-wide install falls back to the org's row. */
function lookupKeys(target: InstallTarget): string[] {
  const keys = [installKeyOf(target)];
  if (typeof target !== 'string' && target.enterpriseId && !keys.includes(`E:${target.enterpriseId}`)) {
    keys.push(`E:${target.enterpriseId}`);
  }
  return keys;
}

/** "workspace T…" or "organization E…", for log lines. */
export function describeTarget(target: InstallTarget): string {
  if (typeof target === 'string') return `workspace ${target}`;
  if (target.isEnterpriseInstall === true && target.enterpriseId) return `organization ${target.enterpriseId}`;
  return target.teamId ? `workspace ${target.teamId}` : `organization ${target.enterpriseId ?? '(unknown)'}`;
}

/** What the service relies on in an installation Slack's OAuth flow produced (Bolt's `Installation`). */
export interface InstallationRecord {
  team?: { id: string; name?: string | undefined } | undefined;
  enterprise?: { id: string; name?: string | undefined } | undefined;
  user: { id: string; token?: string | undefined; refreshToken?: string | undefined; expiresAt?: number | undefined };
  bot?: { token: string; userId: string; id?: string | undefined } | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

/** Which installation Bolt asks for (its `InstallationQuery`). */
export interface InstallationLookup {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
  userId?: string | undefined;
}

/** Where a completed installation is reported (Bolt's logger). */
export interface InstallLog {
  info(message: string): void;
}

function withoutUserToken<I extends InstallationRecord>(installation: I): I {
  const { token: _token, refreshToken: _refresh, expiresAt: _expires, ...user } = installation.user;
  return { ...installation, user: { ...user, token: undefined } };
}

/** `I`: the installation type of the OAuth library in use (src/app.ts: Bolt's Installation). */
export class InstallationService<I extends InstallationRecord = InstallationRecord> {
  constructor(
    private readonly db: SqlDatabase,
    private readonly cipher: TokenCipher,
    /** When an install happens; compared with the times of Slack's events about it. */
    private readonly clock: Clock = systemClock,
  ) {}

  /**
   * Called by Bolt at the end of a successful OAuth flow. Stores the installation (replacing an earlier
   * one for the same target), creates the workspace row and makes the installing user the workspace's
   * first admin (when it has no admin yet).
   */
  async storeInstallation(installation: I, logger?: InstallLog): Promise<void> {
    const enterpriseInstall = installation.isEnterpriseInstall === true;
    const target = {
      teamId: installation.team?.id,
      enterpriseId: installation.enterprise?.id,
      isEnterpriseInstall: enterpriseInstall,
    };
    const installKey = installKeyOf(target);
    const data = this.cipher.encrypt(JSON.stringify(installation), installKey);
    const installedAt = this.clock.now();
    const columns = {
      team_id: enterpriseInstall ? null : (installation.team?.id ?? null),
      enterprise_id: installation.enterprise?.id ?? null,
      is_enterprise_install: enterpriseInstall,
      bot_user_id: installation.bot?.userId ?? null,
      installer_user_id: installation.user.id,
      data,
      installed_at: installedAt,
      updated_at: installedAt,
    };
    await transaction(this.db, async (tx) => {
      await tx
        .insertInto('installation')
        .values({ install_key: installKey, ...columns })
        .onConflict((oc) => oc.column('install_key').doUpdateSet(columns))
        .execute();
      const teamId = installation.team?.id;
      // An org-wide install names no workspace: each one gets its row on first use.
      if (!enterpriseInstall && teamId) {
        await ensureWorkspace(tx, teamId, installation.team?.name?.slice(0, 100) ?? '');
        await ensureFirstAdmin(tx, teamId, installation.user.id, installedAt);
      }
    });
    logger?.info(`Pipeline installed in ${describeTarget(target)} by ${installation.user.id}.`);
  }

  /**
   * Called by Bolt's authorize for every incoming request. Throws when nothing is installed for the
   * request's workspace (Bolt then runs no listener) or when the row cannot be decrypted.
   * The installer's user token is handed out only for the installer's own requests.
   */
  async fetchInstallation(query: InstallationLookup, _logger?: InstallLog): Promise<I> {
    const found = await this.load(query);
    if (!found) throw new NotInstalledError(describeTarget(query));
    const { installation } = found;
    if (query.userId !== undefined && query.userId !== installation.user.id && installation.user.token) {
      return withoutUserToken(installation);
    }
    return installation;
  }

  /** Bolt's optional delete: with a user id only that user's token goes, otherwise the whole installation. */
  async deleteInstallation(query: InstallationLookup, _logger?: InstallLog): Promise<void> {
    if (query.userId !== undefined) await this.revokeTokens(query, { bot: false, userIds: [query.userId] });
    else await this.uninstall(query);
  }

  /**
   * `tokens_revoked`: a revoked bot token leaves nothing to act with, so the installation is deleted;
   * revoked user tokens are removed from the stored installation. Idempotent, in any order with
   * `app_uninstalled`. `eventTime`: an installation stored after it (a re-install) is left alone.
   */
  async revokeTokens(
    target: InstallTarget,
    revoked: { bot: boolean; userIds: readonly string[] },
    options: { eventTime?: Date } = {},
  ): Promise<{ deleted: boolean; userTokensRemoved: number }> {
    if (revoked.bot) {
      const deleted = await this.uninstall(target, options);
      return { deleted: deleted > 0, userTokensRemoved: 0 };
    }
    if (revoked.userIds.length === 0) return { deleted: false, userTokensRemoved: 0 };
    const installKey = installKeyOf(target);
    return transaction(this.db, async (tx) => {
      const row = await tx
        .selectFrom('installation')
        .select(['data', 'installed_at'])
        .where('install_key', '=', installKey)
        .executeTakeFirst();
      if (!row || (options.eventTime && row.installed_at > options.eventTime)) {
        return { deleted: false, userTokensRemoved: 0 };
      }
      const installation = this.decode(row.data, installKey);
      if (!revoked.userIds.includes(installation.user.id) || installation.user.token === undefined) {
        return { deleted: false, userTokensRemoved: 0 };
      }
      const data = this.cipher.encrypt(JSON.stringify(withoutUserToken(installation)), installKey);
      await tx
        .updateTable('installation')
        .set({ data, updated_at: this.clock.now() })
        .where('install_key', '=', installKey)
        .execute();
      return { deleted: false, userTokensRemoved: 1 };
    });
  }

  /**
   * `app_uninstalled`: deletes the installation (tokens) of the team or organization. Business data is
   * kept. Returns the number of rows deleted (0 when already gone). `eventTime`: see revokeTokens.
   */
  async uninstall(target: InstallTarget, options: { eventTime?: Date } = {}): Promise<number> {
    const installKey = installKeyOf(target);
    let deletion = this.db.deleteFrom('installation').where('install_key', '=', installKey);
    if (options.eventTime) deletion = deletion.where('installed_at', '<=', options.eventTime);
    const result = await deletion.executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** The bot token for background work in a workspace (digests); NotInstalledError when there is none. */
  async botTokenFor(workspaceId: string): Promise<string> {
    const found = await this.load(workspaceId);
    const token = found?.installation.bot?.token;
    if (!token) throw new NotInstalledError(`workspace ${workspaceId}`);
    return token;
  }

  /**
   * Checked when the app starts: the key opens the most recently stored installation (if any), so a
   * wrong TOKEN_ENCRYPTION_KEY stops the start with a sentence instead of failing every request.
   */
  async verifyKey(): Promise<void> {
    const row = await this.db
      .selectFrom('installation')
      .select(['data', 'install_key'])
      .orderBy('updated_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (row) this.decode(row.data, row.install_key);
  }

  /** Whether an installation is stored for the workspace (or its organization). */
  async isInstalled(target: InstallTarget): Promise<boolean> {
    const row = await this.db
      .selectFrom('installation')
      .select('id')
      .where('install_key', 'in', lookupKeys(target))
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  private async load(target: InstallTarget): Promise<{ installKey: string; installation: I } | undefined> {
    for (const installKey of lookupKeys(target)) {
      const row = await this.db
        .selectFrom('installation')
        .select('data')
        .where('install_key', '=', installKey)
        .executeTakeFirst();
      if (row) return { installKey, installation: this.decode(row.data, installKey) };
    }
    return undefined;
  }

  private decode(data: string, installKey: string): I {
    const json = this.cipher.decrypt(data, installKey);
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (error) {
      throw new TokenDecryptionError(`The stored installation ${installKey} is not valid JSON.`, { cause: error });
    }
    const checked = storedInstallation.safeParse(parsed);
    if (!checked.success) {
      throw new TokenDecryptionError(`The stored installation ${installKey} does not have the shape Slack gives.`);
    }
    // Checked above for the fields we use; the rest is Slack's own Installation, stored as it came.
    return parsed as I;
  }
}

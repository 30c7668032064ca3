// People's roles in a workspace: admin, manager or rep. Nobody has a row until a role is granted;
// without one a person is a rep. The first admin is the installing user (OAuth installs) or, where
// nobody installed through Slack (one workspace with a bot token), the first person to use /opp.
import { sql } from 'kysely';
import { removesLastAdmin, type Role } from '../domain/permissions.ts';
import { DomainError } from '../domain/problems.ts';
import type { Role as DbRole } from '../generated/kysely/types.ts';
import type { InputLanguage } from '../domain/typed-input/language.ts';
import type { SqlDatabase } from '../store/kysely.ts';
import type { Clock } from './clock.ts';
import { transaction } from './db.ts';
import { asLanguage } from './languages.ts';
import { statementShapes } from '../store/statement-shapes.ts';
import { ensureWorkspace } from './workspace.ts';

export type { Role };

const ROLE_TO_DB: Record<Role, DbRole> = { admin: 'ADMIN', manager: 'MANAGER', rep: 'REP' };
const ROLE_FROM_DB: Record<DbRole, Role> = { ADMIN: 'admin', MANAGER: 'manager', REP: 'rep' };

/**
 * Makes `slackUserId` the workspace's admin when it has none yet (the installing user, or the first
 * person to use /opp). Claims are serialised on the workspace row (which must exist), so an install and
 * a first command arriving at once do not both make an admin. `db`: the caller's transaction; `at`: when.
 */
export async function ensureFirstAdmin(
  db: SqlDatabase,
  workspaceId: string,
  slackUserId: string,
  at: Date,
): Promise<boolean> {
  // Two statements: the second reads with a snapshot taken after the lock is granted, so it sees an
  // admin that a claim holding the lock before us has committed.
  await db.selectFrom('workspace').select('id').where('id', '=', workspaceId).forUpdate().execute();
  const found = await db
    .selectNoFrom((eb) =>
      eb
        .exists(
          eb
            .selectFrom('member')
            .select(sql.lit(1).as('one'))
            .where('workspace_id', '=', workspaceId)
            .where('role', '=', 'ADMIN'),
        )
        .as('has_admin'),
    )
    .executeTakeFirst();
  if (found?.has_admin) return false;
  await db
    .insertInto('member')
    .values({
      workspace_id: workspaceId,
      slack_user_id: slackUserId,
      role: 'ADMIN',
      granted_by: slackUserId,
      updated_at: at,
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'slack_user_id']).doUpdateSet({ role: 'ADMIN', updated_at: at }))
    .execute();
  return true;
}

/** What the authorization of one request needs to know about the person and the workspace. */
export interface Access {
  userId: string;
  role: Role;
  /** The workspace setting: reps read only their own opportunities. */
  repsSeeOnlyOwn: boolean;
  /** The workspace setting: reps and managers add contacts too. */
  repsAddContacts: boolean;
  /** Whether the workspace has an admin yet (without one, the first person to use /opp becomes it). */
  workspaceHasAdmin: boolean;
}

/** What a request needs to know about the person asking, read fresh in one statement (see `requester`). */
export interface Requester {
  access: Access;
  /** The language they chose with `/opp language`; null: their Slack locale's. */
  chosenLanguage: InputLanguage | null;
}

export interface RoleChange {
  userId: string;
  previous: Role;
  role: Role;
  changed: boolean;
}

export interface RoleList {
  admins: string[];
  managers: string[];
}

export class MemberService {
  constructor(
    private readonly db: SqlDatabase,
    /** When a role is given (the roles are listed in that order). */
    private readonly clock: Clock,
  ) {}

  /**
   * The person's role and the workspace's rules, read fresh (never cached: roles change), in one
   * statement: every request is authorized with it.
   */
  async access(workspaceId: string, userId: string): Promise<Access> {
    return (await this.readAccess(workspaceId, userId, { opportunityNo: null, language: false })).access;
  }

  /**
   * The same and the language the person chose, still in one statement and never cached (a role given or
   * a language chosen through another instance counts at once): what a request reads about who asks
   * before anything else.
   */
  async requester(workspaceId: string, userId: string): Promise<Requester> {
    const { access, language } = await this.readAccess(workspaceId, userId, { opportunityNo: null, language: true });
    return { access, chosenLanguage: asLanguage(language) };
  }

  /**
   * The same, and who owns opportunity `no` (its salesperson's Slack user; `owner` null when there is no
   * such opportunity in the workspace), still in one statement.
   */
  async accessTo(
    workspaceId: string,
    userId: string,
    no: string,
  ): Promise<{ access: Access; owner: { no: string; ownerId: string | null } | null }> {
    const normalised = no.trim().toUpperCase();
    const { access, found, ownerId } = await this.readAccess(workspaceId, userId, {
      opportunityNo: normalised,
      language: false,
    });
    return { access, owner: found ? { no: normalised, ownerId } : null };
  }

  private async readAccess(
    workspaceId: string,
    userId: string,
    also: { opportunityNo: string | null; language: boolean },
  ) {
    // One row whatever exists: the role, the settings and the choice as scalar subqueries, the owner
    // left-joined. Every request reads it first, so it is built once per shape
    // (src/store/statement-shapes.ts): every value below comes from `v`, the key names the rest.
    const values = { workspaceId, userId, ...(also.opportunityNo === null ? {} : { no: also.opportunityNo }) };
    const shape = `readAccess${also.opportunityNo === null ? '' : ' owner'}${also.language ? ' language' : ''}`;
    const build = (v: typeof values) =>
      this.db
        .selectFrom(sql<{ one: number }>`(SELECT 1)`.as('one'))
        .leftJoin(
          (eb) =>
            eb
              .selectFrom('opportunity as o')
              .innerJoin('salesperson as sp', 'sp.id', 'o.salesperson_id')
              .select((eb) => [eb.lit(true).as('found'), 'sp.slack_user_id'])
              .where('o.workspace_id', '=', v.workspaceId)
              .where((eb) => (v.no === undefined ? eb.lit(false) : eb('o.no', '=', v.no)))
              .as('owner'),
          (join) => join.onTrue(),
        )
        .leftJoin(
          (eb) =>
            eb
              .selectFrom('workspace as w')
              .select(['w.reps_see_only_own', 'w.reps_add_contacts'])
              .where('w.id', '=', v.workspaceId)
              .as('settings'),
          (join) => join.onTrue(),
        )
        .select((eb) => [
          eb
            .selectFrom('member as m')
            .select('m.role')
            .where('m.workspace_id', '=', v.workspaceId)
            .where('m.slack_user_id', '=', v.userId)
            .as('role'),
          eb
            .exists(
              eb
                .selectFrom('member as a')
                .select(sql.lit(1).as('one'))
                .where('a.workspace_id', '=', v.workspaceId)
                .where('a.role', '=', 'ADMIN'),
            )
            .as('has_admin'),
          eb
            .selectFrom('language_choice as l')
            .select('l.language')
            .where('l.workspace_id', '=', v.workspaceId)
            .where('l.scope', '=', 'member')
            .where('l.subject_id', '=', v.userId)
            // Only when asked for: the subquery is then one that never matches.
            .where((eb) => eb.lit(also.language))
            .as('language'),
          'settings.reps_see_only_own',
          'settings.reps_add_contacts',
          'owner.found',
          'owner.slack_user_id as owner_id',
        ]);
    const row = (await statementShapes.execute(this.db, shape, values, build)).rows[0];
    const access: Access = {
      userId,
      role: row?.role ? ROLE_FROM_DB[row.role] : 'rep',
      repsSeeOnlyOwn: row?.reps_see_only_own ?? false,
      // A workspace not created yet has the column's default.
      repsAddContacts: row?.reps_add_contacts ?? true,
      workspaceHasAdmin: row?.has_admin === true,
    };
    return { access, found: row?.found === true, ownerId: row?.owner_id ?? null, language: row?.language ?? null };
  }

  /** When the workspace has no admin, `userId` becomes it (true); see ensureFirstAdmin. */
  async claimFirstAdmin(workspaceId: string, userId: string): Promise<boolean> {
    // The usual case, without a transaction: the workspace has its admin.
    const admin = await this.db
      .selectFrom('member')
      .select('slack_user_id')
      .where('workspace_id', '=', workspaceId)
      .where('role', '=', 'ADMIN')
      .limit(1)
      .executeTakeFirst();
    if (admin) return false;
    return transaction(this.db, async (tx) => {
      await ensureWorkspace(tx, workspaceId);
      return ensureFirstAdmin(tx, workspaceId, userId, this.clock.now());
    });
  }

  /**
   * Gives `userId` a role. `actorId` must be an admin (checked again here, inside the transaction);
   * the last admin cannot be made manager or rep. Admin rows are locked while deciding, so two admins
   * demoting each other at once cannot leave the workspace without one.
   */
  async setRole(workspaceId: string, actorId: string, userId: string, role: Role): Promise<RoleChange> {
    return transaction(this.db, async (tx) => {
      await ensureWorkspace(tx, workspaceId);
      const admins = await tx
        .selectFrom('member')
        .select('slack_user_id')
        .where('workspace_id', '=', workspaceId)
        .where('role', '=', 'ADMIN')
        .forUpdate()
        .execute();
      const adminIds = admins.map((a) => a.slack_user_id);
      if (!adminIds.includes(actorId))
        throw new DomainError({ kind: 'not-allowed', action: 'change-roles', role: 'admin' });
      const current = await tx
        .selectFrom('member')
        .select('role')
        .where('workspace_id', '=', workspaceId)
        .where('slack_user_id', '=', userId)
        .executeTakeFirst();
      const previous: Role = current ? ROLE_FROM_DB[current.role] : 'rep';
      if (previous === role) return { userId, previous, role, changed: false };
      if (removesLastAdmin(previous, role, adminIds.length))
        throw new DomainError({ kind: 'last-admin', slackUserId: userId });
      const granted = { role: ROLE_TO_DB[role], granted_by: actorId, updated_at: this.clock.now() };
      await tx
        .insertInto('member')
        .values({ workspace_id: workspaceId, slack_user_id: userId, ...granted })
        .onConflict((oc) => oc.columns(['workspace_id', 'slack_user_id']).doUpdateSet(granted))
        .execute();
      return { userId, previous, role, changed: true };
    });
  }

  /** Admins and managers, in the order they were given their role; everyone else is a rep. */
  async list(workspaceId: string): Promise<RoleList> {
    const rows = await this.db
      .selectFrom('member')
      .select(['slack_user_id', 'role'])
      .where('workspace_id', '=', workspaceId)
      .where('role', 'in', ['ADMIN', 'MANAGER'])
      .orderBy('updated_at')
      .orderBy('slack_user_id')
      .execute();
    return {
      admins: rows.filter((r) => r.role === 'ADMIN').map((r) => r.slack_user_id),
      managers: rows.filter((r) => r.role === 'MANAGER').map((r) => r.slack_user_id),
    };
  }
}

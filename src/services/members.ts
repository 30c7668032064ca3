// People's roles in a workspace: admin, manager or rep. Nobody has a row until a role is granted;
// without one a person is a rep. The first admin is the installing user (OAuth installs) or, where
// nobody installed through Slack (one workspace with a bot token), the first person to use /opp.
import { removesLastAdmin, type Role } from '../domain/permissions.ts';
import { DomainError } from '../domain/problems.ts';
import { type $Enums, Prisma } from '../generated/prisma/client.ts';
import type { SqlExecutor } from '../store/sql.ts';
import { inTransaction, type PrismaClient, type Tx } from './db.ts';
import { ensureWorkspace } from './workspace.ts';

export type { Role };

const ROLE_TO_DB: Record<Role, $Enums.Role> = { admin: 'ADMIN', manager: 'MANAGER', rep: 'REP' };
const ROLE_FROM_DB: Record<$Enums.Role, Role> = { ADMIN: 'admin', MANAGER: 'manager', REP: 'rep' };

/**
 * Makes `slackUserId` the workspace's admin when it has none yet (the installing user, or the first
 * person to use /opp). Claims are serialised on the workspace row (which must exist), so an install and
 * a first command arriving at once do not both make an admin. Runs inside the caller's transaction.
 */
export async function ensureFirstAdmin(tx: Tx, workspaceId: string, slackUserId: string): Promise<boolean> {
  await tx.$queryRaw`SELECT id FROM workspace WHERE id = ${workspaceId} FOR UPDATE`;
  const admins = await tx.member.count({ where: { workspaceId, role: 'ADMIN' } });
  if (admins > 0) return false;
  await tx.member.upsert({
    where: { workspaceId_slackUserId: { workspaceId, slackUserId } },
    create: { workspaceId, slackUserId, role: 'ADMIN', grantedBy: slackUserId },
    update: { role: 'ADMIN' },
  });
  return true;
}

/** What the authorization of one request needs to know about the person and the workspace. */
export interface Access {
  userId: string;
  role: Role;
  /** The workspace setting: reps read only their own opportunities. */
  repsSeeOnlyOwn: boolean;
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
    private readonly prisma: PrismaClient,
    private readonly sql: SqlExecutor,
  ) {}

  /**
   * The person's role and the workspace's reading rule, read fresh (never cached: roles change), in
   * one statement: every request is authorized with it.
   */
  async access(workspaceId: string, userId: string): Promise<Access> {
    return (await this.readAccess(workspaceId, userId, null)).access;
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
    const { access, found, ownerId } = await this.readAccess(workspaceId, userId, normalised);
    return { access, owner: found ? { no: normalised, ownerId } : null };
  }

  private async readAccess(workspaceId: string, userId: string, opportunityNo: string | null) {
    const [row] = await this.sql.query<{
      role: $Enums.Role | null;
      reps_see_only_own: boolean | null;
      found: boolean | null;
      owner_id: string | null;
    }>(Prisma.sql`
      SELECT (SELECT m.role::text FROM member m WHERE m.workspace_id = ${workspaceId} AND m.slack_user_id = ${userId})
               AS role,
             (SELECT w.reps_see_only_own FROM workspace w WHERE w.id = ${workspaceId}) AS reps_see_only_own,
             owner.found, owner.slack_user_id AS owner_id
      FROM (SELECT 1) AS one
      LEFT JOIN (
        SELECT true AS found, sp.slack_user_id
        FROM opportunity o JOIN salesperson sp ON sp.id = o.salesperson_id
        WHERE o.workspace_id = ${workspaceId} AND o.no = ${opportunityNo}
      ) AS owner ON true`);
    const access: Access = {
      userId,
      role: row?.role ? ROLE_FROM_DB[row.role] : 'rep',
      repsSeeOnlyOwn: row?.reps_see_only_own ?? false,
    };
    return { access, found: row?.found === true, ownerId: row?.owner_id ?? null };
  }

  /** When the workspace has no admin, `userId` becomes it (true); see ensureFirstAdmin. */
  async claimFirstAdmin(workspaceId: string, userId: string): Promise<boolean> {
    // The usual case, without a transaction: the workspace has its admin.
    const [found] = await this.sql.query<{ has_admin: boolean }>(Prisma.sql`
      SELECT EXISTS (SELECT 1 FROM member WHERE workspace_id = ${workspaceId} AND role = 'ADMIN') AS has_admin`);
    if (found?.has_admin) return false;
    return inTransaction(this.prisma, async (tx) => {
      await ensureWorkspace(tx, workspaceId);
      return ensureFirstAdmin(tx, workspaceId, userId);
    });
  }

  /**
   * Gives `userId` a role. `actorId` must be an admin (checked again here, inside the transaction);
   * the last admin cannot be made manager or rep. Admin rows are locked while deciding, so two admins
   * demoting each other at once cannot leave the workspace without one.
   */
  async setRole(workspaceId: string, actorId: string, userId: string, role: Role): Promise<RoleChange> {
    return inTransaction(this.prisma, async (tx) => {
      await ensureWorkspace(tx, workspaceId);
      const admins = await tx.$queryRaw<{ slack_user_id: string }[]>`
        SELECT slack_user_id FROM member WHERE workspace_id = ${workspaceId} AND role = 'ADMIN' FOR UPDATE`;
      const adminIds = admins.map((a) => a.slack_user_id);
      if (!adminIds.includes(actorId))
        throw new DomainError({ kind: 'not-allowed', action: 'change-roles', role: 'admin' });
      const current = await tx.member.findUnique({
        where: { workspaceId_slackUserId: { workspaceId, slackUserId: userId } },
        select: { role: true },
      });
      const previous: Role = current ? ROLE_FROM_DB[current.role] : 'rep';
      if (previous === role) return { userId, previous, role, changed: false };
      if (removesLastAdmin(previous, role, adminIds.length))
        throw new DomainError({ kind: 'last-admin', slackUserId: userId });
      await tx.member.upsert({
        where: { workspaceId_slackUserId: { workspaceId, slackUserId: userId } },
        create: { workspaceId, slackUserId: userId, role: ROLE_TO_DB[role], grantedBy: actorId },
        update: { role: ROLE_TO_DB[role], grantedBy: actorId },
      });
      return { userId, previous, role, changed: true };
    });
  }

  /** Admins and managers, in the order they were given their role; everyone else is a rep. */
  async list(workspaceId: string): Promise<RoleList> {
    const rows = await this.prisma.member.findMany({
      where: { workspaceId, role: { in: ['ADMIN', 'MANAGER'] } },
      orderBy: [{ updatedAt: 'asc' }, { slackUserId: 'asc' }],
      select: { slackUserId: true, role: true },
    });
    return {
      admins: rows.filter((r) => r.role === 'ADMIN').map((r) => r.slackUserId),
      managers: rows.filter((r) => r.role === 'MANAGER').map((r) => r.slackUserId),
    };
  }
}

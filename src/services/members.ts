// People's roles in a workspace: admin, manager or rep. Nobody has a row until a role is granted;
// without one a person is a rep.
import type { PrismaClient, Tx } from './db.ts';

export type Role = 'admin' | 'manager' | 'rep';

/** Makes `slackUserId` the workspace's admin when it has none yet (the installing user). */
export async function ensureFirstAdmin(db: PrismaClient | Tx, workspaceId: string, slackUserId: string): Promise<boolean> {
  const admins = await db.member.count({ where: { workspaceId, role: 'ADMIN' } });
  if (admins > 0) return false;
  await db.member.upsert({
    where: { workspaceId_slackUserId: { workspaceId, slackUserId } },
    create: { workspaceId, slackUserId, role: 'ADMIN', grantedBy: slackUserId },
    update: { role: 'ADMIN' },
  });
  return true;
}

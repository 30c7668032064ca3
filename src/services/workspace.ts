// Workspaces and the people in them. A workspace row is created the first time anyone of that
// Slack team uses the app; a salesperson is created the first time a Slack user is named as one.
import type { PrismaClient, Tx } from './db.ts';

export interface WorkspaceSettings {
  id: string;
  currency: string;
  opportunityPrefix: string;
  quotePrefix: string;
  orderPrefix: string;
  defaultSalesCycleCode: string | null;
  staleDays: number;
}

export async function ensureWorkspace(
  db: PrismaClient | Tx,
  workspaceId: string,
  name = '',
): Promise<WorkspaceSettings> {
  // Read first: the row exists for every request but a workspace's very first one.
  const row =
    (await db.workspace.findUnique({ where: { id: workspaceId } })) ??
    (await db.workspace.upsert({ where: { id: workspaceId }, create: { id: workspaceId, name }, update: {} }));
  return {
    id: row.id,
    currency: row.currency,
    opportunityPrefix: row.opportunityPrefix,
    quotePrefix: row.quotePrefix,
    orderPrefix: row.orderPrefix,
    defaultSalesCycleCode: row.defaultSalesCycleCode,
    staleDays: row.staleDays,
  };
}

export interface SalespersonRef {
  id: number;
  code: string;
  name: string;
  slackUserId: string | null;
  blocked: boolean;
}

/** The salesperson linked to a Slack user, created on first use (code = the Slack user id). */
export async function ensureSalesperson(
  db: PrismaClient | Tx,
  workspaceId: string,
  slackUserId: string,
  displayName?: string,
): Promise<SalespersonRef> {
  const existing = await db.salesperson.findUnique({
    where: { workspaceId_slackUserId: { workspaceId, slackUserId } },
  });
  if (existing) {
    if (displayName && displayName !== existing.name) {
      await db.salesperson.update({ where: { id: existing.id }, data: { name: displayName.slice(0, 100) } });
      return { ...pickSalesperson(existing), name: displayName.slice(0, 100) };
    }
    return pickSalesperson(existing);
  }
  const created = await db.salesperson.upsert({
    where: { workspaceId_code: { workspaceId, code: slackUserId } },
    create: { workspaceId, code: slackUserId, slackUserId, name: (displayName ?? slackUserId).slice(0, 100) },
    update: { slackUserId },
  });
  return pickSalesperson(created);
}

function pickSalesperson(row: {
  id: number;
  code: string;
  name: string;
  slackUserId: string | null;
  blocked: boolean;
}): SalespersonRef {
  return { id: row.id, code: row.code, name: row.name, slackUserId: row.slackUserId, blocked: row.blocked };
}

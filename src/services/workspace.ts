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

/** What `/opp setting` may change (absent: unchanged). */
export interface SettingsChange {
  repsSeeOnlyOwn?: boolean | undefined;
  currency?: string | undefined;
  /** null: no default sales cycle. */
  defaultSalesCycleCode?: string | null | undefined;
  staleDays?: number | undefined;
}

export async function ensureWorkspace(
  db: PrismaClient | Tx,
  workspaceId: string,
  name = '',
): Promise<WorkspaceSettings> {
  // Read first: the row exists for every request but a workspace's very first one. The insert skips
  // a row that exists meanwhile rather than updating it: an update would lock it against the
  // foreign-key checks of concurrent transactions, which can then deadlock on the number counter.
  let row = await db.workspace.findUnique({ where: { id: workspaceId } });
  if (!row) {
    await db.workspace.createMany({ data: [{ id: workspaceId, name }], skipDuplicates: true });
    row = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
  }
  return settingsFromRow(row);
}

/** The settings of a workspace row (which holds more than them). */
export function settingsFromRow(row: WorkspaceSettings): WorkspaceSettings {
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
  // Two first requests of the same person at once: the second skips the row the first inserted
  // (an upsert would lock it, and a concurrent creation's foreign-key check then waits on that lock
  // while holding the number counter the upsert's transaction waits for: a deadlock).
  await db.salesperson.createMany({
    data: [{ workspaceId, code: slackUserId, slackUserId, name: (displayName ?? slackUserId).slice(0, 100) }],
    skipDuplicates: true,
  });
  const row = await db.salesperson.findUniqueOrThrow({
    where: { workspaceId_code: { workspaceId, code: slackUserId } },
  });
  if (row.slackUserId === slackUserId) return pickSalesperson(row);
  // A salesperson set up with this code before the person used Slack: link them.
  return pickSalesperson(await db.salesperson.update({ where: { id: row.id }, data: { slackUserId } }));
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

// INTERIM (branch sql2): kysely versions of two helpers that branch `sql` converts in their own files —
// ensureWorkspace (workspace.ts) and findCycleRow (setup.ts) — with the signatures that branch gives them
// (`db: SqlDatabase` first), so the services converted here can call them inside their transactions
// before the two branches meet. Once merged: import both from workspace.ts / setup.ts, delete this file.
import { DomainError } from '../domain/problems.ts';
import type { SqlDatabase } from '../store/kysely.ts';
import type { WorkspaceSettings } from './workspace.ts';

/** The workspace's settings, its row created on first use (see workspace.ts ensureWorkspace). */
export async function ensureWorkspace(db: SqlDatabase, workspaceId: string, name = ''): Promise<WorkspaceSettings> {
  // Read first: the row exists for every request but a workspace's very first one. The insert skips a
  // row that exists meanwhile rather than updating it (an update would lock it, see workspace.ts).
  const find = () => db.selectFrom('workspace').selectAll().where('id', '=', workspaceId).executeTakeFirst();
  let row = await find();
  if (!row) {
    await db
      .insertInto('workspace')
      .values({ id: workspaceId, name })
      .onConflict((oc) => oc.doNothing())
      .execute();
    row = await find();
    if (!row) throw new Error(`workspace ${workspaceId} could not be created`);
  }
  return {
    id: row.id,
    currency: row.currency,
    opportunityPrefix: row.opportunity_prefix,
    quotePrefix: row.quote_prefix,
    orderPrefix: row.order_prefix,
    defaultSalesCycleCode: row.default_sales_cycle_code,
    staleDays: row.stale_days,
  };
}

/** The workspace's sales cycle `code` (trimmed, upper-cased); sales-cycle-not-found when there is none. */
export async function findCycleRow(db: SqlDatabase, workspaceId: string, code: string) {
  const normalised = code.trim().toUpperCase();
  const row = await db
    .selectFrom('sales_cycle')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('code', '=', normalised)
    .executeTakeFirst();
  if (!row) throw new DomainError({ kind: 'sales-cycle-not-found', code: normalised });
  return row;
}

// Workspaces and the people in them. A workspace row is created the first time anyone of that
// Slack team uses the app; a salesperson is created the first time a Slack user is named as one.
import type { Selectable } from 'kysely';
import { INPUT_LANGUAGES, type InputLanguage } from '../domain/typed-input/language.ts';
import type { Workspace } from '../generated/kysely/types.ts';
import type { SqlDatabase } from '../store/kysely.ts';

export interface WorkspaceSettings {
  id: string;
  currency: string;
  opportunityPrefix: string;
  quotePrefix: string;
  orderPrefix: string;
  defaultSalesCycleCode: string | null;
  staleDays: number;
  /** The language of posts in channels that chose none; null: English. */
  language: InputLanguage | null;
}

/** What `/opp setting` may change (absent: unchanged). */
export interface SettingsChange {
  repsSeeOnlyOwn?: boolean | undefined;
  /** Reps and managers may add contacts (else only admins). */
  repsAddContacts?: boolean | undefined;
  currency?: string | undefined;
  /** null: no default sales cycle. */
  defaultSalesCycleCode?: string | null | undefined;
  staleDays?: number | undefined;
  /** null: back to English. */
  language?: InputLanguage | null | undefined;
}

export async function ensureWorkspace(db: SqlDatabase, workspaceId: string, name = ''): Promise<WorkspaceSettings> {
  // Read first: the row exists for every request but a workspace's very first one. The insert skips
  // a row that exists meanwhile rather than updating it: an update would lock it against the
  // foreign-key checks of concurrent transactions, which can then deadlock on the number counter.
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
  return settingsFromRow(row);
}

/** The settings of a workspace row (which holds more than them). */
export function settingsFromRow(row: Selectable<Workspace>): WorkspaceSettings {
  return {
    id: row.id,
    currency: row.currency,
    opportunityPrefix: row.opportunity_prefix,
    quotePrefix: row.quote_prefix,
    orderPrefix: row.order_prefix,
    defaultSalesCycleCode: row.default_sales_cycle_code,
    staleDays: row.stale_days,
    language: INPUT_LANGUAGES.find((language) => language === row.language) ?? null,
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
  db: SqlDatabase,
  workspaceId: string,
  slackUserId: string,
  displayName?: string,
): Promise<SalespersonRef> {
  const columns = ['id', 'code', 'name', 'slack_user_id', 'blocked'] as const;
  const existing = await db
    .selectFrom('salesperson')
    .select(columns)
    .where('workspace_id', '=', workspaceId)
    .where('slack_user_id', '=', slackUserId)
    .executeTakeFirst();
  if (existing) {
    if (displayName && displayName !== existing.name) {
      const name = displayName.slice(0, 100);
      await db.updateTable('salesperson').set({ name }).where('id', '=', existing.id).execute();
      return { ...pickSalesperson(existing), name };
    }
    return pickSalesperson(existing);
  }
  // Two first requests of the same person at once: the second skips the row the first inserted
  // (an upsert would lock it, and a concurrent creation's foreign-key check then waits on that lock
  // while holding the number counter the upsert's transaction waits for: a deadlock).
  await db
    .insertInto('salesperson')
    .values({
      workspace_id: workspaceId,
      code: slackUserId,
      slack_user_id: slackUserId,
      name: (displayName ?? slackUserId).slice(0, 100),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const row = await db
    .selectFrom('salesperson')
    .select(columns)
    .where('workspace_id', '=', workspaceId)
    .where('code', '=', slackUserId)
    .executeTakeFirstOrThrow();
  if (row.slack_user_id === slackUserId) return pickSalesperson(row);
  // A salesperson set up with this code before the person used Slack: link them.
  await db.updateTable('salesperson').set({ slack_user_id: slackUserId }).where('id', '=', row.id).execute();
  return pickSalesperson({ ...row, slack_user_id: slackUserId });
}

function pickSalesperson(row: {
  id: number;
  code: string;
  name: string;
  slack_user_id: string | null;
  blocked: boolean;
}): SalespersonRef {
  return { id: row.id, code: row.code, name: row.name, slackUserId: row.slack_user_id, blocked: row.blocked };
}

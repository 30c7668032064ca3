// Deleting a workspace's data: everything the pipeline holds for one Slack workspace, in one
// transaction, children before parents (the foreign keys restrict most deletions). The app's
// installation (tokens) stays: the workspace keeps the app and starts again from nothing.
import type { DB, SqlDatabase } from '../store/kysely.ts';
import { transaction } from './db.ts';

export interface WorkspaceDeletion {
  opportunities: number;
  contacts: number;
  salesCycles: number;
  subscriptions: number;
  members: number;
}

/** The tables whose rows name their workspace in a `workspace_id` column. */
type WorkspaceTable = { [T in keyof DB]: 'workspace_id' extends keyof DB[T] ? T : never }[keyof DB];

export class WorkspaceAdminService {
  constructor(private readonly db: SqlDatabase) {}

  /** What a deletion would remove, for the confirmation. */
  async preview(workspaceId: string): Promise<{ opportunities: number; contacts: number }> {
    const counts = await this.db
      .selectNoFrom((eb) => [
        eb
          .selectFrom('opportunity')
          .select(eb.fn.countAll<number>().as('n'))
          .where('workspace_id', '=', workspaceId)
          .as('opportunities'),
        eb
          .selectFrom('contact')
          .select(eb.fn.countAll<number>().as('n'))
          .where('workspace_id', '=', workspaceId)
          .as('contacts'),
      ])
      .executeTakeFirstOrThrow();
    return { opportunities: counts.opportunities ?? 0, contacts: counts.contacts ?? 0 };
  }

  async deleteWorkspaceData(workspaceId: string): Promise<WorkspaceDeletion> {
    return transaction(this.db, async (tx) => {
      /** Deletes the workspace's rows of `table`; how many. */
      const clear = async (table: WorkspaceTable): Promise<number> => {
        const result = await tx.deleteFrom(table).where('workspace_id', '=', workspaceId).executeTakeFirst();
        return Number(result.numDeletedRows);
      };
      // Tasks point at opportunities, entries, salespeople.
      await clear('task');
      // Quotes and orders (their lines first) point at opportunities, contacts and customers.
      await tx
        .deleteFrom('sales_quote_line')
        .where('quote_id', 'in', (eb) =>
          eb.selectFrom('sales_quote').select('id').where('workspace_id', '=', workspaceId),
        )
        .execute();
      await clear('sales_quote');
      await tx
        .deleteFrom('sales_order_line')
        .where('order_id', 'in', (eb) =>
          eb.selectFrom('sales_order').select('id').where('workspace_id', '=', workspaceId),
        )
        .execute();
      await clear('sales_order');
      // The history (entries, edits, the interaction log), then the opportunities.
      await clear('interaction_log_entry');
      await clear('opportunity_edit');
      await tx
        .deleteFrom('attention_notice')
        .where('opportunity_id', 'in', (eb) =>
          eb.selectFrom('opportunity').select('id').where('workspace_id', '=', workspaceId),
        )
        .execute();
      await clear('opportunity_entry');
      const opportunities = await clear('opportunity');
      // Customers point at contacts; persons point at their company.
      await clear('customer');
      const persons = await tx
        .deleteFrom('contact')
        .where('workspace_id', '=', workspaceId)
        .where('company_id', 'is not', null)
        .executeTakeFirst();
      const companies = await clear('contact');
      // Setup: stages, cycles, close codes, activities and their steps, salespeople.
      await clear('sales_cycle_stage');
      const salesCycles = await clear('sales_cycle');
      await clear('close_opportunity_code');
      await tx
        .deleteFrom('activity_step')
        .where('activity_id', 'in', (eb) =>
          eb.selectFrom('activity').select('id').where('workspace_id', '=', workspaceId),
        )
        .execute();
      await clear('activity');
      await clear('salesperson');
      await clear('number_series');
      // Digests: runs point at subscriptions.
      await clear('digest_run');
      const subscriptions = await clear('digest_subscription');
      await clear('channel_digest_state');
      // What happened (its deliveries go with it) and the forms and confirmations still open.
      await clear('outbox_event');
      await clear('interaction_context');
      // Roles, language choices and settings last.
      await clear('language_choice');
      await clear('notification');
      await clear('notification_mute');
      await clear('notification_preference');
      const members = await clear('member');
      await tx.deleteFrom('workspace').where('id', '=', workspaceId).execute();
      return {
        opportunities,
        contacts: Number(persons.numDeletedRows) + companies,
        salesCycles,
        subscriptions,
        members,
      };
    });
  }
}

// Commands, button clicks and form submissions already handled, by trigger_id (table processed_trigger).
// Slack sends no request id with them, but gives each its own trigger_id; recording it before anything
// runs makes an exact replay of a signed request recognisable, on whichever instance it lands. One
// statement: it runs before every command, click and submission.
import type { SqlDatabase } from '../store/kysely.ts';

export class ProcessedTriggers {
  constructor(private readonly db: SqlDatabase) {}

  /**
   * Records the trigger for the workspace (INSERT … ON CONFLICT DO NOTHING). True the first time, false
   * when it was recorded before: a replay, on this instance or another.
   */
  async claim(workspaceId: string, triggerId: string, receivedAt: Date): Promise<boolean> {
    const result = await this.db
      .insertInto('processed_trigger')
      .values({ workspace_id: workspaceId, trigger_id: triggerId, received_at: receivedAt })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows) === 1;
  }

  /** Forgets the triggers received before `before`; returns how many. */
  async prune(before: Date): Promise<number> {
    const result = await this.db.deleteFrom('processed_trigger').where('received_at', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

// Commands, button clicks and form submissions already handled, by trigger_id (table processed_trigger).
// Slack sends no request id with them, but gives each its own trigger_id; recording it before anything
// runs makes an exact replay of a signed request recognisable, on whichever instance it lands. One
// statement: it runs before every command, click and submission.
import type { SqlDatabase } from '../store/kysely.ts';
import { statementShapes } from '../store/statement-shapes.ts';

export class ProcessedTriggers {
  constructor(private readonly db: SqlDatabase) {}

  /**
   * Records the trigger for the workspace (INSERT … ON CONFLICT DO NOTHING). True the first time, false
   * when it was recorded before: a replay, on this instance or another.
   */
  async claim(workspaceId: string, triggerId: string, receivedAt: Date): Promise<boolean> {
    // Every command, click and submission claims its trigger first: built once (src/store/statement-shapes.ts).
    const result = await statementShapes.execute(
      this.db,
      'claim trigger',
      { workspaceId, triggerId, receivedAt },
      (v) =>
        this.db
          .insertInto('processed_trigger')
          .values({ workspace_id: v.workspaceId, trigger_id: v.triggerId, received_at: v.receivedAt })
          .onConflict((oc) => oc.doNothing()),
    );
    return Number(result.numAffectedRows) === 1;
  }

  /** Forgets the triggers received before `before`; returns how many. */
  async prune(before: Date): Promise<number> {
    const result = await this.db.deleteFrom('processed_trigger').where('received_at', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

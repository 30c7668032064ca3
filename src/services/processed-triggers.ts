// Commands, button clicks and form submissions already handled, by trigger_id (table processed_trigger).
// Slack sends no request id with them, but gives each its own trigger_id; recording it before anything
// runs makes an exact replay of a signed request recognisable, on whichever instance it lands. Through
// the driver: it runs before every command, click and submission.
import { Prisma } from '../generated/prisma/client.ts';
import { type SqlExecutor, utcTimestamp } from '../store/sql.ts';

export class ProcessedTriggers {
  constructor(private readonly sql: SqlExecutor) {}

  /**
   * Records the trigger for the workspace (INSERT … ON CONFLICT DO NOTHING). True the first time, false
   * when it was recorded before: a replay, on this instance or another.
   */
  async claim(workspaceId: string, triggerId: string, receivedAt: Date): Promise<boolean> {
    const inserted = await this.sql.execute(Prisma.sql`
      INSERT INTO processed_trigger (workspace_id, trigger_id, received_at)
      VALUES (${workspaceId}, ${triggerId}, ${utcTimestamp(receivedAt)})
      ON CONFLICT DO NOTHING`);
    return inserted === 1;
  }

  /** Forgets the triggers received before `before`; returns how many. */
  async prune(before: Date): Promise<number> {
    return this.sql.execute(Prisma.sql`DELETE FROM processed_trigger WHERE received_at < ${utcTimestamp(before)}`);
  }
}

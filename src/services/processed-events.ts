// Events API deliveries already handled, by event_id (table processed_event). Slack re-sends an event
// it thinks was not delivered; recording the id first makes the second delivery recognisable.
import type { SqlDatabase } from '../store/kysely.ts';

export class ProcessedEvents {
  constructor(private readonly db: SqlDatabase) {}

  /**
   * Records the event (INSERT … ON CONFLICT DO NOTHING). True the first time, false when it was
   * recorded before: a retry, or a second delivery of the same event to another instance.
   */
  async claim(eventId: string, teamId: string | undefined, receivedAt: Date): Promise<boolean> {
    const result = await this.db
      .insertInto('processed_event')
      .values({ event_id: eventId, team_id: teamId ?? null, received_at: receivedAt })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows) === 1;
  }

  /** Forgets the events received before `before`; returns how many. */
  async prune(before: Date): Promise<number> {
    const result = await this.db.deleteFrom('processed_event').where('received_at', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

// Events API deliveries already handled, by event_id (table processed_event). Slack re-sends an event
// it thinks was not delivered; recording the id first makes the second delivery recognisable.
import type { PrismaClient } from './db.ts';

export class ProcessedEvents {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Records the event (INSERT … ON CONFLICT DO NOTHING). True the first time, false when it was
   * recorded before: a retry, or a second delivery of the same event to another instance.
   */
  async claim(eventId: string, teamId: string | undefined, receivedAt: Date): Promise<boolean> {
    const { count } = await this.prisma.processedEvent.createMany({
      data: [{ eventId, teamId: teamId ?? null, receivedAt }],
      skipDuplicates: true,
    });
    return count === 1;
  }

  /** Forgets the events received before `before`; returns how many. */
  async prune(before: Date): Promise<number> {
    const { count } = await this.prisma.processedEvent.deleteMany({ where: { receivedAt: { lt: before } } });
    return count;
  }
}

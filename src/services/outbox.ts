// The outbox: what happened to the pipeline, written in the same transaction as the change itself, so
// an event exists exactly when its change does. Each consumer that wants an event (the channel
// announcements today) gets a delivery row with it; a dispatcher on any instance claims due deliveries
// (FOR UPDATE SKIP LOCKED, with a lease), so two instances never deliver one twice, and a failure puts
// the delivery back for later: a Slack outage delays an announcement, it does not lose it.
import { z } from 'zod';
import { Prisma } from '../generated/prisma/client.ts';
import { type SqlExecutor, utcTimestamp } from '../store/sql.ts';

/** The consumers of the outbox, each delivering an event at most once. */
export const CONSUMERS = { announcements: 'announcements' } as const;
export type Consumer = (typeof CONSUMERS)[keyof typeof CONSUMERS];

const amount = z.string().regex(/^-?\d+(\.\d+)?$/);

/** What each kind of event says; read back strictly, so a malformed payload is a failed delivery. */
export const EVENT_PAYLOADS = {
  'opportunity-won': z.strictObject({ no: z.string(), description: z.string(), amount }),
  'quote-created': z.strictObject({ no: z.string(), description: z.string(), quoteNo: z.string(), amount }),
  'order-made': z.strictObject({ no: z.string(), orderNo: z.string(), amount }),
} as const;

export type EventKind = keyof typeof EVENT_PAYLOADS;
export type EventPayload<K extends EventKind> = z.infer<(typeof EVENT_PAYLOADS)[K]>;

/** Who made a change, and from where: the conversation is where the channel hears about it. */
export interface EventOrigin {
  actorUserId: string;
  /** The conversation the change was made in; none for App Home or a direct message. */
  channelId?: string | undefined;
}

export type NewEvent = { [K in EventKind]: { kind: K; payload: EventPayload<K> } }[EventKind];

export type OutboxEvent = NewEvent & {
  id: number;
  workspaceId: string;
  actorUserId: string;
  channelId: string | null;
  occurredAt: Date;
  /** Deliveries tried so far, this one included. */
  attempts: number;
};

/** A team channel (C…, G…): announcements are for the team, not for a direct message. */
const TEAM_CHANNEL = /^[CG][A-Z0-9]{2,31}$/;

/** The consumers that want this event. */
function consumersOf(event: NewEvent, origin: EventOrigin): Consumer[] {
  const announced = event.kind === 'opportunity-won' || event.kind === 'quote-created' || event.kind === 'order-made';
  return announced && origin.channelId !== undefined && TEAM_CHANNEL.test(origin.channelId)
    ? [CONSUMERS.announcements]
    : [];
}

/**
 * Records the event with its deliveries, in the transaction (or statement) of the change that `db`
 * belongs to: one statement, whose delivery rows read the event's id from its RETURNING.
 */
export async function recordEvent(
  db: SqlExecutor,
  workspaceId: string,
  origin: EventOrigin,
  event: NewEvent,
  at: Date,
): Promise<void> {
  const consumers = consumersOf(event, origin);
  await db.execute(Prisma.sql`
    WITH event AS (
      INSERT INTO outbox_event (workspace_id, kind, actor_user_id, channel_id, payload, occurred_at)
      VALUES (${workspaceId}, ${event.kind}, ${origin.actorUserId}, ${origin.channelId ?? null},
              ${JSON.stringify(event.payload)}::jsonb, ${utcTimestamp(at)})
      RETURNING id
    )
    INSERT INTO outbox_delivery (event_id, consumer, next_attempt_at)
    SELECT event.id, consumer, ${utcTimestamp(at)}
    FROM event, unnest(${consumers}::text[]) AS consumer`);
}

interface ClaimedRow {
  id: number;
  workspace_id: string;
  kind: string;
  actor_user_id: string;
  channel_id: string | null;
  payload: string;
  occurred_at: string;
  attempts: number;
}

export class Outbox {
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly sql: SqlExecutor) {}

  /** Called after a change that recorded events has committed (the dispatcher delivers them at once). */
  onRecorded(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** For the services: events of theirs are committed and may be delivered now. */
  recorded(): void {
    for (const listener of this.listeners) listener();
  }

  /**
   * Claims up to `limit` deliveries of `consumer` that are due, oldest first, and leases them until
   * `leaseUntil` (a claim that is never settled comes due again then). Skips rows another instance is
   * claiming at the same moment.
   */
  async claim(consumer: Consumer, now: Date, leaseUntil: Date, limit: number): Promise<OutboxEvent[]> {
    const rows = await this.sql.query<ClaimedRow>(Prisma.sql`
      UPDATE outbox_delivery AS d
      SET attempts = d.attempts + 1, next_attempt_at = ${utcTimestamp(leaseUntil)}
      FROM (
        SELECT event_id FROM outbox_delivery
        WHERE consumer = ${consumer} AND delivered_at IS NULL AND failed_at IS NULL
          AND next_attempt_at <= ${utcTimestamp(now)}
        ORDER BY event_id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      ) AS due, outbox_event AS e
      WHERE d.event_id = due.event_id AND d.consumer = ${consumer} AND e.id = d.event_id
      RETURNING e.id, e.workspace_id, e.kind, e.actor_user_id, e.channel_id, e.payload::text AS payload,
        to_char(e.occurred_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at, d.attempts`);
    const events: OutboxEvent[] = [];
    for (const row of rows.sort((a, b) => a.id - b.id)) {
      const event = eventOf(row);
      // A kind or payload this version cannot read is never delivered: failed at once, not retried.
      if (event) events.push(event);
      else await this.failed(consumer, row.id, now, `unreadable ${row.kind} event`);
    }
    return events;
  }

  async delivered(consumer: Consumer, eventId: number, at: Date): Promise<void> {
    await this.sql.execute(Prisma.sql`
      UPDATE outbox_delivery SET delivered_at = ${utcTimestamp(at)}, last_error = NULL
      WHERE event_id = ${eventId} AND consumer = ${consumer}`);
  }

  /** Tried again at `retryAt`. */
  async retryLater(consumer: Consumer, eventId: number, retryAt: Date, error: string): Promise<void> {
    await this.sql.execute(Prisma.sql`
      UPDATE outbox_delivery SET next_attempt_at = ${utcTimestamp(retryAt)}, last_error = ${error.slice(0, 500)}
      WHERE event_id = ${eventId} AND consumer = ${consumer}`);
  }

  /** Never tried again. */
  async failed(consumer: Consumer, eventId: number, at: Date, error: string): Promise<void> {
    await this.sql.execute(Prisma.sql`
      UPDATE outbox_delivery SET failed_at = ${utcTimestamp(at)}, last_error = ${error.slice(0, 500)}
      WHERE event_id = ${eventId} AND consumer = ${consumer}`);
  }
}

function eventOf(row: ClaimedRow): OutboxEvent | null {
  const schema = Object.hasOwn(EVENT_PAYLOADS, row.kind) ? EVENT_PAYLOADS[row.kind as EventKind] : undefined;
  let json: unknown;
  try {
    json = JSON.parse(row.payload);
  } catch {
    return null;
  }
  const payload = schema?.safeParse(json);
  if (!payload?.success) return null;
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    actorUserId: row.actor_user_id,
    channelId: row.channel_id,
    occurredAt: new Date(row.occurred_at),
    attempts: row.attempts,
    kind: row.kind,
    payload: payload.data,
  } as OutboxEvent;
}

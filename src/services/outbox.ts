// The outbox: what happened to the pipeline, written in the same transaction as the change itself, so
// an event exists exactly when its change does. Each consumer that wants an event (the channel
// announcements today) gets a delivery row with it; a dispatcher on any instance claims due deliveries
// (FOR UPDATE SKIP LOCKED, with a lease), so two instances never deliver one twice, and a failure puts
// the delivery back for later: a Slack outage delays an announcement, it does not lose it.
import { type QueryCreator, sql } from 'kysely';
import { z } from 'zod';
import type { DB, SqlDatabase } from '../store/kysely.ts';
import { recipientsOf } from '../domain/notifications.ts';

/** The consumers of the outbox, each delivering an event at most once. */
export const CONSUMERS = {
  announcements: 'announcements',
  /** Direct messages to a salesperson (src/slack/notifier.ts): changes by others, tasks, overdue, stale. */
  notifications: 'notifications',
  /** The channel alerts (src/slack/alerts.ts): matched against the workspace's alerts when delivered. */
  alerts: 'alerts',
} as const;
export type Consumer = (typeof CONSUMERS)[keyof typeof CONSUMERS];

const amount = z.string().regex(/^-?\d+(\.\d+)?$/);

/** What every event says about its opportunity. The salesperson is their Slack user (null: none linked). */
const opportunity = {
  no: z.string(),
  description: z.string(),
  salesperson: z.string().nullable(),
};

/** What every task event says about its task (the opportunity is gone when it was deleted: tasks stay). */
const task = {
  taskId: z.number().int(),
  description: z.string(),
  date: z.iso.date(),
  opportunityNo: z.string().nullable(),
  opportunityDescription: z.string().nullable(),
  owner: z.string().nullable(),
};

/** One changed value: a field of the active entry, from → to, as text (amounts plain, dates YYYY-MM-DD). */
const change = z.strictObject({
  field: z.enum(['stage', 'estimatedValue', 'chancesPct', 'estimatedCloseDate', 'dateOfChange']),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type FieldChange = z.infer<typeof change>;

/** One edited field of the opportunity itself (src/domain/opportunity-edit.ts FieldEdit). */
const edit = z.strictObject({
  field: z.enum(['description', 'contact', 'salesperson', 'priority']),
  from: z.string().nullable(),
  to: z.string().nullable(),
  fromName: z.string().nullable().optional(),
  toName: z.string().nullable().optional(),
});

/**
 * What each kind of event says; read back strictly, so a malformed payload is a failed delivery. Events
 * recorded before the salesperson was added to them lack it (the three kinds announced then).
 */
export const EVENT_PAYLOADS = {
  'opportunity-created': z.strictObject({ ...opportunity, salesCycle: z.string(), contact: z.string() }),
  'opportunity-moved': z.strictObject({
    ...opportunity,
    action: z.enum(['first', 'next', 'previous', 'skip', 'jump']),
    fromStage: z.number().int().nullable(),
    toStage: z.number().int(),
    changes: z.array(change),
  }),
  'opportunity-updated': z.strictObject({
    ...opportunity,
    stage: z.number().int().nullable(),
    changes: z.array(change),
  }),
  'opportunity-won': z.strictObject({
    ...opportunity,
    salesperson: opportunity.salesperson.optional(),
    amount,
    closeCode: z.string().nullable().optional(),
  }),
  'opportunity-lost': z.strictObject({ ...opportunity, amount, closeCode: z.string().nullable() }),
  'quote-created': z.strictObject({
    ...opportunity,
    salesperson: opportunity.salesperson.optional(),
    quoteNo: z.string(),
    amount,
  }),
  'order-made': z.strictObject({
    ...opportunity,
    description: z.string().optional(),
    salesperson: opportunity.salesperson.optional(),
    orderNo: z.string(),
    amount,
    /** True when making the order closed an In Progress opportunity as Won (one change: no won event). */
    closedWon: z.boolean().optional(),
  }),
  /** A sales quote's lines edited before the order (its amount from → to). */
  'quote-changed': z.strictObject({ ...opportunity, quoteNo: z.string(), fromAmount: amount, amount }),
  /** A new quote linked in place of the old one, which keeps its lines but loses its link. */
  'quote-replaced': z.strictObject({ ...opportunity, quoteNo: z.string(), replacedQuoteNo: z.string(), amount }),
  'task-completed': z.strictObject(task),
  'task-postponed': z.strictObject({ ...task, fromDate: z.iso.date() }),
  /** A task's due date has come in its owner's morning: they are told by DM (the reminders consumer). */
  'task-due': z.strictObject({ ...task, owner: z.string() }),
  'opportunity-edited': z.strictObject({ ...opportunity, changes: z.array(edit) }),
  /** `salesperson` is the new one; `from` the one before (null: none linked to Slack). */
  'opportunity-reassigned': z.strictObject({ ...opportunity, from: z.string().nullable() }),
  'note-added': z.strictObject({ ...opportunity, interactionId: z.number().int(), date: z.string() }),
  /** An open opportunity found past its estimated closing date (once per closing date: the attention job). */
  'opportunity-overdue': z.strictObject({ ...opportunity, salesperson: z.string(), estimatedCloseDate: z.iso.date() }),
  /** An open opportunity found without a change for the workspace's stale days (once per last change). */
  'opportunity-stale': z.strictObject({
    ...opportunity,
    salesperson: z.string(),
    lastChange: z.iso.date(),
    staleDays: z.number().int(),
  }),
  /** A person's daily summary, for `date` in their zone: the held notifications it lists. */
  'notification-summary': z.strictObject({
    recipient: z.string(),
    date: z.iso.date(),
    notificationIds: z.array(z.number().int()),
  }),
  /** Slack said a person cannot be messaged any more: their notifications are off; the admins are told. */
  'notifications-disabled': z.strictObject({ person: z.string(), reason: z.string() }),
  'opportunity-deleted': z.strictObject({
    ...opportunity,
    status: z.enum(['not_started', 'in_progress', 'won', 'lost']),
    /** True when deleted by a purge of closed opportunities. */
    purged: z.boolean(),
  }),
} as const;

export type EventKind = keyof typeof EVENT_PAYLOADS;
export type EventPayload<K extends EventKind> = z.infer<(typeof EVENT_PAYLOADS)[K]>;

/** The kinds a channel hears about (src/slack/announcer.ts); the others get no announcement delivery. */
export const ANNOUNCED_KINDS: ReadonlySet<EventKind> = new Set(['opportunity-won', 'quote-created', 'order-made']);

/**
 * The kinds a channel alert can be about (src/domain/alerts.ts). Every such event gets an alerts
 * delivery, whatever the workspace's alerts: the consumer matches them when it delivers, so a change's
 * transaction only inserts rows. An order that closed its opportunity as Won is a won deal.
 */
export const ALERTED_KINDS: ReadonlySet<EventKind> = new Set([
  'opportunity-created',
  'opportunity-moved',
  'opportunity-won',
  'opportunity-lost',
  'opportunity-reassigned',
  'order-made',
]);

/** Who made a change, and from where: the conversation is where the channel hears about it. */
export interface EventOrigin {
  actorUserId: string;
  /** The conversation the change was made in; none for App Home or a direct message. */
  channelId?: string | undefined;
}

export type NewEvent = { [K in EventKind]: { kind: K; payload: EventPayload<K> } }[EventKind];

/** An event as recorded: its change's workspace, actor (empty when the caller named none) and channel. */
export type RecordedEvent = NewEvent & {
  id: number;
  workspaceId: string;
  actorUserId: string;
  channelId: string | null;
  occurredAt: Date;
};

export type OutboxEvent = RecordedEvent & {
  /** Deliveries tried so far, this one included. */
  attempts: number;
};

/** A team channel (C…, G…): announcements are for the team, not for a direct message. */
const TEAM_CHANNEL = /^[CG][A-Z0-9]{2,31}$/;

/** The consumers that want this event. */
function consumersOf(event: NewEvent, origin: EventOrigin | undefined): Consumer[] {
  const channel = origin?.channelId;
  const consumers: Consumer[] = [];
  if (ALERTED_KINDS.has(event.kind) && (event.kind !== 'order-made' || event.payload.closedWon === true))
    consumers.push(CONSUMERS.alerts);
  if (ANNOUNCED_KINDS.has(event.kind) && channel !== undefined && TEAM_CHANNEL.test(channel))
    consumers.push(CONSUMERS.announcements);
  // A salesperson hears by DM of what someone else did to theirs (decided from the payload alone: their
  // preferences and mutes are read when the notification is delivered, off the change's hot path).
  if (
    event.kind === 'notification-summary' ||
    event.kind === 'notifications-disabled' ||
    recipientsOf({ kind: event.kind, actorUserId: origin?.actorUserId ?? '', payload: event.payload }).length > 0
  )
    consumers.push(CONSUMERS.notifications);
  return consumers;
}

/**
 * Records the events of one change with their deliveries, in the transaction of the change (`db` is
 * that transaction), so an event exists exactly when its change does.
 */
export async function recordEvents(
  db: SqlDatabase,
  workspaceId: string,
  origin: EventOrigin | undefined,
  events: readonly NewEvent[],
  at: Date,
): Promise<RecordedEvents> {
  // One statement per event, which writes its deliveries too: each knows its own id (a multi-row
  // RETURNING promises no order), and a change's transaction makes one round trip per event.
  const recorded: RecordedEvent[] = [];
  let deliveries = 0;
  for (const event of events) {
    const recording = eventRecording(workspaceId, origin, event, at);
    const { id } = await db
      .with('recorded', (q) => q.insertInto('outbox_event').values(recording.row).returning(['id', 'occurred_at']))
      .with('delivered', (q) => deliveriesOfRecorded(q, recording.consumers))
      .selectFrom('recorded')
      .select('recorded.id')
      .executeTakeFirstOrThrow();
    recorded.push(recording.recorded(id));
    deliveries += recording.consumers.length;
  }
  return { events: recorded, deliveries };
}

/** The tables of a statement that records an event: the event is its CTE `recorded`. */
export type RecordingEvent = DB & { recorded: { id: number; occurred_at: Date } };

/**
 * The deliveries of an event that a statement records (in its CTE `recorded`, which returns the event's
 * id and occurrence), as that statement's CTE `delivered`: one row per consumer, due at once; a query of
 * no row when nobody is waiting for the event.
 */
export function deliveriesOfRecorded(q: QueryCreator<RecordingEvent>, consumers: readonly Consumer[]) {
  const [first, ...others] = consumers;
  if (!first)
    return q
      .selectFrom('recorded')
      .select('recorded.id as event_id')
      .where((eb) => eb.lit(false));
  return q
    .insertInto('outbox_delivery')
    .columns(['event_id', 'consumer', 'next_attempt_at'])
    .expression((eb) => {
      const delivery = (consumer: string) =>
        eb
          .selectFrom('recorded')
          .select(['recorded.id', sql<string>`${consumer}::varchar`.as('consumer'), 'recorded.occurred_at']);
      return others.reduce((union, consumer) => union.unionAll(delivery(consumer)), delivery(first));
    })
    .returning('event_id');
}

/** What a change recorded: its events, and how many deliveries they are waiting for. */
export interface RecordedEvents {
  events: RecordedEvent[];
  deliveries: number;
}

/**
 * The parts of one event's recording, for a statement that writes it beside other rows (a change's
 * entry: src/services/opportunities.ts): its outbox_event row, the consumers that get a delivery row,
 * and the event as recorded once its id is known.
 */
export function eventRecording(workspaceId: string, origin: EventOrigin | undefined, event: NewEvent, at: Date) {
  return {
    row: eventRow(workspaceId, origin, event, at),
    consumers: consumersOf(event, origin),
    recorded: (id: number): RecordedEvent => recordedEvent(id, workspaceId, origin, event, at),
  };
}

function eventRow(workspaceId: string, origin: EventOrigin | undefined, event: NewEvent, at: Date) {
  return {
    workspace_id: workspaceId,
    kind: event.kind,
    actor_user_id: origin?.actorUserId ?? '',
    channel_id: origin?.channelId ?? null,
    payload: JSON.stringify(event.payload),
    occurred_at: at,
    subject: subjectOf(event),
  };
}

/** The opportunity an event is about (its number), or null: what "in order" is kept per. */
function subjectOf(event: NewEvent): string | null {
  const payload: { no?: string; opportunityNo?: string | null } =
    'no' in event.payload || 'opportunityNo' in event.payload ? event.payload : {};
  return payload.no ?? payload.opportunityNo ?? null;
}

function recordedEvent(
  id: number,
  workspaceId: string,
  origin: EventOrigin | undefined,
  event: NewEvent,
  at: Date,
): RecordedEvent {
  return {
    ...event,
    id,
    workspaceId,
    actorUserId: origin?.actorUserId ?? '',
    channelId: origin?.channelId ?? null,
    occurredAt: at,
  };
}

/** One event (see recordEvents). */
export async function recordEvent(
  db: SqlDatabase,
  workspaceId: string,
  origin: EventOrigin | undefined,
  event: NewEvent,
  at: Date,
): Promise<RecordedEvent> {
  const { events } = await recordEvents(db, workspaceId, origin, [event], at);
  return events[0] as RecordedEvent;
}

export class Outbox {
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly db: SqlDatabase) {}

  /** Called after a change that recorded events has committed (the dispatcher delivers them at once). */
  onRecorded(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** For the services: events of theirs are committed and may be delivered now. */
  recorded(): void {
    for (const listener of this.listeners) listener();
  }

  /**
   * Deletes up to `limit` events that happened before `before`, whose every delivery is settled
   * (delivered, or given up) and that no daily summary still has to list (a held notification not yet
   * sent, unless the event happened before `heldBefore`: the summary of a person who left or turned
   * notifications off never comes), with their deliveries and their notification rows; returns how
   * many. Oldest first; rows another instance is deleting are skipped. Nothing else reads an event once
   * it is delivered: the history of an opportunity is its entries and edits, not the outbox.
   */
  async prune(before: Date, limit: number, heldBefore: Date): Promise<number> {
    const result = await sql<{ n: number }>`
      WITH doomed AS (
        SELECT e.id FROM outbox_event e
        WHERE e.occurred_at < ${before}
          AND NOT EXISTS (SELECT 1 FROM outbox_delivery d
                          WHERE d.event_id = e.id AND d.delivered_at IS NULL AND d.failed_at IS NULL)
          AND (e.occurred_at < ${heldBefore}
               OR NOT EXISTS (SELECT 1 FROM notification n WHERE n.event_id = e.id AND n.held AND n.sent_at IS NULL))
        ORDER BY e.id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      ), notifications AS (
        DELETE FROM notification n USING doomed WHERE n.event_id = doomed.id
      ), events AS (
        DELETE FROM outbox_event e USING doomed WHERE e.id = doomed.id RETURNING e.id
      )
      SELECT count(*)::int AS n FROM events`.execute(this.db);
    return result.rows[0]?.n ?? 0;
  }

  /**
   * Claims up to `limit` deliveries of `consumer` that are due, oldest first, and leases them until
   * `leaseUntil` (a claim that is never settled comes due again then). Skips rows another instance is
   * claiming at the same moment. In order per opportunity: a delivery waits while an earlier one of the
   * same consumer about the same opportunity is neither delivered nor failed (waiting for its retry,
   * or leased by an instance delivering it), so at most one of an opportunity's events is claimed at
   * a time.
   */
  async claim(consumer: Consumer, now: Date, leaseUntil: Date, limit: number): Promise<OutboxEvent[]> {
    const rows = await this.db
      .updateTable('outbox_delivery as d')
      .from([
        (eb) =>
          eb
            .selectFrom('outbox_delivery')
            .select('event_id')
            .where('consumer', '=', consumer)
            .where('delivered_at', 'is', null)
            .where('failed_at', 'is', null)
            .where('next_attempt_at', '<=', now)
            .where(({ not, exists, selectFrom }) =>
              not(
                exists(
                  selectFrom('outbox_event as later')
                    .innerJoin('outbox_event as earlier', (join) =>
                      join
                        .onRef('earlier.workspace_id', '=', 'later.workspace_id')
                        .onRef('earlier.subject', '=', 'later.subject')
                        .onRef('earlier.id', '<', 'later.id'),
                    )
                    .innerJoin('outbox_delivery as pending', 'pending.event_id', 'earlier.id')
                    .select('earlier.id')
                    .whereRef('later.id', '=', 'outbox_delivery.event_id')
                    .where('pending.consumer', '=', consumer)
                    .where('pending.delivered_at', 'is', null)
                    .where('pending.failed_at', 'is', null),
                ),
              ),
            )
            .orderBy('event_id')
            .limit(limit)
            .forUpdate()
            .skipLocked()
            .as('due'),
        'outbox_event as e',
      ])
      .set((eb) => ({ attempts: eb('d.attempts', '+', 1), next_attempt_at: leaseUntil }))
      .whereRef('d.event_id', '=', 'due.event_id')
      .whereRef('e.id', '=', 'd.event_id')
      .where('d.consumer', '=', consumer)
      .returning([
        'e.id',
        'e.workspace_id',
        'e.kind',
        'e.actor_user_id',
        'e.channel_id',
        'e.payload',
        'e.occurred_at',
        'd.attempts',
      ])
      .execute();
    const events: OutboxEvent[] = [];
    const unreadable: Settlement[] = [];
    for (const row of rows.sort((a, b) => a.id - b.id)) {
      const event = eventFromRow(row);
      // A kind or payload this version cannot read is never delivered: failed at once, not retried.
      if (event) events.push(event);
      else unreadable.push({ eventId: row.id, outcome: 'failed', at: now, error: `unreadable ${row.kind} event` });
    }
    await this.settle(consumer, unreadable);
    return events;
  }

  /** Events by id (those this version can read), oldest first: what a folded alert message shows. */
  async read(workspaceId: string, ids: readonly number[]): Promise<RecordedEvent[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('outbox_event')
      .select(['id', 'workspace_id', 'kind', 'actor_user_id', 'channel_id', 'payload', 'occurred_at'])
      .where('workspace_id', '=', workspaceId)
      // One array, not `IN ($2, …)`: one statement text (and plan) for any number of ids.
      .where((eb) => eb('id', '=', eb.fn.any(sql<number[]>`${[...ids]}::int[]`)))
      .orderBy('id')
      .execute();
    return rows.map((row) => eventFromRow({ ...row, attempts: 0 })).filter((event) => event !== null);
  }

  /**
   * Records what became of a claimed batch's deliveries, in one statement: delivered, failed (never
   * tried again), tried again at a time, or deferred (held on purpose: the claim that led here does not
   * count as an attempt). The rows are also named by their key (`event_id = ANY`): joined to the JSON
   * alone, PostgreSQL read every delivery of the consumer, delivered ones included, and hashed them
   * (8,000 rows: 4.7 ms on PostgreSQL and 9.8 ms on PGlite, against 0.2 and 0.6 ms through the key).
   */
  async settle(consumer: Consumer, settlements: readonly Settlement[]): Promise<void> {
    if (settlements.length === 0) return;
    const rows = settlements.map((s) => ({
      event_id: s.eventId,
      delivered_at: s.outcome === 'delivered' ? s.at : null,
      failed_at: s.outcome === 'failed' ? s.at : null,
      next_attempt_at: s.outcome === 'retry' || s.outcome === 'deferred' ? s.at : null,
      last_error: s.outcome === 'failed' || s.outcome === 'retry' ? s.error.slice(0, 500) : null,
      uncounted: s.outcome === 'deferred' ? 1 : 0,
    }));
    await sql`
      UPDATE outbox_delivery AS d SET
        delivered_at = coalesce(v.delivered_at, d.delivered_at),
        failed_at = coalesce(v.failed_at, d.failed_at),
        next_attempt_at = coalesce(v.next_attempt_at, d.next_attempt_at),
        last_error = v.last_error,
        attempts = d.attempts - v.uncounted
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(event_id int, delivered_at timestamptz,
        failed_at timestamptz, next_attempt_at timestamptz, last_error text, uncounted int)
      WHERE d.event_id = v.event_id AND d.consumer = ${consumer}
        AND d.event_id = ANY(${settlements.map((s) => s.eventId)}::int[])`.execute(this.db);
  }
}

/** What became of one claimed delivery (Outbox.settle). */
export type Settlement =
  | { eventId: number; outcome: 'delivered'; at: Date }
  /** Failed: never tried again; retry: tried again at `at`. */
  | { eventId: number; outcome: 'failed' | 'retry'; at: Date; error: string }
  /** Held on purpose until `at` (quiet hours). */
  | { eventId: number; outcome: 'deferred'; at: Date };

interface ClaimedRow {
  id: number;
  workspace_id: string;
  kind: string;
  actor_user_id: string;
  channel_id: string | null;
  payload: unknown;
  occurred_at: Date;
  attempts: number;
}

/** An event as stored, read back strictly; null for a kind or payload this version cannot read. */
export function eventFromRow(row: ClaimedRow): OutboxEvent | null {
  const schema = Object.hasOwn(EVENT_PAYLOADS, row.kind) ? EVENT_PAYLOADS[row.kind as EventKind] : undefined;
  const payload = schema?.safeParse(row.payload);
  if (!payload?.success) return null;
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    actorUserId: row.actor_user_id,
    channelId: row.channel_id,
    occurredAt: row.occurred_at,
    attempts: row.attempts,
    kind: row.kind,
    payload: payload.data,
  } as OutboxEvent;
}

// Storage of the personal notifications: each person's preferences and muted opportunities, what each
// was sent or has held for their daily summary (one row per event and person, so a retried delivery
// never messages anyone twice), the daily summary claimed once per person and day, the overdue and
// stale occasions found once each, and the disabling of a person Slack says is gone. Every claim is a
// conditional write, so any number of instances agree through the database.
import { localDate, type LocalDate } from '../domain/local-date.ts';
import {
  DEFAULT_PREFERENCES,
  type NotificationCategory,
  type NotificationMode,
  type NotificationPreferences,
  type TimeOfDay,
} from '../domain/notifications.ts';
import { sql } from 'kysely';
import type { SqlDatabase } from '../store/kysely.ts';
import type { InputLanguage } from '../domain/typed-input/language.ts';
import { type Clock, systemClock } from './clock.ts';
import { asLanguage } from './languages.ts';
import { transaction } from './db.ts';
import { enumLiteral } from './opportunity-queries.ts';
import { type NewEvent, type Outbox, type OutboxEvent, eventFromRow, recordEvents } from './outbox.ts';

/** A change of preferences: only what is given changes. */
export interface PreferencesChange {
  modes?: Partial<Record<NotificationCategory, NotificationMode>>;
  summaryAt?: TimeOfDay;
  /** null: no quiet hours. */
  quiet?: { start: TimeOfDay; end: TimeOfDay } | null;
}

/** A person's preferences, with the opportunities they muted. */
/** One of a person's own open opportunities (App Home offers to mute it). */
export interface MuteChoice {
  no: string;
  description: string;
}

export interface PersonNotifications extends NotificationPreferences {
  muted: string[];
}

/** What became of an event for one person, as of `at` (NotificationService.record). */
export interface NotificationOutcome {
  workspaceId: string;
  eventId: number;
  recipient: string;
  outcome: 'sent' | 'held';
  at: Date;
}

/** What a notification's delivery needs to know about one recipient (NotificationService.recipientFacts). */
export interface RecipientFacts {
  preferences: NotificationPreferences;
  /** Already sent or held for them (a retried delivery). */
  handled: boolean;
  /** They muted the event's opportunity. */
  muted: boolean;
  chosenLanguage: InputLanguage | null;
}

/** An open opportunity that may need its owner's attention (the attention job decides in their zone). */
export interface AttentionCandidate {
  workspaceId: string;
  opportunityId: number;
  no: string;
  description: string;
  salesperson: string;
  estimatedCloseDate: LocalDate;
  lastChange: LocalDate;
  staleDays: number;
  /** Occasions already told: `overdue:<date>` / `stale:<date>`. */
  told: ReadonlySet<string>;
}

export interface SummaryCandidate {
  workspaceId: string;
  slackUserId: string;
  summaryAt: TimeOfDay;
  lastSummaryOn: LocalDate | null;
}

type PreferenceRow = {
  changes: string;
  tasks: string;
  overdue: string;
  stale: string;
  summary_at: string;
  quiet_start: string | null;
  quiet_end: string | null;
  disabled_at: Date | null;
};

function mode(value: string, fallback: NotificationMode): NotificationMode {
  return value === 'instant' || value === 'daily' || value === 'off' ? value : fallback;
}

function preferencesOf(row: PreferenceRow | undefined): NotificationPreferences {
  if (!row) return DEFAULT_PREFERENCES;
  const d = DEFAULT_PREFERENCES.modes;
  return {
    modes: {
      changes: mode(row.changes, d.changes),
      tasks: mode(row.tasks, d.tasks),
      overdue: mode(row.overdue, d.overdue),
      stale: mode(row.stale, d.stale),
    },
    summaryAt: row.summary_at,
    quiet: row.quiet_start !== null && row.quiet_end !== null ? { start: row.quiet_start, end: row.quiet_end } : null,
    disabled: row.disabled_at !== null,
  };
}

export class NotificationService {
  constructor(
    private readonly db: SqlDatabase,
    private readonly clock: Clock = systemClock,
    private readonly outbox?: Outbox,
  ) {}

  async preferences(workspaceId: string, slackUserId: string): Promise<PersonNotifications> {
    const [row, muted] = await Promise.all([
      this.db
        .selectFrom('notification_preference')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('slack_user_id', '=', slackUserId)
        .executeTakeFirst(),
      this.db
        .selectFrom('notification_mute')
        .select('opportunity_no')
        .where('workspace_id', '=', workspaceId)
        .where('slack_user_id', '=', slackUserId)
        .orderBy('opportunity_no')
        .execute(),
    ]);
    return { ...preferencesOf(row), muted: muted.map((m) => m.opportunity_no) };
  }

  /** Changes a person's preferences (setting them turns notifications back on after a disabling). */
  async changePreferences(
    workspaceId: string,
    slackUserId: string,
    change: PreferencesChange,
  ): Promise<PersonNotifications> {
    const now = this.clock.now();
    const values = {
      ...(change.modes?.changes ? { changes: change.modes.changes } : {}),
      ...(change.modes?.tasks ? { tasks: change.modes.tasks } : {}),
      ...(change.modes?.overdue ? { overdue: change.modes.overdue } : {}),
      ...(change.modes?.stale ? { stale: change.modes.stale } : {}),
      ...(change.summaryAt ? { summary_at: change.summaryAt } : {}),
      ...(change.quiet !== undefined
        ? { quiet_start: change.quiet?.start ?? null, quiet_end: change.quiet?.end ?? null }
        : {}),
      disabled_at: null,
      updated_at: now,
    };
    await this.db
      .insertInto('notification_preference')
      .values({ workspace_id: workspaceId, slack_user_id: slackUserId, ...values })
      .onConflict((oc) => oc.columns(['workspace_id', 'slack_user_id']).doUpdateSet(values))
      .execute();
    return this.preferences(workspaceId, slackUserId);
  }

  /** The person's own open opportunities they have not muted, by number (what App Home offers to mute). */
  async muteChoices(workspaceId: string, slackUserId: string, limit: number): Promise<MuteChoice[]> {
    return this.db
      .selectFrom('opportunity as o')
      .innerJoin('salesperson as sp', 'sp.id', 'o.salesperson_id')
      .select(['o.no', 'o.description'])
      .where('o.workspace_id', '=', workspaceId)
      .where('sp.slack_user_id', '=', slackUserId)
      .where('o.status', 'in', [enumLiteral('NOT_STARTED'), enumLiteral('IN_PROGRESS')])
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('notification_mute as m')
              .select('m.opportunity_no')
              .where('m.workspace_id', '=', workspaceId)
              .where('m.slack_user_id', '=', slackUserId)
              .whereRef('m.opportunity_no', '=', 'o.no'),
          ),
        ),
      )
      .orderBy('o.no')
      .limit(limit)
      .execute();
  }

  /** Mutes or unmutes an opportunity for a person; false when the workspace has no such opportunity. */
  async mute(workspaceId: string, slackUserId: string, no: string, muted: boolean): Promise<boolean> {
    if (!muted) {
      await this.db
        .deleteFrom('notification_mute')
        .where('workspace_id', '=', workspaceId)
        .where('slack_user_id', '=', slackUserId)
        .where('opportunity_no', '=', no)
        .execute();
      return true;
    }
    const exists = await this.db
      .selectFrom('opportunity')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('no', '=', no)
      .executeTakeFirst();
    if (!exists) return false;
    await this.db
      .insertInto('notification_mute')
      .values({
        workspace_id: workspaceId,
        slack_user_id: slackUserId,
        opportunity_no: no,
        created_at: this.clock.now(),
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return true;
  }

  /**
   * What delivering an event to its recipients needs, in one read: for each recipient, whether they
   * already got (or have held) their notification of it, their preferences, whether they muted the
   * opportunity `opportunityNo`, and the language they chose.
   */
  async recipientFacts(
    workspaceId: string,
    eventId: number,
    recipients: readonly string[],
    opportunityNo: string | null,
  ): Promise<Map<string, RecipientFacts>> {
    const facts = await this.batchRecipientFacts(workspaceId, [{ eventId, recipients, opportunityNo }]);
    return facts.get(eventId) ?? new Map();
  }

  /**
   * recipientFacts for several events of one workspace (a claimed batch's), in one read: by event, then
   * by recipient.
   */
  async batchRecipientFacts(
    workspaceId: string,
    events: readonly { eventId: number; recipients: readonly string[]; opportunityNo: string | null }[],
  ): Promise<Map<number, Map<string, RecipientFacts>>> {
    const pairs = events.flatMap(({ eventId, recipients, opportunityNo }) =>
      recipients.map((recipient) => ({ eventId, recipient, opportunityNo })),
    );
    const facts = new Map<number, Map<string, RecipientFacts>>();
    if (pairs.length === 0) return facts;
    const rows = await this.db
      .selectFrom(
        sql<{ event_id: number; slack_user_id: string; opportunity_no: string }>`(SELECT * FROM unnest(
          ${pairs.map((p) => p.eventId)}::int[], ${pairs.map((p) => p.recipient)}::text[],
          ${pairs.map((p) => p.opportunityNo ?? '')}::text[]) AS u(event_id, slack_user_id, opportunity_no))`.as('r'),
      )
      .leftJoin('notification_preference as p', (join) =>
        join.on('p.workspace_id', '=', workspaceId).onRef('p.slack_user_id', '=', 'r.slack_user_id'),
      )
      .leftJoin('language_choice as l', (join) =>
        join
          .on('l.workspace_id', '=', workspaceId)
          .on('l.scope', '=', 'member')
          .onRef('l.subject_id', '=', 'r.slack_user_id'),
      )
      .select((eb) => [
        'r.event_id',
        'r.slack_user_id',
        'r.opportunity_no',
        'p.changes',
        'p.tasks',
        'p.overdue',
        'p.stale',
        'p.summary_at',
        'p.quiet_start',
        'p.quiet_end',
        'p.disabled_at',
        'l.language',
        eb
          .exists(
            eb
              .selectFrom('notification as n')
              .select('n.id')
              .whereRef('n.event_id', '=', 'r.event_id')
              .whereRef('n.slack_user_id', '=', 'r.slack_user_id'),
          )
          .as('handled'),
        eb
          .exists(
            eb
              .selectFrom('notification_mute as m')
              .select('m.opportunity_no')
              .where('m.workspace_id', '=', workspaceId)
              .whereRef('m.slack_user_id', '=', 'r.slack_user_id')
              .whereRef('m.opportunity_no', '=', 'r.opportunity_no'),
          )
          .as('muted'),
      ])
      .execute();
    for (const row of rows) {
      const eventId = Number(row.event_id);
      const byRecipient = facts.get(eventId) ?? new Map<string, RecipientFacts>();
      byRecipient.set(row.slack_user_id, {
        // A preference row was found exactly when its NOT NULL columns are set.
        preferences: preferencesOf(row.changes === null ? undefined : (row as PreferenceRow)),
        handled: Boolean(row.handled),
        muted: row.opportunity_no !== '' && Boolean(row.muted),
        chosenLanguage: asLanguage(row.language),
      });
      facts.set(eventId, byRecipient);
    }
    return facts;
  }

  /** Whether this person already got (or has held) their notification of this event. */
  async handled(eventId: number, slackUserId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('notification')
      .select('id')
      .where('event_id', '=', eventId)
      .where('slack_user_id', '=', slackUserId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Records what became of events for people (sent, or held for their daily summary), in one statement;
   * each event and person at most once.
   */
  async record(outcomes: readonly NotificationOutcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    await this.db
      .insertInto('notification')
      .values(
        outcomes.map(({ workspaceId, eventId, recipient, outcome, at }) => ({
          workspace_id: workspaceId,
          slack_user_id: recipient,
          event_id: eventId,
          held: outcome === 'held',
          created_at: at,
          sent_at: outcome === 'sent' ? at : null,
        })),
      )
      .onConflict((oc) => oc.columns(['event_id', 'slack_user_id']).doNothing())
      .execute();
  }

  /**
   * Turns a person's notifications off because Slack says they are gone; the first time (once across
   * instances: a conditional write), a `notifications-disabled` event tells the admins. True then.
   */
  async disable(workspaceId: string, slackUserId: string, reason: string): Promise<boolean> {
    const now = this.clock.now();
    const disabled = await transaction(this.db, async (tx) => {
      const row = await tx
        .insertInto('notification_preference')
        .values({ workspace_id: workspaceId, slack_user_id: slackUserId, disabled_at: now, updated_at: now })
        .onConflict((oc) =>
          oc
            .columns(['workspace_id', 'slack_user_id'])
            .doUpdateSet({ disabled_at: now, updated_at: now })
            .where('notification_preference.disabled_at', 'is', null),
        )
        .returning('slack_user_id')
        .executeTakeFirst();
      if (!row) return false;
      const event: NewEvent = { kind: 'notifications-disabled', payload: { person: slackUserId, reason } };
      await recordEvents(tx, workspaceId, undefined, [event], now);
      return true;
    });
    if (disabled) this.outbox?.recorded();
    return disabled;
  }

  // ---- the daily summary -------------------------------------------------------------------------

  /** People with notifications held for their summary and not yet taken by one. */
  async summaryCandidates(limit: number): Promise<SummaryCandidate[]> {
    const rows = await this.db
      .selectFrom('notification as n')
      .leftJoin('notification_preference as p', (join) =>
        join.onRef('p.workspace_id', '=', 'n.workspace_id').onRef('p.slack_user_id', '=', 'n.slack_user_id'),
      )
      .select(['n.workspace_id', 'n.slack_user_id', 'p.summary_at', 'p.last_summary_on'])
      .where('n.held', '=', true)
      .where('n.sent_at', 'is', null)
      .where('n.summary_event_id', 'is', null)
      .where('p.disabled_at', 'is', null)
      .groupBy(['n.workspace_id', 'n.slack_user_id', 'p.summary_at', 'p.last_summary_on'])
      .orderBy('n.workspace_id')
      .orderBy('n.slack_user_id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      workspaceId: r.workspace_id,
      slackUserId: r.slack_user_id,
      summaryAt: r.summary_at ?? DEFAULT_PREFERENCES.summaryAt,
      lastSummaryOn: r.last_summary_on === null ? null : localDate(r.last_summary_on),
    }));
  }

  /**
   * Claims a person's summary for `date` (once per day: a conditional write of the day) and records it
   * as a `notification-summary` event listing the notifications it takes, in one transaction. True when
   * this call claimed it.
   */
  async claimSummary(workspaceId: string, slackUserId: string, date: LocalDate): Promise<boolean> {
    const now = this.clock.now();
    const claimed = await transaction(this.db, async (tx) => {
      const row = await tx
        .insertInto('notification_preference')
        .values({ workspace_id: workspaceId, slack_user_id: slackUserId, last_summary_on: date, updated_at: now })
        .onConflict((oc) =>
          oc
            .columns(['workspace_id', 'slack_user_id'])
            .doUpdateSet({ last_summary_on: date })
            .where((eb) =>
              eb.or([
                eb('notification_preference.last_summary_on', 'is', null),
                eb('notification_preference.last_summary_on', '<', date),
              ]),
            ),
        )
        .returning('slack_user_id')
        .executeTakeFirst();
      if (!row) return false;
      const held = await tx
        .selectFrom('notification')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('slack_user_id', '=', slackUserId)
        .where('held', '=', true)
        .where('sent_at', 'is', null)
        .where('summary_event_id', 'is', null)
        .orderBy('id')
        .forUpdate()
        .execute();
      if (held.length === 0) return false;
      const ids = held.map((h) => h.id);
      const event: NewEvent = {
        kind: 'notification-summary',
        payload: { recipient: slackUserId, date, notificationIds: ids },
      };
      const { events } = await recordEvents(tx, workspaceId, undefined, [event], now);
      await tx
        .updateTable('notification')
        .set({ summary_event_id: events[0]?.id ?? null })
        .where('id', 'in', ids)
        .execute();
      return true;
    });
    if (claimed) this.outbox?.recorded();
    return claimed;
  }

  /** The events a summary lists, oldest first (an event this version cannot read is left out). */
  async summaryEvents(workspaceId: string, ids: readonly number[]): Promise<OutboxEvent[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('notification as n')
      .innerJoin('outbox_event as e', 'e.id', 'n.event_id')
      .select(['e.id', 'e.workspace_id', 'e.kind', 'e.actor_user_id', 'e.channel_id', 'e.payload', 'e.occurred_at'])
      .where('n.workspace_id', '=', workspaceId)
      .where('n.id', 'in', [...ids])
      .orderBy('e.id')
      .execute();
    return rows.map((row) => eventFromRow({ ...row, attempts: 1 })).filter((e): e is OutboxEvent => e !== null);
  }

  async summarySent(workspaceId: string, ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable('notification')
      .set({ sent_at: this.clock.now() })
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', [...ids])
      .execute();
  }

  // ---- overdue and stale -------------------------------------------------------------------------

  /**
   * Open started opportunities with a Slack-linked salesperson that are overdue or stale by UTC's
   * tomorrow (every zone's today is at most that), with the occasions already told. The attention job
   * decides each in its owner's zone.
   */
  async attentionCandidates(utcTomorrow: LocalDate, limit: number): Promise<AttentionCandidate[]> {
    const rows = await this.db
      .selectFrom('opportunity_entry as e')
      .innerJoin('opportunity as o', 'o.id', 'e.opportunity_id')
      .innerJoin('salesperson as sp', 'sp.id', 'o.salesperson_id')
      .innerJoin('workspace as w', 'w.id', 'o.workspace_id')
      .select([
        'o.workspace_id',
        'o.id',
        'o.no',
        'o.description',
        'sp.slack_user_id',
        'e.estimated_close_date',
        'e.date_of_change',
        'w.stale_days',
      ])
      .where('e.active', '=', true)
      .where('e.stage', 'is not', null)
      .where('o.status', '=', enumLiteral('IN_PROGRESS'))
      .where('sp.slack_user_id', 'is not', null)
      .where((eb) =>
        eb.or([
          eb.and([
            eb('e.estimated_close_date', '<', utcTomorrow),
            eb.not(
              eb.exists(
                eb
                  .selectFrom('attention_notice as a')
                  .select('a.opportunity_id')
                  .whereRef('a.opportunity_id', '=', 'o.id')
                  .where('a.occasion', '=', 'overdue')
                  .whereRef('a.since', '=', 'e.estimated_close_date'),
              ),
            ),
          ]),
          eb.and([
            sql<boolean>`${sql.ref('e.date_of_change')} + ${sql.ref('w.stale_days')} <= cast(${utcTomorrow} as date)`,
            eb.not(
              eb.exists(
                eb
                  .selectFrom('attention_notice as a')
                  .select('a.opportunity_id')
                  .whereRef('a.opportunity_id', '=', 'o.id')
                  .where('a.occasion', '=', 'stale')
                  .whereRef('a.since', '=', 'e.date_of_change'),
              ),
            ),
          ]),
        ]),
      )
      .orderBy('o.id')
      .limit(limit)
      .execute();
    const told = await this.toldOccasions(rows.map((r) => r.id));
    return rows.map((r) => ({
      workspaceId: r.workspace_id,
      opportunityId: r.id,
      no: r.no,
      description: r.description,
      salesperson: r.slack_user_id ?? '',
      estimatedCloseDate: localDate(r.estimated_close_date),
      lastChange: localDate(r.date_of_change),
      staleDays: r.stale_days,
      told: told.get(r.id) ?? new Set(),
    }));
  }

  private async toldOccasions(opportunityIds: readonly number[]): Promise<Map<number, Set<string>>> {
    const told = new Map<number, Set<string>>();
    if (opportunityIds.length === 0) return told;
    const rows = await this.db
      .selectFrom('attention_notice')
      .select(['opportunity_id', 'occasion', 'since'])
      .where('opportunity_id', 'in', [...opportunityIds])
      .execute();
    for (const row of rows) {
      const set = told.get(row.opportunity_id) ?? new Set<string>();
      set.add(`${row.occasion}:${row.since}`);
      told.set(row.opportunity_id, set);
    }
    return told;
  }

  /**
   * Records one occasion (overdue since its closing date, stale since its last change) with its event,
   * in one transaction; a conditional insert, so of two instances one records it. True when recorded.
   */
  async claimAttention(candidate: AttentionCandidate, occasion: 'overdue' | 'stale'): Promise<boolean> {
    const now = this.clock.now();
    const since = occasion === 'overdue' ? candidate.estimatedCloseDate : candidate.lastChange;
    const claimed = await transaction(this.db, async (tx) => {
      const row = await tx
        .insertInto('attention_notice')
        .values({ opportunity_id: candidate.opportunityId, occasion, since, created_at: now })
        .onConflict((oc) => oc.doNothing())
        .returning('opportunity_id')
        .executeTakeFirst();
      if (!row) return false;
      const about = { no: candidate.no, description: candidate.description, salesperson: candidate.salesperson };
      const event: NewEvent =
        occasion === 'overdue'
          ? { kind: 'opportunity-overdue', payload: { ...about, estimatedCloseDate: candidate.estimatedCloseDate } }
          : {
              kind: 'opportunity-stale',
              payload: { ...about, lastChange: candidate.lastChange, staleDays: candidate.staleDays },
            };
      await recordEvents(tx, candidate.workspaceId, undefined, [event], now);
      return true;
    });
    if (claimed) this.outbox?.recorded();
    return claimed;
  }
}

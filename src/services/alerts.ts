// Channel alerts in the database: the alerts of a workspace (`/opp alert …`), and the message each one
// last posted about an opportunity (what later events of that opportunity fold into). Each operation is
// one statement or one transaction.
import { type Selectable, sql } from 'kysely';
import { type AlertFilters, type AlertKind, ALERT_KINDS, type ValueOperator } from '../domain/alerts.ts';
import { Decimal } from '../domain/decimal.ts';
import type { ChannelAlert } from '../generated/kysely/types.ts';
import type { SqlDatabase } from '../store/kysely.ts';
import type { InputLanguage } from '../domain/typed-input/language.ts';
import { transaction } from './db.ts';
import { channelLanguageOf } from './languages.ts';
import { findCycleRow } from './setup.ts';
import { ensureWorkspace } from './workspace.ts';

export interface Alert {
  id: number;
  channelId: string;
  kinds: AlertKind[];
  filters: AlertFilters;
  createdBySlackUserId: string;
  createdAt: Date;
  /** Set when the alert was turned off because its channel is gone. */
  disabled: { at: Date; reason: string } | null;
}

/** An alert an event goes to, with the message it may fold into and its channel's language. */
export interface AlertTarget {
  alert: Alert;
  message: AlertMessageRecord | null;
  language: InputLanguage;
}

/** An alert still on, with its channel's language and its last message about each opportunity asked for. */
export interface BatchAlertTarget {
  alert: Alert;
  language: InputLanguage;
  messages: Map<string, AlertMessageRecord>;
}

export interface AlertInput {
  channelId: string;
  kinds: readonly AlertKind[];
  filters: AlertFilters;
  createdBySlackUserId: string;
}

/** What an alert's message about an opportunity shows now, as of `at` (AlertService.saveMessages). */
export interface SavedAlertMessage {
  alertId: number;
  opportunityNo: string;
  message: AlertMessageRecord;
  at: Date;
}

/** The message an alert posted about one opportunity: where it is and which events it shows. */
export interface AlertMessageRecord {
  channelId: string;
  ts: string;
  firstEventAt: Date;
  eventIds: number[];
}

const OPERATORS: readonly ValueOperator[] = ['gt', 'ge', 'lt', 'le'];

/**
 * A PostgreSQL array column as its items: node-postgres parses arrays, the embedded database's driver
 * may hand over the text form (`{won,lost}`); the items here are plain words and numbers.
 */
function arrayItems(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  const inner = value.replace(/^\{|\}$/g, '').trim();
  return inner === '' ? [] : inner.split(',').map((item) => item.trim().replace(/^"|"$/g, ''));
}

function fromRow(row: Selectable<ChannelAlert>): Alert {
  const op = OPERATORS.find((o) => o === row.value_op);
  return {
    id: row.id,
    channelId: row.channel_id,
    kinds: ALERT_KINDS.filter((kind) => arrayItems(row.kinds).includes(kind)),
    filters: {
      value: op && row.value_amount !== null ? { op, amount: new Decimal(row.value_amount) } : null,
      cycle: row.sales_cycle_code,
      owner: row.owner_slack_user_id,
    },
    createdBySlackUserId: row.created_by_slack_user_id,
    createdAt: row.created_at,
    disabled: row.disabled_at ? { at: row.disabled_at, reason: row.disabled_reason ?? '' } : null,
  };
}

export class AlertService {
  constructor(private readonly db: SqlDatabase) {}

  /** Adds an alert; its cycle, when it has one, must exist in the workspace (read in the same transaction). */
  async add(workspaceId: string, input: AlertInput, now: Date): Promise<Alert> {
    return transaction(this.db, async (tx) => {
      await ensureWorkspace(tx, workspaceId);
      const cycle =
        input.filters.cycle === null ? null : (await findCycleRow(tx, workspaceId, input.filters.cycle)).code;
      const row = await tx
        .insertInto('channel_alert')
        .values({
          workspace_id: workspaceId,
          channel_id: input.channelId,
          kinds: [...input.kinds],
          value_op: input.filters.value?.op ?? null,
          value_amount: input.filters.value?.amount.toFixed() ?? null,
          sales_cycle_code: cycle,
          owner_slack_user_id: input.filters.owner,
          created_by_slack_user_id: input.createdBySlackUserId,
          created_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return fromRow(row);
    });
  }

  /** Every alert of the workspace, disabled ones included, oldest first. */
  async list(workspaceId: string): Promise<Alert[]> {
    const rows = await this.db
      .selectFrom('channel_alert')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .execute();
    return rows.map(fromRow);
  }

  /** Ends an alert (its folded messages go with it). The alert removed, or null when there is none. */
  async remove(workspaceId: string, id: number): Promise<Alert | null> {
    const row = await this.db
      .deleteFrom('channel_alert')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ? fromRow(row) : null;
  }

  /**
   * Turns an alert off because its channel is gone. True only for the call that turned it off, so
   * whoever gets true tells the admins, once, however many events and instances met the gone channel.
   */
  async disable(workspaceId: string, id: number, reason: string, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('channel_alert')
      .set({ disabled_at: at, disabled_reason: reason.slice(0, 100) })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * What delivering the events of a claimed batch needs, in one read: the workspace's alerts still on
   * (oldest first), each with its channel's language and the message it last posted about each of the
   * opportunities `opportunityNos` (what an event may fold into).
   */
  async deliveryTargets(workspaceId: string, opportunityNos: readonly string[]): Promise<BatchAlertTarget[]> {
    const rows = await this.db
      .selectFrom('channel_alert as a')
      .innerJoin('workspace as w', 'w.id', 'a.workspace_id')
      .leftJoin('alert_message as m', (join) =>
        join
          .onRef('m.alert_id', '=', 'a.id')
          .on((eb) => eb('m.opportunity_no', '=', eb.fn.any(sql<string[]>`${[...opportunityNos]}::text[]`))),
      )
      .leftJoin('language_choice as l', (join) =>
        join
          .onRef('l.workspace_id', '=', 'a.workspace_id')
          .on('l.scope', '=', 'channel')
          .onRef('l.subject_id', '=', 'a.channel_id'),
      )
      .selectAll('a')
      .select([
        'm.opportunity_no as message_opportunity_no',
        'm.channel_id as message_channel_id',
        'm.ts as message_ts',
        'm.first_event_at as message_first_event_at',
        'm.event_ids as message_event_ids',
        'l.language as channel_language',
        'w.language as workspace_language',
      ])
      .where('a.workspace_id', '=', workspaceId)
      .where('a.disabled_at', 'is', null)
      .orderBy('a.id')
      .execute();
    const targets = new Map<number, BatchAlertTarget>();
    for (const row of rows) {
      let target = targets.get(row.id);
      if (!target) {
        target = {
          alert: fromRow(row),
          language: channelLanguageOf(row.channel_language, row.workspace_language).language,
          messages: new Map(),
        };
        targets.set(row.id, target);
      }
      if (
        row.message_opportunity_no !== null &&
        row.message_ts !== null &&
        row.message_channel_id !== null &&
        row.message_first_event_at !== null
      )
        target.messages.set(row.message_opportunity_no, {
          channelId: row.message_channel_id,
          ts: row.message_ts,
          firstEventAt: row.message_first_event_at,
          eventIds: arrayItems(row.message_event_ids).map(Number),
        });
    }
    return [...targets.values()];
  }

  /**
   * Records the messages the alerts now show (a new post replaces the last one of its alert about its
   * opportunity), in one statement; each alert and opportunity at most once.
   */
  async saveMessages(messages: readonly SavedAlertMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.db
      .insertInto('alert_message')
      .values(
        messages.map(({ alertId, opportunityNo, message, at }) => ({
          alert_id: alertId,
          opportunity_no: opportunityNo,
          channel_id: message.channelId,
          ts: message.ts,
          first_event_at: message.firstEventAt,
          event_ids: message.eventIds,
          posted_at: at,
          updated_at: at,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['alert_id', 'opportunity_no']).doUpdateSet((eb) => ({
          channel_id: eb.ref('excluded.channel_id'),
          ts: eb.ref('excluded.ts'),
          first_event_at: eb.ref('excluded.first_event_at'),
          event_ids: eb.ref('excluded.event_ids'),
          updated_at: eb.ref('excluded.updated_at'),
          // A new post (another ts) is posted now; an update keeps the time of its post.
          posted_at: eb
            .case()
            .when('alert_message.ts', '=', eb.ref('excluded.ts'))
            .then(eb.ref('alert_message.posted_at'))
            .else(eb.ref('excluded.posted_at'))
            .end(),
        })),
      )
      .execute();
  }
}

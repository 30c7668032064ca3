// Tasks (table task): the ones stage activities create (src/services/opportunities.ts applyPlan), read
// for their owner ("My tasks", /opp tasks), for an opportunity's card, and changed by their owner:
// completed or postponed, each change one transaction with its event in the outbox. And the reminders:
// the job (src/jobs/task-reminders.ts) reads the candidates, decides per owner's time zone, and claims the
// due ones here with a conditional UPDATE (reminded_for := date where it is not that yet), so of two
// instances that find the same task due exactly one records its reminder (the outbox then delivers it).
import { type LocalDate, localDate } from '../domain/local-date.ts';
import { DomainError } from '../domain/problems.ts';
import { assertTaskOpen, checkPostponeDate, reminderWindow, type TaskStatus } from '../domain/tasks.ts';
import type { TaskStatus as DbTaskStatus } from '../generated/kysely/types.ts';
import type { SqlDatabase, SqlTransaction } from '../store/kysely.ts';
import { type Clock, systemClock } from './clock.ts';
import { transaction } from './db.ts';
import { enumLiteral } from './opportunity-queries.ts';
import { type EventOrigin, type NewEvent, type Outbox, type RecordedEvent, recordEvents } from './outbox.ts';

export interface TaskView {
  id: number;
  description: string;
  date: LocalDate;
  status: TaskStatus;
  /** Null once the opportunity was deleted (tasks stay, as in Business Central). */
  opportunity: { no: string; description: string } | null;
  owner: { code: string; name: string; slackUserId: string | null };
}

export interface TaskFilter {
  /** The owner's Slack user; or all owners of the opportunity's tasks. */
  ownerSlackUserId?: string | undefined;
  opportunityNo?: string | undefined;
}

/** A task the reminder job may owe its owner a message about (decided per owner's time zone). */
export interface ReminderCandidate {
  id: number;
  workspaceId: string;
  date: LocalDate;
  ownerSlackUserId: string;
}

const STATUS_FROM_DB: Record<DbTaskStatus, TaskStatus> = { OPEN: 'open', COMPLETED: 'completed', CANCELED: 'canceled' };

function selectTasks(db: SqlDatabase) {
  return db
    .selectFrom('task as t')
    .innerJoin('salesperson as sp', 'sp.id', 't.salesperson_id')
    .leftJoin('opportunity as o', 'o.id', 't.opportunity_id')
    .select([
      't.id',
      't.workspace_id',
      't.description',
      't.date',
      't.status',
      't.reminded_for',
      'o.no as opportunity_no',
      'o.description as opportunity_description',
      'sp.code as owner_code',
      'sp.name as owner_name',
      'sp.slack_user_id as owner_slack_user_id',
    ]);
}

type TaskRow = Awaited<ReturnType<ReturnType<typeof selectTasks>['executeTakeFirstOrThrow']>>;

function taskFromRow(row: TaskRow): TaskView {
  return {
    id: row.id,
    description: row.description,
    date: localDate(row.date),
    status: STATUS_FROM_DB[row.status],
    opportunity:
      row.opportunity_no === null ? null : { no: row.opportunity_no, description: row.opportunity_description ?? '' },
    owner: { code: row.owner_code, name: row.owner_name, slackUserId: row.owner_slack_user_id },
  };
}

/** What every event says about its task. */
function aboutTask(task: TaskView) {
  return {
    taskId: task.id,
    description: task.description,
    date: task.date,
    opportunityNo: task.opportunity?.no ?? null,
    opportunityDescription: task.opportunity?.description ?? null,
    owner: task.owner.slackUserId,
  };
}

export class TaskService {
  constructor(
    private readonly db: SqlDatabase,
    private readonly clock: Clock = systemClock,
    private readonly outbox?: Outbox,
  ) {}

  /** Open tasks, earliest due first (then by number), one page and how many there are. */
  async listOpen(workspaceId: string, filter: TaskFilter, limit = 50): Promise<{ items: TaskView[]; total: number }> {
    let query = selectTasks(this.db)
      .select((eb) => eb.fn.countAll<number>().over().as('total'))
      .where('t.workspace_id', '=', workspaceId)
      .where('t.status', '=', enumLiteral('OPEN'));
    if (filter.ownerSlackUserId !== undefined) query = query.where('sp.slack_user_id', '=', filter.ownerSlackUserId);
    if (filter.opportunityNo !== undefined) query = query.where('o.no', '=', filter.opportunityNo.trim().toUpperCase());
    const rows = await query.orderBy('t.date').orderBy('t.id').limit(limit).execute();
    return { items: rows.map(taskFromRow), total: rows[0] ? Number(rows[0].total) : 0 };
  }

  /** One task of the workspace (any status); "not found" for another workspace's. */
  async get(workspaceId: string, taskId: number): Promise<TaskView> {
    return taskFromRow(await findTask(this.db, workspaceId, taskId));
  }

  /** The task's owner, for the permission check (null: no such task here, or its owner has no Slack user). */
  async ownerOf(workspaceId: string, taskId: number): Promise<{ ownerSlackUserId: string | null } | null> {
    const row = await this.db
      .selectFrom('task as t')
      .innerJoin('salesperson as sp', 'sp.id', 't.salesperson_id')
      .select('sp.slack_user_id')
      .where('t.workspace_id', '=', workspaceId)
      .where('t.id', '=', taskId)
      .executeTakeFirst();
    return row ? { ownerSlackUserId: row.slack_user_id } : null;
  }

  async complete(
    workspaceId: string,
    taskId: number,
    origin?: EventOrigin,
  ): Promise<{ task: TaskView; events: readonly RecordedEvent[] }> {
    return this.change(workspaceId, taskId, origin, async (tx, task) => {
      assertTaskOpen(task);
      await tx.updateTable('task').set({ status: 'COMPLETED' }).where('id', '=', task.id).execute();
      return {
        task: { ...task, status: 'completed' },
        event: { kind: 'task-completed', payload: aboutTask(task) },
      };
    });
  }

  /** Moves an open task to a later date; its reminder then comes on that date. */
  async postpone(
    workspaceId: string,
    taskId: number,
    newDate: LocalDate,
    origin?: EventOrigin,
  ): Promise<{ task: TaskView; events: readonly RecordedEvent[] }> {
    return this.change(workspaceId, taskId, origin, async (tx, task) => {
      assertTaskOpen(task);
      checkPostponeDate(task, newDate);
      await tx.updateTable('task').set({ date: newDate }).where('id', '=', task.id).execute();
      return {
        task: { ...task, date: newDate },
        event: { kind: 'task-postponed', payload: { ...aboutTask(task), date: newDate, fromDate: task.date } },
      };
    });
  }

  /**
   * Open tasks with an owner in Slack whose date may be due somewhere now and that were not reminded of
   * that date yet (any workspace: the job serves them all), earliest first.
   */
  async reminderCandidates(now: Date, limit: number): Promise<ReminderCandidate[]> {
    const window = reminderWindow(now);
    const rows = await this.db
      .selectFrom('task as t')
      .innerJoin('salesperson as sp', 'sp.id', 't.salesperson_id')
      .select(['t.id', 't.workspace_id', 't.date', 'sp.slack_user_id'])
      .where('t.status', '=', enumLiteral('OPEN'))
      .where('t.date', '>=', window.from)
      .where('t.date', '<=', window.to)
      .where((eb) => eb.or([eb('t.reminded_for', 'is', null), eb('t.reminded_for', '<>', eb.ref('t.date'))]))
      .where('sp.slack_user_id', 'is not', null)
      .orderBy('t.date')
      .orderBy('t.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      workspaceId: r.workspace_id,
      date: localDate(r.date),
      ownerSlackUserId: r.slack_user_id ?? '',
    }));
  }

  /**
   * Claims the reminders of these tasks for the dates they were found due on, and records a `task-due`
   * event for each one claimed, in one transaction. The claim is a conditional UPDATE: a task another
   * instance claimed meanwhile (or completed, or postponed) is not updated again, so it is reminded once.
   * Returns how many were claimed.
   */
  async claimReminders(due: readonly Pick<ReminderCandidate, 'id' | 'date'>[]): Promise<number> {
    if (due.length === 0) return 0;
    const now = this.clock.now();
    const { claimed, deliveries } = await transaction(this.db, async (tx) => {
      let claimedCount = 0;
      let deliveryCount = 0;
      for (const candidate of due) {
        const updated = await tx
          .updateTable('task')
          .set({ reminded_for: candidate.date })
          .where('id', '=', candidate.id)
          .where('status', '=', enumLiteral('OPEN'))
          .where('date', '=', candidate.date)
          .where((eb) => eb.or([eb('reminded_for', 'is', null), eb('reminded_for', '<>', candidate.date)]))
          .returning('workspace_id')
          .executeTakeFirst();
        if (!updated) continue;
        const task = taskFromRow(await findTask(tx, updated.workspace_id, candidate.id));
        if (task.owner.slackUserId === null) continue;
        const event: NewEvent = { kind: 'task-due', payload: { ...aboutTask(task), owner: task.owner.slackUserId } };
        const recorded = await recordEvents(tx, updated.workspace_id, undefined, [event], now);
        claimedCount += 1;
        deliveryCount += recorded.deliveries;
      }
      return { claimed: claimedCount, deliveries: deliveryCount };
    });
    if (deliveries > 0) this.outbox?.recorded();
    return claimed;
  }

  /** One change of one task: read it (locked), let `write` change it, record its event, in one transaction. */
  private async change(
    workspaceId: string,
    taskId: number,
    origin: EventOrigin | undefined,
    write: (tx: SqlTransaction, task: TaskView) => Promise<{ task: TaskView; event: NewEvent }>,
  ): Promise<{ task: TaskView; events: readonly RecordedEvent[] }> {
    const now = this.clock.now();
    const { task, events, deliveries } = await transaction(this.db, async (tx) => {
      const current = taskFromRow(await findTask(tx, workspaceId, taskId, { lock: true }));
      const written = await write(tx, current);
      const recorded = await recordEvents(tx, workspaceId, origin, [written.event], now);
      return { task: written.task, ...recorded };
    });
    if (deliveries > 0) this.outbox?.recorded();
    return { task, events };
  }
}

async function findTask(
  db: SqlDatabase,
  workspaceId: string,
  taskId: number,
  options: { lock?: boolean } = {},
): Promise<TaskRow> {
  let query = selectTasks(db).where('t.workspace_id', '=', workspaceId).where('t.id', '=', taskId);
  // Of two changes of one task, the second waits and then sees the first one's result.
  if (options.lock) query = query.forUpdate('t');
  const row = await query.executeTakeFirst();
  if (!row) throw new DomainError({ kind: 'task-not-found', taskId });
  return row;
}

// The task use cases: a person's open tasks (their own; another person's for managers and admins), and
// completing or postponing one (its owner, or a manager). Each checks who may act (./guard.ts) and runs
// one service operation, whose event is recorded in the outbox in the same transaction.
import { decide } from '../domain/permissions.ts';
import type { LocalDate } from '../domain/local-date.ts';
import { assertTaskOpen } from '../domain/tasks.ts';
import type { Services } from '../services/index.ts';
import type { RecordedEvent } from '../services/outbox.ts';
import type { TaskView } from '../services/tasks.ts';
import type { RequestContext } from './context.ts';
import type { Guard } from './guard.ts';

export interface TaskList {
  /** Whose tasks: the actor's own, or the Slack user asked for. */
  ownerSlackUserId: string;
  mine: boolean;
  items: TaskView[];
  total: number;
  /** Whether the reader may complete and postpone these (their own, or as a manager). */
  canChange: boolean;
  /** The reader's today: earlier due dates are overdue. */
  today: LocalDate;
}

export interface TaskChange {
  task: TaskView;
  events: readonly RecordedEvent[];
}

export class TaskUseCases {
  constructor(
    private readonly services: Services,
    private readonly guard: Guard,
  ) {}

  /** Open tasks of `owner` (default: the actor), earliest due first. */
  async list(
    ctx: RequestContext,
    input: { owner?: string | undefined; limit?: number | undefined } = {},
  ): Promise<TaskList> {
    const owner = input.owner ?? ctx.actor.userId;
    const access = await this.guard.require(ctx, 'read-tasks', { tasksOf: owner });
    const mine = owner === ctx.actor.userId;
    const { items, total } = await this.services.tasks.listOpen(
      ctx.workspaceId,
      { ownerSlackUserId: owner },
      input.limit ?? 50,
    );
    const canChange = decide(access.role, 'change-task', { isOwner: mine }).allowed;
    return { ownerSlackUserId: owner, mine, items, total, canChange, today: ctx.today };
  }

  async complete(ctx: RequestContext, taskId: number): Promise<TaskChange> {
    await this.guard.require(ctx, 'change-task', { taskId });
    return this.services.tasks.complete(ctx.workspaceId, taskId, this.origin(ctx));
  }

  async postpone(ctx: RequestContext, input: { taskId: number; date: LocalDate }): Promise<TaskChange> {
    await this.guard.require(ctx, 'change-task', { taskId: input.taskId });
    return this.services.tasks.postpone(ctx.workspaceId, input.taskId, input.date, this.origin(ctx));
  }

  /** The Postpone form: the task as it is (it must still be open). */
  async postponeForm(ctx: RequestContext, taskId: number): Promise<TaskView> {
    await this.guard.require(ctx, 'change-task', { taskId });
    const task = await this.services.tasks.get(ctx.workspaceId, taskId);
    assertTaskOpen(task);
    return task;
  }

  private origin(ctx: RequestContext) {
    return { actorUserId: ctx.actor.userId, channelId: ctx.channelId };
  }
}

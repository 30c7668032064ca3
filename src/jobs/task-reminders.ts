// The task reminder job. Every instance of the app runs one; they agree through the database: the
// candidates (open tasks due around now, not yet reminded of their date) are read, each owner's time zone
// decides whether their morning of the due date has come (src/domain/tasks.ts reminderDue), and the due
// ones are claimed with a conditional UPDATE that records the reminder as an outbox event in the same
// transaction (src/services/tasks.ts claimReminders). Of two instances that find the same task due, one
// claims it; the outbox then delivers the direct message once, with retries, as a notification of kind `tasks` (src/slack/notifier.ts).
import { reminderDue } from '../domain/tasks.ts';
import type { Clock } from '../services/clock.ts';
import type { TaskService } from '../services/tasks.ts';
import { PeriodicJob } from './periodic-job.ts';

/** Where a task's owner lives: their Slack time zone (UTC when Slack does not say). */
export interface OwnerZones {
  zoneOf(workspaceId: string, slackUserId: string): Promise<string>;
}

export class TaskReminderJob extends PeriodicJob {
  constructor(
    private readonly tasks: Pick<TaskService, 'reminderCandidates' | 'claimReminders'>,
    private readonly clock: Clock,
    private readonly zones: OwnerZones,
    log: (message: string) => void = () => undefined,
    private readonly batchSize = 200,
  ) {
    super('task reminders', log);
  }

  /** One pass: the reminders due now are claimed (and so sent once); how many this instance claimed. */
  async tick(): Promise<{ claimed: number }> {
    const now = this.clock.now();
    const candidates = await this.tasks.reminderCandidates(now, this.batchSize);
    const due = [];
    for (const task of candidates) {
      const zone = await this.zones.zoneOf(task.workspaceId, task.ownerSlackUserId);
      if (reminderDue(task.date, now, zone)) due.push(task);
    }
    return { claimed: await this.tasks.claimReminders(due) };
  }
}

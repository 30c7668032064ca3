// Tasks (Business Central's to-dos): created when an opportunity enters a stage whose activity has
// steps (§9), owned by a salesperson, completed or postponed by them, canceled by a move or a close that
// cancels old tasks. And when their owner hears of them: a direct message on the due date.
import { addDays, dateInZone, type LocalDate } from './local-date.ts';
import { DomainError } from './problems.ts';
import { zonedEpochMs } from './schedule.ts';

export type TaskStatus = 'open' | 'completed' | 'canceled';

/**
 * The owner's morning: a task is reminded at this time of its due date, in the owner's own Slack time
 * zone (a rep in Singapore and one in New York each hear at 9 their time, not at one workspace hour).
 */
export const REMINDER_TIME = '09:00';

/**
 * A reminder missed by more than this (the app was down, the task was created late with an old date) is
 * not sent any more: the owner sees it among their tasks, but gets no flood of stale messages.
 */
export const REMINDER_GRACE_DAYS = 7;

/** Whether a task due on `date` should be reminded at `now` to an owner living in `timeZone`. */
export function reminderDue(date: LocalDate, now: Date, timeZone: string): boolean {
  if (now.getTime() < zonedEpochMs(date, REMINDER_TIME, timeZone)) return false;
  return addDays(date, REMINDER_GRACE_DAYS) >= dateInZone(now, timeZone);
}

/**
 * The due dates any owner anywhere may be reminded of at `now` (every zone's today lies within a day of
 * UTC's): the reminder job reads only these candidates and decides per owner with reminderDue.
 */
export function reminderWindow(now: Date): { from: LocalDate; to: LocalDate } {
  const utcToday = dateInZone(now, 'UTC');
  return { from: addDays(utcToday, -(REMINDER_GRACE_DAYS + 1)), to: addDays(utcToday, 1) };
}

/** Only an open task can be completed or postponed. */
export function assertTaskOpen(task: { id: number; status: TaskStatus }): void {
  if (task.status !== 'open') throw new DomainError({ kind: 'task-not-open', taskId: task.id, status: task.status });
}

/** A postponed task moves to a later date than the one it has (BC's Postpone: a new date, later). */
export function checkPostponeDate(task: { id: number; date: LocalDate }, newDate: LocalDate): void {
  if (newDate <= task.date)
    throw new DomainError({ kind: 'postpone-not-later', taskId: task.id, date: task.date, newDate });
}

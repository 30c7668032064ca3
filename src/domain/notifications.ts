// Personal notifications: which direct messages a salesperson gets about their opportunities and tasks,
// and when. Pure rules: who an event concerns, what each person chose (instant, held for a daily
// summary, or off), quiet hours and the summary's time in their own time zone, and when an open
// opportunity is overdue or stale (the digest's attention rules, src/services/digests.ts).
import { addDays, dateInZone, type LocalDate } from './local-date.ts';
import { zonedEpochMs } from './schedule.ts';

/** The kinds of notification a person chooses for. */
export const NOTIFICATION_CATEGORIES = ['changes', 'tasks', 'overdue', 'stale'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/** instant: a DM at once (after quiet hours); daily: one line in the daily summary; off: nothing. */
export const NOTIFICATION_MODES = ['instant', 'daily', 'off'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

/** `HH:MM`, 24-hour, in the person's time zone. */
export type TimeOfDay = string;

export interface NotificationPreferences {
  modes: Record<NotificationCategory, NotificationMode>;
  summaryAt: TimeOfDay;
  /** null: no quiet hours. */
  quiet: { start: TimeOfDay; end: TimeOfDay } | null;
  /** Slack said the person is gone: nothing is sent until they set their notifications again. */
  disabled: boolean;
}

/** Instant for changes by others and tasks, the daily summary at 9:00 for overdue and stale, no quiet hours. */
export const DEFAULT_PREFERENCES: NotificationPreferences = {
  modes: { changes: 'instant', tasks: 'instant', overdue: 'daily', stale: 'daily' },
  summaryAt: '09:00',
  quiet: null,
  disabled: false,
};

/** The event kinds a person hears about, by category (any other kind notifies nobody). */
const CATEGORY_OF_KIND: Readonly<Record<string, NotificationCategory>> = {
  'opportunity-moved': 'changes',
  'opportunity-updated': 'changes',
  'opportunity-edited': 'changes',
  'opportunity-won': 'changes',
  'opportunity-lost': 'changes',
  'opportunity-reassigned': 'changes',
  'opportunity-deleted': 'changes',
  'note-added': 'changes',
  'order-made': 'changes',
  'task-due': 'tasks',
  'opportunity-overdue': 'overdue',
  'opportunity-stale': 'stale',
};

export function categoryOf(kind: string): NotificationCategory | undefined {
  return Object.hasOwn(CATEGORY_OF_KIND, kind) ? CATEGORY_OF_KIND[kind] : undefined;
}

/** What the recipients rule reads of an event. */
export interface NotifiableEvent {
  kind: string;
  actorUserId: string;
  payload: {
    salesperson?: string | null | undefined;
    from?: string | null;
    owner?: string | null;
    closedWon?: boolean | undefined;
    changes?: readonly { field: string }[];
  };
}

/**
 * Who an event concerns: the opportunity's salesperson (a reassignment: the new one and the one before)
 * or the task's owner, never the person who made the change (your own changes do not notify you). An
 * order notifies only when it closed the opportunity as won; an edit that reassigned it, through its
 * reassignment.
 */
export function recipientsOf(event: NotifiableEvent): string[] {
  const category = categoryOf(event.kind);
  if (category === undefined) return [];
  if (event.kind === 'order-made' && event.payload.closedWon !== true) return [];
  // An edit that gave the opportunity to someone else is told by its reassignment (to both owners).
  if (event.kind === 'opportunity-edited' && event.payload.changes?.some((c) => c.field === 'salesperson')) return [];
  const people =
    event.kind === 'task-due'
      ? [event.payload.owner]
      : event.kind === 'opportunity-reassigned'
        ? [event.payload.salesperson, event.payload.from]
        : [event.payload.salesperson];
  // A change nobody is named for (made by the app itself) tells nobody; what the jobs find has no actor.
  if (event.actorUserId === '' && category === 'changes') return [];
  const recipients = people.filter(
    (person): person is string => typeof person === 'string' && person !== '' && person !== event.actorUserId,
  );
  return [...new Set(recipients)];
}

function minutesOf(time: TimeOfDay): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** The time of day at `now` in `timeZone`, as minutes since midnight. */
function minuteInZone(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute');
}

/**
 * When the quiet hours holding a message at `now` end (epoch ms), or null when it may be sent now. Quiet
 * hours may span midnight (22:00–07:00); start = end means none.
 */
export function quietUntil(now: Date, timeZone: string, quiet: NotificationPreferences['quiet']): number | null {
  if (quiet === null) return null;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return null;
  const minute = minuteInZone(now, timeZone);
  const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inside) return null;
  const today = dateInZone(now, timeZone);
  // The end is today when it is still ahead of us, else tomorrow (a span across midnight, before it).
  const endDay = minute < end ? today : addDays(today, 1);
  return zonedEpochMs(endDay, quiet.end, timeZone);
}

/**
 * Whether a person's daily summary is due at `now`: their summary time has come today in their zone
 * and none was sent today. Returns the day it is for, or null.
 */
export function summaryDueOn(
  now: Date,
  timeZone: string,
  summaryAt: TimeOfDay,
  lastSummaryOn: LocalDate | null,
): LocalDate | null {
  const today = dateInZone(now, timeZone);
  if (lastSummaryOn !== null && lastSummaryOn >= today) return null;
  return now.getTime() >= zonedEpochMs(today, summaryAt, timeZone) ? today : null;
}

/** Overdue: its estimated closing date is before today (open started opportunities only). */
export function isOverdue(estimatedCloseDate: LocalDate, today: LocalDate): boolean {
  return estimatedCloseDate < today;
}

/** The last change on or before this date makes an opportunity stale (`staleDays` without a change). */
export function staleOnOrBefore(today: LocalDate, staleDays: number): LocalDate {
  return addDays(today, -staleDays);
}

export function isStale(lastChange: LocalDate, today: LocalDate, staleDays: number): boolean {
  return lastChange <= staleOnOrBefore(today, staleDays);
}

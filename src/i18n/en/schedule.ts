// Sentences for digest schedules a user can get wrong. Part of the one catalogue.
import { catalogueText, escapeFields, type Markup } from '../markup.ts';
import { assertNever } from '../../domain/problems.ts';
import type { ScheduleProblem } from '../../domain/schedule.ts';

/** The sentence for a problem; every text in it that came from a person is escaped first. */
export function describeScheduleProblem(problem: ScheduleProblem): Markup {
  return catalogueText(sentence(escapeFields(problem)));
}

function sentence(problem: ScheduleProblem): string {
  switch (problem.kind) {
    case 'unknown-frequency':
      return `"${problem.frequency}" isn't a schedule: use daily, weekly or monthly.`;
    case 'bad-time':
      return `"${problem.at}" isn't a time of day: use 24-hour HH:MM, e.g. at:08:30.`;
    case 'bad-weekday':
      return `The weekday must be Monday to Sunday (you gave ${problem.weekday}).`;
    case 'bad-day-of-month':
      return `The day of the month must be 1 to 31 (you gave ${problem.dayOfMonth}); 31 means the last day of every month.`;
    case 'unknown-time-zone':
      return `"${problem.timeZone}" isn't a time zone: use an IANA name such as Europe/Berlin or America/New_York.`;
    case 'weekday-not-weekly':
      return `A weekday only applies to weekly digests, not ${problem.frequency} ones.`;
    case 'day-of-month-not-monthly':
      return `A day of the month only applies to monthly digests, not ${problem.frequency} ones.`;
    default:
      return assertNever(problem);
  }
}

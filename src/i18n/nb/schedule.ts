// Norwegian Bokmål sentences for digest schedules a user can get wrong (src/i18n/en/schedule.ts). Part of
// the one catalogue.
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
      return `«${problem.frequency}» er ikke en tidsplan: bruk daily, weekly eller monthly.`;
    case 'bad-time':
      return `«${problem.at}» er ikke et klokkeslett: bruk 24-timers TT:MM, f.eks. at:08:30.`;
    case 'bad-weekday':
      return `Ukedagen må være mandag til søndag (du oppga ${problem.weekday}).`;
    case 'bad-day-of-month':
      return `Dagen i måneden må være fra 1 til 31 (du oppga ${problem.dayOfMonth}); 31 betyr den siste dagen i hver måned.`;
    case 'unknown-time-zone':
      return `«${problem.timeZone}» er ikke en tidssone: bruk et IANA-navn som Europe/Oslo eller America/New_York.`;
    case 'weekday-not-weekly':
      return `En ukedag gjelder bare ukentlige sammendrag (weekly), ikke ${problem.frequency}.`;
    case 'day-of-month-not-monthly':
      return `En dag i måneden gjelder bare månedlige sammendrag (monthly), ikke ${problem.frequency}.`;
    default:
      return assertNever(problem);
  }
}

// Italian sentences for digest schedules a user can get wrong: the same problems as
// src/i18n/en/schedule.ts.
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
      return `"${problem.frequency}" non è una frequenza: usare daily, weekly o monthly.`;
    case 'bad-time':
      return `"${problem.at}" non è un’ora del giorno: usare il formato 24 ore HH:MM, es. at:08:30.`;
    case 'bad-weekday':
      return `Il giorno della settimana deve essere compreso tra lunedì e domenica (è stato indicato ${problem.weekday}).`;
    case 'bad-day-of-month':
      return `Il giorno del mese deve essere compreso tra 1 e 31 (è stato indicato ${problem.dayOfMonth}); 31 indica l’ultimo giorno di ogni mese.`;
    case 'unknown-time-zone':
      return `"${problem.timeZone}" non è un fuso orario: usare un nome IANA come Europe/Rome o America/New_York.`;
    case 'weekday-not-weekly':
      return `Il giorno della settimana vale solo per i riepiloghi weekly, non per quelli ${problem.frequency}.`;
    case 'day-of-month-not-monthly':
      return `Il giorno del mese vale solo per i riepiloghi monthly, non per quelli ${problem.frequency}.`;
    default:
      return assertNever(problem);
  }
}

// Phrases pour les planifications de sommaires qu’un utilisateur peut mal saisir (français, Canada).
// Part of the one catalogue.
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
      return `« ${problem.frequency} » n’est pas une fréquence : utilisez daily, weekly ou monthly.`;
    case 'bad-time':
      return `« ${problem.at} » n’est pas une heure : utilisez le format 24 heures HH:MM, p. ex. at:08:30.`;
    case 'bad-weekday':
      return `Le jour de la semaine doit être de monday à sunday (vous avez indiqué ${problem.weekday}).`;
    case 'bad-day-of-month':
      return `Le jour du mois doit être compris entre 1 et 31 (vous avez indiqué ${problem.dayOfMonth}); 31 signifie le dernier jour de chaque mois.`;
    case 'unknown-time-zone':
      return `« ${problem.timeZone} » n’est pas un fuseau horaire : utilisez un nom IANA comme America/Toronto ou Europe/Paris.`;
    case 'weekday-not-weekly':
      return `Un jour de la semaine ne s’applique qu’aux sommaires weekly, pas aux sommaires ${problem.frequency}.`;
    case 'day-of-month-not-monthly':
      return `Un jour du mois ne s’applique qu’aux sommaires monthly, pas aux sommaires ${problem.frequency}.`;
    default:
      return assertNever(problem);
  }
}

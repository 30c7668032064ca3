// Norwegian Bokmål sentences for failures no user caused, and the app's own notices: the same keys as
// English's (src/i18n/en/system.ts). Part of the one catalogue.
import { trusted } from '../markup.ts';
const norwegian = {
  databaseUnavailable: 'Pipelinedatabasen kan ikke nås akkurat nå, så ingenting ble endret. Prøv igjen om et øyeblikk.',
  unexpected:
    'Noe gikk galt hos oss, og ingenting ble endret. Prøv igjen; hvis det fortsetter, si fra til administratoren din.',
  savedNotShown:
    'Endringen er lagret, men den kunne ikke leses inn igjen for å vises akkurat nå. Se på salgsmuligheten igjen om et øyeblikk i stedet for å gjøre endringen på nytt.',
  slackUnavailable:
    'Slack godtok ikke svaret vårt akkurat nå. Endringen din ble lagret; kjør kommandoen på nytt for å se resultatet.',
  privateChannel:
    'Jeg kan ikke skrive i denne samtalen. Inviter meg til kanalen (`/invite @Pipeline`) eller bruk en offentlig kanal.',
  notInWorkspace: 'Denne forespørselen kom fra et arbeidsområde jeg ikke kjenner; ingenting ble gjort.',
  malformedRequest: 'Forespørselen så ikke ut til å komme fra Slack, så ingenting ble gjort. Prøv igjen.',
  formContextRefused:
    'Dette skjemaet kan ikke lagres: det ble åpnet for mer enn et døgn siden, av noen andre, eller det ble endret underveis. Ingenting ble lagret eller publisert. Lukk det og åpne det igjen fra kortet til salgsmuligheten eller med `/opp`.',
  workspaceMismatch:
    'Denne forespørselen oppga et annet arbeidsområde enn det den kom fra, så ingenting ble gjort. Prøv igjen fra Slack.',
  alreadyHandled:
    'Akkurat denne forespørselen er allerede behandlet, så ingenting ble endret denne gangen. For å gjøre det igjen, kjør kommandoen eller klikk på knappen på nytt.',
  helpPointer: 'Skriv `/opp help` for eksempler.',
  savingTitle: 'Lagrer…',
  savingText: 'Lagrer endringene dine…',
  savedTitle: 'Lagret',
  savedText: 'Endringene dine er lagret.',
  notSavedTitle: 'Ikke lagret',
  notSavedHint: 'Ingenting ble endret. Trykk Tilbake for å rette skjemaet og sende det på nytt.',
  done: 'Ferdig',
  back: 'Tilbake',
} as const;

export const system = trusted(norwegian);

// Italian sentences for failures no user caused, and the app's own notices: the same keys as
// src/i18n/en/system.ts.
import { trusted } from '../markup.ts';
const italian = {
  databaseUnavailable:
    'Il database della pipeline non è raggiungibile in questo momento, quindi non è stato modificato nulla. Riprovare tra poco.',
  unexpected:
    'Si è verificato un errore da parte nostra e non è stato modificato nulla. Riprovare; se il problema persiste, rivolgersi all’amministratore.',
  savedNotShown:
    'La modifica è stata salvata, ma non è stato possibile rileggerla per mostrarla adesso. Riapri l’opportunità tra un momento invece di ripetere la modifica.',
  slackUnavailable:
    'Slack non ha accettato la nostra risposta in questo momento. La modifica è stata salvata; eseguire di nuovo il comando per vedere il risultato.',
  privateChannel:
    'Non posso pubblicare in questa conversazione. Invitarmi nel canale (`/invite @Pipeline`) oppure usare un canale pubblico.',
  notInWorkspace: 'Questa richiesta proviene da un’area di lavoro che non conosco; non è stato fatto nulla.',
  malformedRequest: 'Questa richiesta non sembrava provenire da Slack, quindi non è stato fatto nulla. Riprovare.',
  formContextRefused:
    'Questo modulo non può essere salvato: è stato aperto più di un giorno fa, da un’altra persona, oppure è stato alterato durante il percorso. Non è stato salvato né pubblicato nulla. Chiuderlo e riaprirlo dalla scheda dell’opportunità o con `/opp`.',
  workspaceMismatch:
    'Questa richiesta indicava un’area di lavoro diversa da quella di provenienza, quindi non è stato fatto nulla. Riprovare da Slack.',
  alreadyHandled:
    'Questa stessa richiesta è già stata elaborata, quindi questa volta non è stato modificato nulla. Per ripeterla, eseguire di nuovo il comando o fare di nuovo clic sul pulsante.',
  helpPointer: 'Digitare `/opp help` per alcuni esempi.',
  savingTitle: 'Salvataggio…',
  savingText: 'Salvataggio delle modifiche in corso…',
  savedTitle: 'Salvato',
  savedText: 'Le modifiche sono state salvate.',
  notSavedTitle: 'Non salvato',
  notSavedHint: 'Non è stato modificato nulla. Premere Indietro per correggere il modulo e inviarlo di nuovo.',
  done: 'Fine',
  back: 'Indietro',
} as const;

export const system = trusted(italian);

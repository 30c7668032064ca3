// The pages a browser shows during an OAuth installation, in Italian: plain text (HTML-escaped where it
// is placed), not Slack markup. The same keys and parameters as src/i18n/en/install-pages.ts.
export const installPages = {
  retry: (installPath: string) => `Ricominciare da ${installPath}.`,
  installed: {
    title: 'Pipeline è installata',
    text: (where: string) =>
      `Pipeline è ora installata in ${where}. Aprire Slack e digitare /opp help per iniziare. Avendola installata Lei, è l’amministratore dell’app in quest’area di lavoro.`,
  },
  cancelled: {
    title: 'Installazione annullata',
    text: (retry: string) => `Pipeline non è stata installata: l’installazione è stata annullata. ${retry}`,
  },
  expired: {
    title: 'Link di installazione scaduto',
    text: (retry: string) =>
      `Pipeline non è stata installata: questo link di installazione è incompleto, è scaduto o è stato aperto in un altro browser. ${retry}`,
  },
  failed: {
    title: 'Installazione non riuscita',
    text: (retry: string) =>
      `Pipeline non è stata installata: si è verificato un errore durante il completamento dell’installazione. ${retry}`,
  },
  databaseDown: {
    title: 'Installazione non riuscita',
    text: (installPath: string) =>
      `Non è stato possibile avviare l’installazione di Pipeline: il suo database non è raggiungibile in questo momento. Ricominciare da ${installPath} tra poco.`,
  },
  /** Where it was installed when Slack names no team. */
  somewhere: 'Slack',
} as const;

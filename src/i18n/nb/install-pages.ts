// The pages a browser shows during an OAuth installation, in Norwegian Bokmål: plain text (HTML-escaped
// where it is placed), not Slack markup. The same keys as English's (src/i18n/en/install-pages.ts).
export const installPages = {
  retry: (installPath: string) => `Start på nytt fra ${installPath}.`,
  installed: {
    title: 'Pipeline er installert',
    text: (where: string) =>
      `Pipeline er nå installert i ${where}. Åpne Slack og skriv /opp help for å komme i gang. Du installerte appen, så du er administrator for den i dette arbeidsområdet.`,
  },
  cancelled: {
    title: 'Installasjonen ble avbrutt',
    text: (retry: string) => `Pipeline ble ikke installert: installasjonen ble avbrutt. ${retry}`,
  },
  expired: {
    title: 'Installasjonslenken er utløpt',
    text: (retry: string) =>
      `Pipeline ble ikke installert: denne installasjonslenken er ufullstendig, utløpt eller ble åpnet i en annen nettleser. ${retry}`,
  },
  failed: {
    title: 'Installasjonen mislyktes',
    text: (retry: string) => `Pipeline ble ikke installert: noe gikk galt da installasjonen skulle fullføres. ${retry}`,
  },
  databaseDown: {
    title: 'Installasjonen mislyktes',
    text: (installPath: string) =>
      `Pipeline kunne ikke starte installasjonen: databasen kan ikke nås akkurat nå. Start på nytt fra ${installPath} om et øyeblikk.`,
  },
  /** Where it was installed when Slack names no team. */
  somewhere: 'Slack',
} as const;

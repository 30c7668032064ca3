// Norwegian Bokmål strings of the pipeline digest, the statistics messages, the chart and the CSV export:
// the same keys and parameters as English's (src/i18n/en/digest.ts). Template functions receive values
// that are already formatted (money, dates, percentages) and already escaped for mrkdwn where they go
// into it.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('nb');
const opportunities = (n: number): string => m('{n, plural, one {# salgsmulighet} other {# salgsmuligheter}}', { n });
const openOpportunities = (n: number): string =>
  m('{n, plural, one {# åpen salgsmulighet} other {# åpne salgsmuligheter}}', { n });
const days = (n: number): string => m('{n, plural, one {# dag} other {# dager}}', { n });

const norwegian = {
  defaultTitle: 'Pipelinesammendrag',
  header: (title: string, date: string) => `${title} — ${date}`,
  fallback: (title: string, date: string, open: number, weighted: string) =>
    `${title} — ${date}: ${openOpportunities(open)}, ${weighted} vektet`,
  continued: (title: string, date: string, part: number, parts: number) =>
    `${title} — ${date} · fortsatt (${part} av ${parts})`,
  channelMention: '<!channel>',

  scope: {
    allCycles: 'Alle salgssykluser',
    cycle: (cycle: string) => `Salgssyklus ${cycle}`,
    everyone: 'alles salgsmuligheter',
    salesperson: (person: string) => `salgsmulighetene til ${person}`,
    period: (from: string, to: string) => `vunnet og tapt fra ${from} til ${to}`,
    join: (parts: readonly string[]) => parts.join(' · '),
  },

  pipeline: {
    title: '*Åpen pipeline*',
    cycleTitle: (cycle: string) => `*${cycle}*`,
    columns: ['Fase', 'Åpne', 'Estimert', 'Vektet'],
    total: 'Totalt',
    noStages: 'Ingen åpne salgsmuligheter i noen fase i denne syklusen.',
    notStarted: (n: number) =>
      `I tillegg ${opportunities(n)} som ikke er startet ennå (ingen fase, så ingen verdi er regnet med).`,
    allCycles: (count: number, estimated: string, weighted: string, notStarted: number) =>
      `*Alle sykluser:* ${openOpportunities(count)} i en fase · ${estimated} estimert · ${weighted} vektet${
        notStarted > 0 ? ` · ${notStarted} ikke startet` : ''
      }`,
    empty: 'Det finnes ingen åpne salgsmuligheter her ennå. Opprett en med `/opp new`.',
  },

  closed: {
    title: (from: string, to: string) => `*Vunnet og tapt* fra ${from} til ${to}`,
    won: (count: number, amount: string) => `*Vunnet:* ${opportunities(count)} · ${amount}`,
    lost: (count: number, amount: string) => `*Tapt:* ${opportunities(count)} · ${amount}`,
    winRate: (byCount: string, byValue: string) => `*Vinnerandel:* ${byCount} etter antall · ${byValue} etter verdi`,
    reasonsTitle: '*Etter lukkekode*',
    reason: (outcome: string, code: string, count: number, amount: string) =>
      `• ${outcome} · ${code}: ${count} · ${amount}`,
    code: (code: string, description: string) => (description.trim() === '' ? code : `${code} — ${description}`),
    noCode: 'uten lukkekode',
    nothing: (from: string, to: string) => `Ingenting ble vunnet eller tapt fra ${from} til ${to}.`,
    notAvailable: '—',
  },

  changes: {
    title: (since: string) => `*Endringer* siden ${since}`,
    first:
      'Dette er det første sammendraget i denne kanalen, så det finnes ingenting å sammenligne med ennå. Det neste viser hva som er endret.',
    nothing: (since: string) => `Ingenting er endret siden ${since}.`,
    newTitle: (n: number) => `*Nye* (${n})`,
    forwardTitle: (n: number) => `*Flyttet fremover* (${n})`,
    backTitle: (n: number) => `*Flyttet tilbake* (${n})`,
    closedTitle: (n: number) => `*Lukket* (${n})`,
    valueTitle: (n: number) => `*Endret verdi* (${n})`,
    newLine: (no: string, description: string, value: string) => `• *${no}* ${description} · ${value}`,
    moveLine: (no: string, description: string, from: string, to: string) =>
      `• *${no}* ${description} · ${from} → ${to}`,
    notStarted: 'ikke startet',
    stageNo: (stage: number) => `fase ${stage}`,
    closedLine: (no: string, description: string, outcome: string, amount: string) =>
      `• *${no}* ${description} · ${outcome} · ${amount}`,
    valueLine: (no: string, description: string, from: string, to: string, delta: string) =>
      `• *${no}* ${description} · ${from} → ${to} (${delta})`,
    /** A Slack date token for an instant, with the text shown where tokens are not rendered. */
    sinceToken: (unix: number, fallback: string) => `<!date^${unix}^{date_short_pretty} kl. {time}|${fallback}>`,
    sinceFallback: (date: string, time: string) => `${date} kl. ${time} UTC`,
    previousDigest: 'forrige sammendrag',
  },

  attention: {
    title: '*Trenger oppfølging*',
    overdueTitle: (n: number) => `:rotating_light: *Forfalt* (${n})`,
    closingSoonTitle: (n: number) => `:hourglass_flowing_sand: *Lukkes i løpet av de neste 7 dagene* (${n})`,
    staleTitle: (n: number, staleDays: number) => `:zzz: *Uten endring i ${days(staleDays)} eller mer* (${n})`,
    overdueLine: (no: string, description: string, owner: string, date: string, overdue: number, value: string) =>
      `• *${no}* ${description} · ${owner} · forfalt ${date} (for ${days(overdue)} siden) · ${value}`,
    closingSoonLine: (no: string, description: string, owner: string, date: string, inDays: number, value: string) =>
      `• *${no}* ${description} · ${owner} · lukkes ${date} (${m(
        '{inDays, plural, =0 {i dag} =1 {i morgen} other {om # dager}}',
        { inDays: Math.max(0, inDays) },
      )}) · ${value}`,
    staleLine: (no: string, description: string, owner: string, date: string, idle: number, value: string) =>
      `• *${no}* ${description} · ${owner} · siste endring ${date} (for ${days(idle)} siden) · ${value}`,
    nothing: (staleDays: number) =>
      `Ingenting trenger oppfølging: ingen salgsmulighet er forfalt, lukkes i løpet av de neste 7 dagene eller har stått uten endring i ${days(staleDays)}.`,
  },

  salespeople: {
    title: '*Etter selger*',
    line: (person: string, open: number, weighted: string, won: string) =>
      `• ${person}: ${open} åpne · ${weighted} vektet · ${won} vunnet i perioden`,
    empty: 'Ingen selger har åpne salgsmuligheter eller vunne salg i perioden.',
  },

  more: (n: number) => `…og ${n} til.`,

  stats: {
    opportunityTitle: (no: string) => `Statistikk for ${no}`,
    opportunityFallback: (no: string, value: string, probability: string) =>
      `Statistikk for ${no}: ${value} beregnet nåværende verdi, ${probability} sannsynlighet`,
    labels: {
      interactions: 'Antall interaksjoner',
      stage: 'Nåværende fase i salgssyklusen',
      estimatedValue: 'Estimert verdi',
      chances: 'Sjanse for suksess',
      completed: 'Fullført',
      probability: 'Sannsynlighet',
      calcdCurrentValue: 'Beregnet nåværende verdi',
      noOfOpportunities: 'Åpne salgsmuligheter',
    },
    field: (label: string, value: string) => `*${label}*\n${value}`,
    noStage: '—',
    interactionsNote: (no: string) =>
      `Interaksjoner er notatene som er registrert på salgsmuligheten (/opp note ${no} &lt;tekst&gt;, eller Legg til notat på kortet).`,
    cycleTitle: (cycle: string) => `Salgssyklusanalyse: ${cycle}`,
    cycleFallback: (cycle: string, open: number, estimated: string) =>
      `Salgssyklusanalyse for ${cycle}: ${openOpportunities(open)}, ${estimated} estimert`,
    blocked: ':no_entry: Denne salgssyklusen er sperret: nye salgsmuligheter kan ikke bruke den.',
    cycleTotalsTitle: '*Statistikk for salgssyklusen* (åpne salgsmuligheter som er startet)',
    analysisTitle: '*Etter fase*',
    columns: ['Fase', 'Beskrivelse', 'Antall', 'Estimert', 'Beregnet nå', 'Snitt dager'],
    total: 'TOTALT',
    averageDaysNote: (total: string) =>
      `Snitt dager: hvor lenge salgsmulighetene ble værende i hver fase før de gikk videre (tomt når ingen har gått videre ennå). TOTALT-linjen legger også sammen gjennomsnittene: ${total} dager tilsvarer omtrent den gjennomsnittlige varigheten av hele syklusen.`,
    noStages: (code: string) =>
      `Salgssyklus ${code} har ingen faser ennå. Legg til en med \`/opp stage add ${code} 1 Kvalifisering completed:10 chance:20\`.`,
    moreStages: (n: number, code: string) => `…og ${n} til — bruk \`/opp stage list ${code}\`.`,
  },
} as const;

export const digestText = trusted(norwegian);

/** Words drawn into the chart image, written to CSV files or shown literally in tables: plain text, not markup. */
export const digestPlainText = {
  /** A stage in a chart bar or a table cell: "2 · Kvalifisering", or "Fase 2" without a description. */
  stage: (no: number, description: string) => (description.trim() === '' ? `Fase ${no}` : `${no} · ${description}`),

  chart: {
    /** A stage's bar label when several cycles are shown: the cycle code first. */
    stageLabel: (cycleCode: string, stage: string) => `${cycleCode} ${stage}`,
    /**
     * Under the title: the open pipeline's totals, then the won and lost of the digest's period, with its
     * dates (the same period and figures as the message's "Vunnet og tapt fra … til …").
     */
    pipelineSummary: (estimated: string, weighted: string) => `Åpen pipeline ${estimated} estimert, ${weighted} vektet`,
    closedSummary: (won: string, lost: string, from: string, to: string) =>
      `vunnet ${won}, tapt ${lost} fra ${from} til ${to}`,
    summarySeparator: ' · ',
    pipelineHeading: 'Åpen pipeline etter fase',
    /** A week under its bars: the week's first day, already formatted ("7. des."). */
    weekLabel: (start: string) => start,
    historyHeading: (weeks: number) =>
      m('Vunnet mot tapt, siste {weeks, plural, one {# uke} other {# uker}}', { weeks }),
    estimated: 'Estimert verdi',
    weighted: 'Vektet verdi',
    won: 'Vunnet',
    lost: 'Tapt',
    noOpenOpportunities: 'Ingen åpne salgsmuligheter',
    noClosedDeals: 'Ingen vunne eller tapte salg i denne perioden',
  },

  csv: {
    columns: (currency: string) => [
      'Nr.',
      'Beskrivelse',
      'Status',
      'Fase',
      'Fasebeskrivelse',
      'Kontakt',
      'Firma',
      'Selger',
      'Salgssyklus',
      `Estimert verdi (${currency})`,
      'Sjanse for suksess %',
      'Fullført %',
      'Sannsynlighet %',
      `Beregnet nåværende verdi (${currency})`,
      'Estimert sluttdato',
      'Opprettet dato',
      'Lukket dato',
      'Tilbud',
      'Ordre',
      'Lukkekode',
      'Beskrivelse av lukkekode',
      'Prioritet',
      'Dato for siste endring',
      `Vektet verdi (${currency})`,
    ],
    defaultFilename: 'salgsmuligheter',
  },
} as const;

// Italian strings of the pipeline digest, the statistics messages, the chart and the CSV export: the same
// keys and parameters as src/i18n/en/digest.ts. Template functions receive values that are already
// formatted (money, dates, percentages) and already escaped for mrkdwn where they go into it.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('it');
const opportunities = (n: number): string =>
  m('{n, plural, one {# opportunità} many {# di opportunità} other {# opportunità}}', { n });
const openOpportunities = (n: number): string =>
  m('{n, plural, one {# opportunità aperta} many {# di opportunità aperte} other {# opportunità aperte}}', { n });
const days = (n: number): string => m('{n, plural, one {# giorno} many {# di giorni} other {# giorni}}', { n });

const italian = {
  defaultTitle: 'Riepilogo pipeline',
  header: (title: string, date: string) => `${title} — ${date}`,
  fallback: (title: string, date: string, open: number, weighted: string) =>
    `${title} — ${date}: ${openOpportunities(open)}, ${weighted} ponderato`,
  continued: (title: string, date: string, part: number, parts: number) =>
    `${title} — ${date} · continua (${part} di ${parts})`,
  channelMention: '<!channel>',

  scope: {
    allCycles: 'Tutti i cicli di vendita',
    cycle: (cycle: string) => `Ciclo di vendita ${cycle}`,
    everyone: 'opportunità di tutti',
    salesperson: (person: string) => `opportunità di ${person}`,
    period: (from: string, to: string) => `vinte e perse nel periodo ${from} – ${to}`,
    join: (parts: readonly string[]) => parts.join(' · '),
  },

  pipeline: {
    title: '*Pipeline aperta*',
    cycleTitle: (cycle: string) => `*${cycle}*`,
    columns: ['Fase', 'Aperte', 'Stimato', 'Ponderato'],
    total: 'Totale',
    noStages: 'Nessuna opportunità aperta in una fase di questo ciclo.',
    notStarted: (n: number) =>
      `Inoltre ${m('{n, plural, one {# opportunità non ancora avviata} many {# di opportunità non ancora avviate} other {# opportunità non ancora avviate}}', { n })} (senza fase, quindi nessun valore conteggiato).`,
    allCycles: (count: number, estimated: string, weighted: string, notStarted: number) =>
      `*Tutti i cicli:* ${openOpportunities(count)} in una fase · ${estimated} stimato · ${weighted} ponderato${
        notStarted > 0 ? ` · ${notStarted} non avviate` : ''
      }`,
    empty: 'Non ci sono ancora opportunità aperte qui. Crearne una con `/opp new`.',
  },

  closed: {
    title: (from: string, to: string) => `*Vinte e perse* nel periodo ${from} – ${to}`,
    won: (count: number, amount: string) => `*Vinte:* ${opportunities(count)} · ${amount}`,
    lost: (count: number, amount: string) => `*Perse:* ${opportunities(count)} · ${amount}`,
    winRate: (byCount: string, byValue: string) => `*Tasso di successo:* ${byCount} per numero · ${byValue} per valore`,
    reasonsTitle: '*Per codice chiusura*',
    reason: (outcome: string, code: string, count: number, amount: string) =>
      `• ${outcome} · ${code}: ${count} · ${amount}`,
    code: (code: string, description: string) => (description.trim() === '' ? code : `${code} — ${description}`),
    noCode: 'senza codice chiusura',
    nothing: (from: string, to: string) => `Nessuna opportunità vinta o persa nel periodo ${from} – ${to}.`,
    notAvailable: '—',
  },

  changes: {
    title: (since: string) => `*Cosa è cambiato* dall’ultimo riepilogo (${since})`,
    first:
      'Questo è il primo riepilogo in questo canale, quindi non c’è ancora nulla da confrontare. Il prossimo elencherà ciò che è cambiato.',
    nothing: (since: string) => `Nulla è cambiato dall’ultimo riepilogo (${since}).`,
    newTitle: (n: number) => `*Nuove* (${n})`,
    forwardTitle: (n: number) => `*Avanzate* (${n})`,
    backTitle: (n: number) => `*Tornate indietro* (${n})`,
    closedTitle: (n: number) => `*Chiuse* (${n})`,
    valueTitle: (n: number) => `*Valore modificato* (${n})`,
    newLine: (no: string, description: string, value: string) => `• *${no}* ${description} · ${value}`,
    moveLine: (no: string, description: string, from: string, to: string) =>
      `• *${no}* ${description} · ${from} → ${to}`,
    notStarted: 'non avviata',
    stageNo: (stage: number) => `fase ${stage}`,
    closedLine: (no: string, description: string, outcome: string, amount: string) =>
      `• *${no}* ${description} · ${outcome} · ${amount}`,
    valueLine: (no: string, description: string, from: string, to: string, delta: string) =>
      `• *${no}* ${description} · ${from} → ${to} (${delta})`,
    /** A Slack date token for an instant, with the text shown where tokens are not rendered. */
    sinceToken: (unix: number, fallback: string) => `<!date^${unix}^{date_short_pretty} alle {time}|${fallback}>`,
    sinceFallback: (date: string, time: string) => `${date} ${time} UTC`,
    previousDigest: 'ora non disponibile',
  },

  attention: {
    title: '*Richiedono attenzione*',
    overdueTitle: (n: number) => `:rotating_light: *Scadute* (${n})`,
    closingSoonTitle: (n: number) => `:hourglass_flowing_sand: *In chiusura nei prossimi 7 giorni* (${n})`,
    staleTitle: (n: number, staleDays: number) => `:zzz: *Nessuna modifica da ${days(staleDays)} o più* (${n})`,
    overdueLine: (no: string, description: string, owner: string, date: string, overdue: number, value: string) =>
      `• *${no}* ${description} · ${owner} · scadenza ${date} (${days(overdue)} fa) · ${value}`,
    closingSoonLine: (no: string, description: string, owner: string, date: string, inDays: number, value: string) =>
      `• *${no}* ${description} · ${owner} · chiusura ${date} (${m(
        '{inDays, plural, =0 {oggi} =1 {domani} many {fra # di giorni} other {fra # giorni}}',
        { inDays: Math.max(0, inDays) },
      )}) · ${value}`,
    staleLine: (no: string, description: string, owner: string, date: string, idle: number, value: string) =>
      `• *${no}* ${description} · ${owner} · ultima modifica ${date} (${days(idle)} fa) · ${value}`,
    nothing: (staleDays: number) =>
      `Nulla richiede attenzione: nessuna opportunità è scaduta, in chiusura nei prossimi 7 giorni o senza modifiche da ${days(staleDays)}.`,
  },

  salespeople: {
    title: '*Per agente*',
    line: (person: string, open: number, weighted: string, won: string) =>
      `• ${person}: ${open} aperte · ${weighted} ponderato · ${won} vinto nel periodo`,
    empty: 'Nessun agente ha opportunità aperte o vinte nel periodo.',
  },

  more: (n: number) => `…e ${n} in più.`,

  stats: {
    opportunityTitle: (no: string) => `Statistiche di ${no}`,
    opportunityFallback: (no: string, value: string, probability: string) =>
      `Statistiche di ${no}: ${value} valore corrente calcolato, probabilità ${probability}`,
    labels: {
      interactions: 'N. interazioni',
      stage: 'Fase ciclo di vendita corrente',
      estimatedValue: 'Valore stimato',
      chances: 'Probabilità di successo',
      completed: 'Completato',
      probability: 'Probabilità',
      calcdCurrentValue: 'Valore corrente calcolato',
      noOfOpportunities: 'Opportunità aperte',
    },
    field: (label: string, value: string) => `*${label}*\n${value}`,
    noStage: '—',
    interactionsNote: (no: string) =>
      `Le interazioni sono le note registrate sull’opportunità (/opp note ${no} &lt;testo&gt;, oppure Aggiungi nota sulla sua scheda).`,
    cycleTitle: (cycle: string) => `Analisi ciclo di vendita: ${cycle}`,
    cycleFallback: (cycle: string, open: number, estimated: string) =>
      `Analisi del ciclo di vendita ${cycle}: ${openOpportunities(open)}, ${estimated} stimato`,
    blocked: ':no_entry: Questo ciclo di vendita è bloccato: le nuove opportunità non possono usarlo.',
    cycleTotalsTitle: '*Statistiche ciclo di vendita* (opportunità aperte già avviate)',
    analysisTitle: '*Per fase*',
    columns: ['Fase', 'Descrizione', 'Opp.', 'Stimato', 'Val. corrente', 'Gg medi'],
    total: 'TOTALE',
    averageDaysNote: (total: string) =>
      `Giorni medi: quanto tempo le opportunità sono rimaste in ciascuna fase prima di lasciarla (vuoto se nessuna l’ha ancora lasciata). Anche la riga TOTALE somma le medie: ${total} giorni approssimano la durata media dell’intero ciclo.`,
    noStages: (code: string) =>
      `Il ciclo di vendita ${code} non ha ancora fasi. Aggiungerne una con \`/opp stage add ${code} 1 Qualificazione completed:10 chance:20\`.`,
    moreStages: (n: number, code: string) => `…e altre ${n} — usare \`/opp stage list ${code}\`.`,
  },
} as const;

export const digestText = trusted(italian);

/** Words drawn into the chart image, written to CSV files or shown literally in tables: plain text, not markup. */
export const digestPlainText = {
  /** A stage in a chart bar or a table cell: "2 · Qualificazione", or "Fase 2" without a description. */
  stage: (no: number, description: string) => (description.trim() === '' ? `Fase ${no}` : `${no} · ${description}`),

  chart: {
    /** A stage's bar label when several cycles are shown: the cycle code first. */
    stageLabel: (cycleCode: string, stage: string) => `${cycleCode} ${stage}`,
    /** Under the title: the open pipeline's totals, then (with a history panel) the period's. */
    pipelineSummary: (estimated: string, weighted: string) =>
      `Pipeline aperta ${estimated} stimato, ${weighted} ponderato`,
    closedSummary: (won: string, lost: string, from: string, to: string) =>
      `vinto ${won}, perso ${lost} nel periodo ${from} – ${to}`,
    /** Una settimana sotto le sue barre: il suo primo giorno, già formattato ("7 dic"). */
    weekLabel: (start: string) => start,
    summarySeparator: ' · ',
    pipelineHeading: 'Pipeline aperta per fase',
    historyHeading: (weeks: number) =>
      m('Vinte e perse, {weeks, plural, one {# settimana} many {ultime # di settimane} other {ultime # settimane}}', {
        weeks,
      }),
    estimated: 'Valore stimato',
    weighted: 'Valore ponderato',
    won: 'Vinte',
    lost: 'Perse',
    noOpenOpportunities: 'Nessuna opportunità aperta',
    noClosedDeals: 'Nessuna opportunità vinta o persa in questo periodo',
  },

  csv: {
    columns: (currency: string) => [
      'N.',
      'Descrizione',
      'Stato',
      'Fase',
      'Descrizione fase',
      'Contatto',
      'Società',
      'Agente',
      'Ciclo di vendita',
      `Valore stimato (${currency})`,
      '% probabilità di successo',
      '% completato',
      '% probabilità',
      `Valore corrente calcolato (${currency})`,
      'Data chiusura stimata',
      'Data creazione',
      'Data chiusura',
      'Offerta',
      'Ordine',
      'Codice chiusura',
      'Descrizione codice chiusura',
      'Priorità',
      'Data ultima modifica',
      `Valore ponderato (${currency})`,
    ],
    defaultFilename: 'opportunita',
  },
} as const;

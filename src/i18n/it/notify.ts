// Italian strings of personal notifications: the direct messages a salesperson (agente) gets about their
// opportunities, their daily summary, their settings (`/opp notify`, App Home) and what admins are told
// when someone cannot be reached. Addressed with the formal "Lei", as in notices.reassignedToYou; command
// words and option keys stay English. Part of the one catalogue: the same keys and parameters as
// src/i18n/en/notify.ts.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('it');

const texts = {
  someone: 'Qualcuno',
  moved: (actor: string, no: string, description: string, stage: string) =>
    `${actor} ha portato *${no}* ${description} alla fase ${stage}.`,
  updated: (actor: string, no: string, description: string) =>
    `${actor} ha aggiornato le stime di *${no}* ${description}.`,
  edited: (actor: string, no: string, description: string) => `${actor} ha modificato *${no}* ${description}.`,
  won: (actor: string, no: string, description: string, amount: string) =>
    `${actor} ha chiuso *${no}* ${description} come vinta (${amount}).`,
  lost: (actor: string, no: string, description: string) => `${actor} ha chiuso *${no}* ${description} come persa.`,
  orderWon: (actor: string, no: string, description: string, orderNo: string) =>
    `${actor} ha creato l’ordine di vendita ${orderNo} da *${no}* ${description}, che è stata così chiusa come vinta.`,
  reassignedAway: (actor: string, no: string, description: string, to: string) =>
    `${actor} ha cambiato l’agente di *${no}* ${description}: ora l’agente è ${to}, non più Lei.`,
  deleted: (actor: string, no: string, description: string) => `${actor} ha eliminato *${no}* ${description}.`,
  noteAdded: (actor: string, no: string, description: string) =>
    `${actor} ha aggiunto una nota a *${no}* ${description}. \`/opp show ${no}\` la mostra.`,
  overdue: (no: string, description: string, date: string) =>
    `*${no}* ${description} ha superato la data chiusura stimata (${date}). Farla avanzare, aggiornarne la data o chiuderla.`,
  stale: (no: string, description: string, days: number, date: string) =>
    m(
      '*{no}* {description} non ha modifiche da {days, plural, one {# giorno} many {# di giorni} other {# giorni}} (ultima modifica {date}).',
      {
        no,
        description,
        days,
        date,
      },
    ),
  taskDue: (description: string, date: string) => `Impegno con scadenza ${date}: ${description}.`,
  /** Under every instant notification: how to change what one hears. */
  footer: '`/opp notify` sceglie di cosa ricevere notifiche e quando.',
  summaryTitle: (count: number) =>
    m('*Il Suo riepilogo giornaliero*: {count, plural, one {# notifica} many {# di notifiche} other {# notifiche}}', {
      count,
    }),
  summaryFallback: (count: number) =>
    m('Il Suo riepilogo giornaliero: {count, plural, one {# notifica} many {# di notifiche} other {# notifiche}}.', {
      count,
    }),
  /** Told to each admin, once, when Slack says a person cannot be sent direct messages any more. */
  personGone: (person: string, reason: string) =>
    `A ${person} non si possono più inviare messaggi diretti (Slack risponde \`${reason}\`), quindi le sue notifiche sono state disattivate. Può riattivarle con \`/opp notify\`.`,
  categories: {
    changes: 'Modifiche di altri alle mie opportunità',
    tasks: 'I miei impegni alla scadenza',
    overdue: 'Le mie opportunità oltre la data chiusura',
    stale: 'Le mie opportunità ferme da tempo',
  },
  modes: { instant: 'subito', daily: 'nel riepilogo giornaliero', off: 'mai' },
  /** `/opp notify` without a change: the settings in force. */
  settingsTitle: '*Le Sue notifiche* (messaggi diretti dall’app)',
  settingLine: (category: string, mode: string, key: string) => `• ${category}: *${mode}* (\`${key}\`)`,
  summaryLine: (at: string) => `• Riepilogo giornaliero alle ${at}, nel Suo fuso orario (\`summary:HH:MM\`)`,
  quietLine: (start: string | null, end: string | null) =>
    start !== null && end !== null
      ? `• Ore di silenzio ${start}–${end}, nel Suo fuso orario: i messaggi attendono la loro fine (\`quiet:off\`)`
      : '• Nessuna ora di silenzio (ad esempio `quiet:22:00-07:00`)',
  mutedLine: (nos: string | null) =>
    nos === null
      ? '• Nessuna opportunità silenziata (`/opp notify mute OP00012`)'
      : `• Silenziate: ${nos} (\`/opp notify unmute &lt;n. opportunità&gt;\`)`,
  disabledLine:
    ':warning: Slack non è riuscito a recapitare le Sue notifiche, quindi sono state disattivate. Cambiare una qualsiasi impostazione le riattiva.',
  settingsHint:
    'Modificarle con `/opp notify changes:instant|daily|off tasks:… overdue:… stale:… summary:8:30 quiet:22:00-07:00`.',
  saved: 'Le impostazioni delle notifiche sono state salvate.',
  muted: (no: string) => `Non riceverà più notifiche su ${no} (\`/opp notify unmute ${no}\` per riceverle di nuovo).`,
  muteButton: (no: string) => `Silenzia ${no}`,
  unmuted: (no: string) => `Riceverà di nuovo notifiche su ${no}.`,
  home: {
    title: 'Notifiche',
    intro: 'Cosa l’app Le comunica per messaggio diretto sulle Sue opportunità e sui Suoi impegni.',
    summaryAt: 'Riepilogo giornaliero alle',
    quietFrom: 'Ore di silenzio dalle',
    quietUntil: 'alle',
    quietOff: 'nessuna',
    mutePlaceholder: 'Silenziare un’opportunità…',
    unmute: (no: string) => `Riattiva notifiche ${no}`,
  },
} as const;

export const notify = trusted(texts);

// Personal notifications (Norwegian Bokmål): the direct messages a salesperson gets about their opportunities,
// their daily summary («daglig oppsummering», kept apart from the channel digest, «sammendrag»), their settings
// (`/opp notify`, App Home) and what admins are told when someone cannot be reached. Part of the one catalogue:
// the same keys and parameters as src/i18n/en/notify.ts.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('nb');

const texts = {
  someone: 'Noen',
  moved: (actor: string, no: string, description: string, stage: string) =>
    `${actor} flyttet *${no}* ${description} til fase ${stage}.`,
  updated: (actor: string, no: string, description: string) =>
    `${actor} oppdaterte tallene for *${no}* ${description}.`,
  edited: (actor: string, no: string, description: string) => `${actor} redigerte *${no}* ${description}.`,
  won: (actor: string, no: string, description: string, amount: string) =>
    `${actor} lukket *${no}* ${description} som Vunnet (${amount}).`,
  lost: (actor: string, no: string, description: string) => `${actor} lukket *${no}* ${description} som Tapt.`,
  orderWon: (actor: string, no: string, description: string, orderNo: string) =>
    `${actor} laget salgsordre ${orderNo} fra *${no}* ${description}, og den ble dermed lukket som Vunnet.`,
  reassignedAway: (actor: string, no: string, description: string, to: string) =>
    `${actor} har gjort ${to} til selger for *${no}* ${description}: den er ikke lenger din.`,
  deleted: (actor: string, no: string, description: string) => `${actor} slettet *${no}* ${description}.`,
  noteAdded: (actor: string, no: string, description: string) =>
    `${actor} la til et notat på *${no}* ${description}. \`/opp show ${no}\` viser det.`,
  overdue: (no: string, description: string, date: string) =>
    `*${no}* ${description} har passert den estimerte sluttdatoen (${date}). Flytt den videre, oppdater datoen eller lukk den.`,
  stale: (no: string, description: string, days: number, date: string) =>
    m(
      '*{no}* {description} har stått uten endring i {days, plural, one {# dag} other {# dager}} (siste endring {date}).',
      {
        no,
        description,
        days,
        date,
      },
    ),
  taskDue: (description: string, date: string) => `Oppgave med frist ${date}: ${description}.`,
  /** Under every instant notification: how to change what one hears. */
  footer: '`/opp notify` endrer hva du får varsler om, og når.',
  summaryTitle: (count: number) =>
    m('*Din daglige oppsummering*: {count, plural, one {# varsel} other {# varsler}}', { count }),
  summaryFallback: (count: number) =>
    m('Din daglige oppsummering: {count, plural, one {# varsel} other {# varsler}}.', { count }),
  /** Told to each admin, once, when Slack says a person cannot be sent direct messages any more. */
  personGone: (person: string, reason: string) =>
    `${person} kan ikke lenger få direktemeldinger (Slack svarer \`${reason}\`), så varslene til vedkommende er slått av. Vedkommende slår dem på igjen med \`/opp notify\`.`,
  categories: {
    changes: 'Endringer andre gjør i salgsmulighetene mine',
    tasks: 'Oppgavene mine når de forfaller',
    overdue: 'Salgsmulighetene mine som har passert sluttdatoen',
    stale: 'Salgsmulighetene mine som har stått en stund uten endring',
  },
  modes: { instant: 'med en gang', daily: 'i den daglige oppsummeringen', off: 'av' },
  /** `/opp notify` without a change: the settings in force. */
  settingsTitle: '*Varslene dine* (direktemeldinger fra appen)',
  settingLine: (category: string, mode: string, key: string) => `• ${category}: *${mode}* (\`${key}\`)`,
  summaryLine: (at: string) => `• Daglig oppsummering kl. ${at}, din tid (\`summary:HH:MM\`)`,
  quietLine: (start: string | null, end: string | null) =>
    start !== null && end !== null
      ? `• Stilletid ${start}–${end}, din tid: meldingene venter til den er over (\`quiet:off\`)`
      : '• Ingen stilletid (for eksempel `quiet:22:00-07:00`)',
  mutedLine: (nos: string | null) =>
    nos === null
      ? '• Ingen dempet salgsmulighet (`/opp notify mute OP00012`)'
      : `• Dempet: ${nos} (\`/opp notify unmute &lt;nr.&gt;\`)`,
  disabledLine:
    ':warning: Slack kunne ikke levere varslene dine, så de ble slått av. Endrer du en innstilling, slås de på igjen.',
  settingsHint:
    'Endre dem med `/opp notify changes:instant|daily|off tasks:… overdue:… stale:… summary:8:30 quiet:22:00-07:00`.',
  saved: 'Varslingsinnstillingene dine er lagret.',
  muted: (no: string) => `Du får ikke lenger varsler om ${no} (\`/opp notify unmute ${no}\` for å få dem igjen).`,
  muteButton: (no: string) => `Demp ${no}`,
  unmuted: (no: string) => `Du får varsler om ${no} igjen.`,
  home: {
    title: 'Varsler',
    intro: 'Det appen forteller deg i direktemeldinger om salgsmulighetene og oppgavene dine.',
    summaryAt: 'Daglig oppsummering kl.',
    quietFrom: 'Stilletid fra',
    quietUntil: 'til',
    quietOff: 'ingen',
    mutePlaceholder: 'Demp en salgsmulighet …',
    unmute: (no: string) => `Opphev demping av ${no}`,
  },
} as const;

export const notify = trusted(texts);

// Personal notifications: the direct messages a salesperson gets about their opportunities, their daily
// summary, their settings (`/opp notify`, App Home) and what admins are told when someone cannot be
// reached. Part of the one catalogue.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('en');

const english = {
  someone: 'Someone',
  moved: (actor: string, no: string, description: string, stage: string) =>
    `${actor} moved *${no}* ${description} to stage ${stage}.`,
  updated: (actor: string, no: string, description: string) =>
    `${actor} updated the figures of *${no}* ${description}.`,
  edited: (actor: string, no: string, description: string) => `${actor} edited *${no}* ${description}.`,
  won: (actor: string, no: string, description: string, amount: string) =>
    `${actor} closed *${no}* ${description} as won (${amount}).`,
  lost: (actor: string, no: string, description: string) => `${actor} closed *${no}* ${description} as lost.`,
  orderWon: (actor: string, no: string, description: string, orderNo: string) =>
    `${actor} made sales order ${orderNo} from *${no}* ${description}, which closed it as won.`,
  reassignedAway: (actor: string, no: string, description: string, to: string) =>
    `${actor} made ${to} the salesperson of *${no}* ${description}: it is no longer yours.`,
  deleted: (actor: string, no: string, description: string) => `${actor} deleted *${no}* ${description}.`,
  noteAdded: (actor: string, no: string, description: string) =>
    `${actor} added a note to *${no}* ${description}. \`/opp show ${no}\` shows it.`,
  overdue: (no: string, description: string, date: string) =>
    `*${no}* ${description} is past its estimated closing date (${date}). Move it on, update its date or close it.`,
  stale: (no: string, description: string, days: number, date: string) =>
    m('*{no}* {description} has had no change for {days, plural, one {# day} other {# days}} (last on {date}).', {
      no,
      description,
      days,
      date,
    }),
  taskDue: (description: string, date: string) => `Task due ${date}: ${description}.`,
  /** Under every instant notification: how to change what one hears. */
  footer: '`/opp notify` changes what you hear about, and when.',
  summaryTitle: (count: number) =>
    m('*Your daily summary*: {count, plural, one {# notification} other {# notifications}}', { count }),
  summaryFallback: (count: number) =>
    m('Your daily summary: {count, plural, one {# notification} other {# notifications}}.', { count }),
  /** Told to each admin, once, when Slack says a person cannot be sent direct messages any more. */
  personGone: (person: string, reason: string) =>
    `${person} can't be sent direct messages any more (Slack says \`${reason}\`), so their notifications are turned off. They turn them on again with \`/opp notify\`.`,
  categories: {
    changes: 'Changes others make to my opportunities',
    tasks: 'My tasks when they are due',
    overdue: 'My opportunities past their closing date',
    stale: 'My opportunities without a change for a while',
  },
  modes: { instant: 'at once', daily: 'in the daily summary', off: 'off' },
  /** `/opp notify` without a change: the settings in force. */
  settingsTitle: '*Your notifications* (direct messages from the app)',
  settingLine: (category: string, mode: string, key: string) => `• ${category}: *${mode}* (\`${key}\`)`,
  summaryLine: (at: string) => `• Daily summary at ${at}, your time (\`summary:HH:MM\`)`,
  quietLine: (start: string | null, end: string | null) =>
    start !== null && end !== null
      ? `• Quiet hours ${start}–${end}, your time: messages wait until they end (\`quiet:off\`)`
      : '• No quiet hours (`quiet:22:00-07:00`, say)',
  mutedLine: (nos: string | null) =>
    nos === null
      ? '• No muted opportunity (`/opp notify mute OP00012`)'
      : `• Muted: ${nos} (\`/opp notify unmute &lt;no&gt;\`)`,
  disabledLine:
    ':warning: Slack could not deliver your notifications, so they were turned off. Changing any setting turns them on again.',
  settingsHint:
    'Change them with `/opp notify changes:instant|daily|off tasks:… overdue:… stale:… summary:8:30 quiet:22:00-07:00`.',
  saved: 'Your notification settings are saved.',
  muted: (no: string) => `You won't hear about ${no} any more (\`/opp notify unmute ${no}\` to hear again).`,
  muteButton: (no: string) => `Mute ${no}`,
  unmuted: (no: string) => `You will hear about ${no} again.`,
  home: {
    title: 'Notifications',
    intro: 'What the app tells you by direct message about your opportunities and tasks.',
    summaryAt: 'Daily summary at',
    quietFrom: 'Quiet hours from',
    quietUntil: 'until',
    quietOff: 'none',
    mutePlaceholder: 'Mute an opportunity…',
    unmute: (no: string) => `Unmute ${no}`,
  },
} as const;

export const notify = trusted(english);

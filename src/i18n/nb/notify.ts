// Personal notifications (Norwegian Bokmål): not yet translated, English's texts until a translator comes.
// Part of the one catalogue: the same keys and parameters as src/i18n/en/notify.ts.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('nb');

const texts = {
  // untranslated
  someone: 'Someone',
  // untranslated
  moved: (actor: string, no: string, description: string, stage: string) =>
    `${actor} moved *${no}* ${description} to stage ${stage}.`,
  // untranslated
  updated: (actor: string, no: string, description: string) =>
    `${actor} updated the figures of *${no}* ${description}.`,
  // untranslated
  edited: (actor: string, no: string, description: string) => `${actor} edited *${no}* ${description}.`,
  // untranslated
  won: (actor: string, no: string, description: string, amount: string) =>
    `${actor} closed *${no}* ${description} as won (${amount}).`,
  // untranslated
  lost: (actor: string, no: string, description: string) => `${actor} closed *${no}* ${description} as lost.`,
  // untranslated
  orderWon: (actor: string, no: string, description: string, orderNo: string) =>
    `${actor} made sales order ${orderNo} from *${no}* ${description}, which closed it as won.`,
  // untranslated
  reassignedAway: (actor: string, no: string, description: string, to: string) =>
    `${actor} made ${to} the salesperson of *${no}* ${description}: it is no longer yours.`,
  // untranslated
  deleted: (actor: string, no: string, description: string) => `${actor} deleted *${no}* ${description}.`,
  // untranslated
  noteAdded: (actor: string, no: string, description: string) =>
    `${actor} added a note to *${no}* ${description}. \`/opp show ${no}\` shows it.`,
  // untranslated
  overdue: (no: string, description: string, date: string) =>
    `*${no}* ${description} is past its estimated closing date (${date}). Move it on, update its date or close it.`,
  // untranslated
  stale: (no: string, description: string, days: number, date: string) =>
    m('*{no}* {description} has had no change for {days, plural, one {# day} other {# days}} (last on {date}).', {
      no,
      description,
      days,
      date,
    }),
  // untranslated
  taskDue: (description: string, date: string) => `Task due ${date}: ${description}.`,
  /** Under every instant notification: how to change what one hears. */
  // untranslated
  footer: '`/opp notify` changes what you hear about, and when.',
  // untranslated
  summaryTitle: (count: number) =>
    m('*Your daily summary*: {count, plural, one {# notification} other {# notifications}}', { count }),
  // untranslated
  summaryFallback: (count: number) =>
    m('Your daily summary: {count, plural, one {# notification} other {# notifications}}.', { count }),
  /** Told to each admin, once, when Slack says a person cannot be sent direct messages any more. */
  // untranslated
  personGone: (person: string, reason: string) =>
    `${person} can't be sent direct messages any more (Slack says \`${reason}\`), so their notifications are turned off. They turn them on again with \`/opp notify\`.`,
  // untranslated
  categories: {
    // untranslated
    changes: 'Changes others make to my opportunities',
    // untranslated
    tasks: 'My tasks when they are due',
    // untranslated
    overdue: 'My opportunities past their closing date',
    // untranslated
    stale: 'My opportunities without a change for a while',
  },
  // untranslated
  modes: { instant: 'at once', daily: 'in the daily summary', off: 'off' },
  /** `/opp notify` without a change: the settings in force. */
  // untranslated
  settingsTitle: '*Your notifications* (direct messages from the app)',
  // untranslated
  settingLine: (category: string, mode: string, key: string) => `• ${category}: *${mode}* (\`${key}\`)`,
  // untranslated
  summaryLine: (at: string) => `• Daily summary at ${at}, your time (\`summary:HH:MM\`)`,
  // untranslated
  quietLine: (start: string | null, end: string | null) =>
    start !== null && end !== null
      ? `• Quiet hours ${start}–${end}, your time: messages wait until they end (\`quiet:off\`)`
      : '• No quiet hours (`quiet:22:00-07:00`, say)',
  // untranslated
  mutedLine: (nos: string | null) =>
    nos === null
      ? '• No muted opportunity (`/opp notify mute OP00012`)'
      : `• Muted: ${nos} (\`/opp notify unmute &lt;no&gt;\`)`,
  disabledLine:
    ':warning: Slack could not deliver your notifications, so they were turned off. Changing any setting turns them on again.',
  // untranslated
  settingsHint:
    'Change them with `/opp notify changes:instant|daily|off tasks:… overdue:… stale:… summary:8:30 quiet:22:00-07:00`.',
  // untranslated
  saved: 'Your notification settings are saved.',
  // untranslated
  muted: (no: string) => `You won't hear about ${no} any more (\`/opp notify unmute ${no}\` to hear again).`,
  // untranslated
  unmuted: (no: string) => `You will hear about ${no} again.`,
  // untranslated
  home: {
    // untranslated
    title: 'Notifications',
    // untranslated
    intro: 'What the app tells you by direct message about your opportunities and tasks.',
    // untranslated
    summaryAt: 'Daily summary at',
    // untranslated
    quietFrom: 'Quiet hours from',
    // untranslated
    quietUntil: 'until',
    // untranslated
    quietOff: 'none',
    // untranslated
    unmute: (no: string) => `Unmute ${no}`,
  },
} as const;

export const notify = trusted(texts);

// Notifications personnelles (français, Canada) : les messages directs qu’un vendeur reçoit au sujet de ses
// opportunités, son résumé quotidien, ses paramètres (`/opp notify`, onglet Accueil) et ce qui est dit aux
// administrateurs quand une personne ne peut plus être jointe.
// Part of the one catalogue: the same keys and parameters as src/i18n/en/notify.ts.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('fr');

const texts = {
  someone: 'Quelqu’un',
  moved: (actor: string, no: string, description: string, stage: string) =>
    `${actor} a fait passer *${no}* ${description} à l’étape ${stage}.`,
  updated: (actor: string, no: string, description: string) =>
    `${actor} a mis à jour les chiffres de *${no}* ${description}.`,
  edited: (actor: string, no: string, description: string) => `${actor} a modifié *${no}* ${description}.`,
  won: (actor: string, no: string, description: string, amount: string) =>
    `${actor} a clôturé *${no}* ${description} comme gagnée (${amount}).`,
  lost: (actor: string, no: string, description: string) => `${actor} a clôturé *${no}* ${description} comme perdue.`,
  orderWon: (actor: string, no: string, description: string, orderNo: string) =>
    `${actor} a créé la commande vente ${orderNo} à partir de *${no}* ${description}, ce qui l’a clôturée comme gagnée.`,
  reassignedAway: (actor: string, no: string, description: string, to: string) =>
    `${actor} a confié *${no}* ${description} à ${to} : vous n’en êtes plus le vendeur.`,
  deleted: (actor: string, no: string, description: string) => `${actor} a supprimé *${no}* ${description}.`,
  noteAdded: (actor: string, no: string, description: string) =>
    `${actor} a ajouté une note à *${no}* ${description}. \`/opp show ${no}\` l’affiche.`,
  overdue: (no: string, description: string, date: string) =>
    `*${no}* ${description} a dépassé sa date clôture estimée (${date}). Faites-la avancer, changez sa date ou clôturez-la.`,
  stale: (no: string, description: string, days: number, date: string) =>
    m(
      '*{no}* {description} est restée sans changement depuis {days, plural, one {# jour} many {# de jours} other {# jours}} (dernier changement le {date}).',
      {
        no,
        description,
        days,
        date,
      },
    ),
  taskDue: (description: string, date: string) => `Tâche à échéance le ${date} : ${description}.`,
  /** Under every instant notification: how to change what one hears. */
  footer: '`/opp notify` permet de choisir les notifications que vous recevez, et quand.',
  summaryTitle: (count: number) =>
    m(
      '*Votre résumé quotidien* : {count, plural, one {# notification} many {# de notifications} other {# notifications}}',
      { count },
    ),
  summaryFallback: (count: number) =>
    m(
      'Votre résumé quotidien : {count, plural, one {# notification} many {# de notifications} other {# notifications}}.',
      { count },
    ),
  /** Told to each admin, once, when Slack says a person cannot be sent direct messages any more. */
  personGone: (person: string, reason: string) =>
    `${person} ne peut plus recevoir de messages directs (Slack indique \`${reason}\`) : ses notifications sont donc désactivées. Cette personne peut les réactiver avec \`/opp notify\`.`,
  categories: {
    changes: 'Changements apportés par d’autres à mes opportunités',
    tasks: 'Mes tâches à leur échéance',
    overdue: 'Mes opportunités qui ont dépassé leur date clôture',
    stale: 'Mes opportunités sans changement depuis un moment',
  },
  modes: { instant: 'immédiatement', daily: 'dans le résumé quotidien', off: 'jamais' },
  /** `/opp notify` without a change: the settings in force. */
  settingsTitle: '*Vos notifications* (messages directs de l’application)',
  settingLine: (category: string, mode: string, key: string) => `• ${category} : *${mode}* (\`${key}\`)`,
  summaryLine: (at: string) => `• Résumé quotidien à ${at}, selon votre fuseau horaire (\`summary:HH:MM\`)`,
  quietLine: (start: string | null, end: string | null) =>
    start !== null && end !== null
      ? `• Heures de silence de ${start} à ${end}, selon votre fuseau horaire : les messages attendent leur fin (\`quiet:off\`)`
      : '• Aucune heure de silence (`quiet:22:00-07:00`, par exemple)',
  mutedLine: (nos: string | null) =>
    nos === null
      ? '• Aucune opportunité en sourdine (`/opp notify mute OP00012`)'
      : `• En sourdine : ${nos} (\`/opp notify unmute &lt;no&gt;\`)`,
  disabledLine:
    ':warning: Slack n’a pas pu livrer vos notifications : elles ont donc été désactivées. Modifier n’importe quel paramètre les réactive.',
  settingsHint:
    'Modifiez-les avec `/opp notify changes:instant|daily|off tasks:… overdue:… stale:… summary:8:30 quiet:22:00-07:00`.',
  saved: 'Vos paramètres de notification sont enregistrés.',
  muted: (no: string) =>
    `Vous ne recevrez plus de notifications au sujet de ${no} (\`/opp notify unmute ${no}\` pour les recevoir de nouveau).`,
  muteButton: (no: string) => `Mettre ${no} en sourdine`,
  unmuted: (no: string) => `Vous recevrez de nouveau des notifications au sujet de ${no}.`,
  home: {
    title: 'Notifications',
    intro: 'Ce que l’application vous signale par message direct au sujet de vos opportunités et de vos tâches.',
    summaryAt: 'Résumé quotidien à',
    quietFrom: 'Heures de silence de',
    quietUntil: 'à',
    quietOff: 'aucune',
    mutePlaceholder: 'Mettre une opportunité en sourdine…',
    unmute: (no: string) => `Rétablir les notifications de ${no}`,
  },
} as const;

export const notify = trusted(texts);

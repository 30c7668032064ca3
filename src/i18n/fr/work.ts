// French (Canada) strings of a day's follow-up work: tasks (the card's open tasks, "Mes tâches" in App Home,
// `/opp tasks`, the Postpone form, the due-date reminder) and the linked quote (Afficher le devis, its edit
// and replace forms); the same keys and parameters as src/i18n/en/work.ts. Template functions receive
// values already formatted and escaped where they go into mrkdwn. Part of the one catalogue.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('fr');
const openTasks = (n: number): string =>
  m('{n, plural, one {# tâche ouverte} many {# de tâches ouvertes} other {# tâches ouvertes}}', { n });
const others = (n: number): string => m('…et {n, plural, one {# autre} many {# d’autres} other {# autres}}', { n });

const french = {
  tasks: {
    buttons: { complete: 'Terminée', postpone: 'Reporter' },
    /** "Appeler l’acheteur · échéance le 3 déc. 2026 · OP00012 Renouvellement du parc · Ann" (the parts that apply). */
    line: (parts: {
      description: string;
      date: string;
      overdue: boolean;
      opportunity: string | null;
      owner: string | null;
    }) =>
      [
        `*${parts.description}*`,
        parts.overdue ? `:warning: en retard depuis le ${parts.date}` : `échéance le ${parts.date}`,
        parts.opportunity,
        parts.owner,
      ]
        .filter((p): p is string => p !== null)
        .join(' · '),
    opportunity: (no: string, description: string) => (description.trim() ? `${no} ${description}` : no),
    cardTitle: (count: number) => `*Tâches ouvertes* (${count})`,
    cardMore: (n: number, no: string) =>
      `${others(n)} — \`/opp tasks\` liste les vôtres; le vendeur de ${no} les voit toutes.`,
    listTitle: { mine: 'Vos tâches ouvertes', other: (user: string) => `Tâches ouvertes de ${user}` },
    listFallback: (count: number) => openTasks(count),
    listCount: (shown: number, total: number) =>
      shown === total
        ? openTasks(total)
        : m(
            '{shown} sur {total, plural, one {# tâche ouverte} many {# de tâches ouvertes} other {# tâches ouvertes}}, de la plus proche échéance à la plus lointaine',
            { shown: String(shown), total },
          ),
    empty: {
      mine: 'Vous n’avez aucune tâche ouverte. Les tâches proviennent des activités des étapes des cycles de vente (`/opp help activity`).',
      other: (user: string) => `${user} n’a aucune tâche ouverte.`,
    },
    homeTitle: 'Mes tâches',
    homeEmpty: 'Aucune tâche ouverte.',
    homeMore: (n: number) => `${others(n)} — utilisez \`/opp tasks\`.`,
    completed: (description: string) => `La tâche « ${description} » est terminée.`,
    postponed: (description: string, date: string) =>
      `La tâche « ${description} » a maintenant pour échéance le ${date}.`,
    postpone: {
      title: 'Reporter la tâche',
      submit: 'Reporter',
      context: (line: string) => line,
      newDate: 'Nouvelle date d’échéance',
      newDatePlaceholder: 'p. ex. vendredi prochain, dans 3 jours, 20 déc',
      newDateHint: 'Une date postérieure à son échéance actuelle, lue dans votre fuseau horaire.',
      badDate: 'Tapez une date comme « vendredi prochain », « dans 3 jours » ou 2026-12-20.',
    },
    reminder: (parts: { description: string; date: string; today: boolean; opportunity: string | null }) =>
      `:alarm_clock: La tâche *${parts.description}* ${parts.today ? 'arrive à échéance aujourd’hui' : `avait pour échéance le ${parts.date}`}${parts.opportunity ? ` (${parts.opportunity})` : ''}.`,
    reminderFallback: (description: string) => `Tâche à échéance : ${description}`,
  },

  quote: {
    buttons: { view: 'Afficher le devis', edit: 'Modifier les lignes', replace: 'Remplacer le devis' },
    header: (quoteNo: string, opportunityNo: string) => `Devis ${quoteNo} · ${opportunityNo}`,
    about: (parts: { opportunity: string; customer: string; orderDate: string }) =>
      `Pour *${parts.opportunity}* · client ${parts.customer} · date commande ${parts.orderDate}`,
    line: (parts: {
      lineNo: number;
      description: string;
      quantity: string;
      unitPrice: string;
      discount: string | null;
      amount: string;
    }) =>
      `${parts.lineNo}. *${parts.description}* · ${parts.quantity} × ${parts.unitPrice}${parts.discount ? ` − ${parts.discount}` : ''} = ${parts.amount}`,
    total: (amount: string, lines: number) =>
      `*Total (hors taxes) :* ${amount} · ${m('{lines, plural, one {# ligne} many {# de lignes} other {# lignes}}', { lines })}`,
    fallback: (quoteNo: string, amount: string) => `Devis ${quoteNo} : ${amount}`,
    noCustomer: 'aucun pour l’instant',
    edited: (quoteNo: string, from: string, to: string) => `Le devis ${quoteNo} a été modifié : ${from} → ${to}.`,
    replaced: (newNo: string, oldNo: string) =>
      `Le devis ${newNo} est maintenant celui de l’opportunité; ${oldNo} est conservé, mais n’y est plus lié.`,
    editModal: {
      // Modal titles hold 24 characters: "Modifier devis OP00012".
      title: (no: string) => `Modifier devis ${no}`,
      submit: 'Enregistrer les lignes',
      context: (quoteNo: string, no: string) =>
        `Les lignes du devis *${quoteNo}* pour *${no}*. Laissez une ligne vide pour la supprimer.`,
    },
    replaceModal: {
      title: (no: string) => `Nouveau devis de ${no}`,
      submit: 'Remplacer le devis',
      context: (quoteNo: string, no: string) =>
        `Les lignes d’un nouveau devis pour *${no}*. Le devis ${quoteNo} est conservé, mais n’y est plus lié.`,
    },
  },
} as const;

export const work = trusted(french);

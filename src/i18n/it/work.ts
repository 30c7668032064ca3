// Italian strings of a day's follow-up work: tasks (impegni: the card's open tasks, "I miei impegni" in App
// Home, `/opp tasks`, the Rinvia form, the due-date reminder) and the linked sales quote (Mostra offerta, its
// edit and replace forms). The same keys and parameters as src/i18n/en/work.ts. Template functions receive
// values already formatted and escaped where they go into mrkdwn. Dates are written after "scadenza", which
// needs no article before a day number. Part of the one catalogue.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('it');
const openTasks = (n: number): string =>
  m('{n, plural, one {# impegno aperto} many {# di impegni aperti} other {# impegni aperti}}', { n });

const italian = {
  tasks: {
    buttons: { complete: 'Fatto', postpone: 'Rinvia' },
    /** "Chiamare l’acquirente · scadenza 3 dic 2026 · OP00012 Rinnovo flotta · Anna" (the parts that apply). */
    line: (parts: {
      description: string;
      date: string;
      overdue: boolean;
      opportunity: string | null;
      owner: string | null;
    }) =>
      [
        `*${parts.description}*`,
        parts.overdue ? `:warning: in ritardo (scadenza ${parts.date})` : `scadenza ${parts.date}`,
        parts.opportunity,
        parts.owner,
      ]
        .filter((p): p is string => p !== null)
        .join(' · '),
    opportunity: (no: string, description: string) => (description.trim() ? `${no} ${description}` : no),
    cardTitle: (count: number) => `*Impegni aperti* (${count})`,
    cardMore: (n: number, no: string) =>
      `…e ${n} in più — \`/opp tasks\` elenca i propri; l’agente di ${no} li vede tutti.`,
    listTitle: { mine: 'I miei impegni aperti', other: (user: string) => `Impegni aperti di ${user}` },
    listFallback: (count: number) => openTasks(count),
    listCount: (shown: number, total: number) =>
      shown === total ? openTasks(total) : `${shown} su ${openTasks(total)}, dalla scadenza più vicina`,
    empty: {
      mine: 'Non ha impegni aperti. Gli impegni nascono dalle attività delle fasi dei cicli di vendita (`/opp help activity`).',
      other: (user: string) => `${user} non ha impegni aperti.`,
    },
    homeTitle: 'I miei impegni',
    homeEmpty: 'Nessun impegno aperto.',
    homeMore: (n: number) => `…e ${n} in più — usare \`/opp tasks\`.`,
    completed: (description: string) => `Impegno “${description}” completato.`,
    postponed: (description: string, date: string) => `L’impegno “${description}” ha ora scadenza ${date}.`,
    postpone: {
      title: 'Rinvia impegno',
      submit: 'Rinvia',
      context: (line: string) => line,
      newDate: 'Nuova data scadenza',
      newDatePlaceholder: 'es. venerdì prossimo, fra 3 giorni, 20 dic',
      newDateHint: 'Una data successiva a quella attuale, letta nel proprio fuso orario.',
      badDate: 'Digitare una data come “venerdì prossimo”, “fra 3 giorni” o 2026-12-20.',
    },
    reminder: (parts: { description: string; date: string; today: boolean; opportunity: string | null }) =>
      `:alarm_clock: L’impegno *${parts.description}* ${parts.today ? 'scade oggi' : `aveva scadenza ${parts.date}`}${parts.opportunity ? ` (${parts.opportunity})` : ''}.`,
    reminderFallback: (description: string) => `Impegno in scadenza: ${description}`,
  },

  quote: {
    buttons: { view: 'Mostra offerta', edit: 'Modifica righe', replace: 'Sostituisci offerta' },
    header: (quoteNo: string, opportunityNo: string) => `Offerta di vendita ${quoteNo} · ${opportunityNo}`,
    about: (parts: { opportunity: string; customer: string; orderDate: string }) =>
      `Per *${parts.opportunity}* · cliente ${parts.customer} · data ordine ${parts.orderDate}`,
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
      `*Totale (IVA esclusa):* ${amount} · ${m('{n, plural, one {# riga} many {# di righe} other {# righe}}', { n: lines })}`,
    fallback: (quoteNo: string, amount: string) => `Offerta di vendita ${quoteNo}: ${amount}`,
    noCustomer: 'non ancora definito',
    edited: (quoteNo: string, from: string, to: string) => `Offerta ${quoteNo} modificata: ${from} → ${to}.`,
    replaced: (newNo: string, oldNo: string) =>
      `L’offerta ${newNo} è ora l’offerta dell’opportunità; ${oldNo} resta, ma non è più collegata all’opportunità.`,
    editModal: {
      // Modal titles hold at most 24 characters: "Righe offerta OP00012".
      title: (no: string) => `Righe offerta ${no}`,
      submit: 'Salva righe',
      context: (quoteNo: string, no: string) =>
        `Le righe dell’offerta *${quoteNo}* per *${no}*. Lasciare vuota una riga per eliminarla.`,
    },
    replaceModal: {
      title: (no: string) => `Nuova offerta ${no}`,
      submit: 'Sostituisci offerta',
      context: (quoteNo: string, no: string) =>
        `Le righe di una nuova offerta per *${no}*. L’offerta ${quoteNo} resta, ma non è più collegata all’opportunità.`,
    },
  },
} as const;

export const work = trusted(italian);

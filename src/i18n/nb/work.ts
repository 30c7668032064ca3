// Norwegian Bokmål strings of a day's follow-up work: tasks (the card's open tasks, "Mine oppgaver" in App
// Home, `/opp tasks`, the Postpone form, the due-date reminder) and the linked sales quote (Vis tilbud, its
// edit and replace forms): the same keys and parameters as English's (src/i18n/en/work.ts). Business
// Central's Norwegian terms: oppgave, salgstilbud, frist. Part of the one catalogue.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('nb');
const openTasks = (n: number): string => m('{n, plural, one {# åpen oppgave} other {# åpne oppgaver}}', { n });

const norwegian = {
  tasks: {
    buttons: { complete: 'Ferdig', postpone: 'Utsett' },
    /** "Ring kjøperen · frist 3. des. 2026 · OP00012 Fornyelse av bilpark · Ann" (the parts that apply). */
    line: (parts: {
      description: string;
      date: string;
      overdue: boolean;
      opportunity: string | null;
      owner: string | null;
    }) =>
      [
        `*${parts.description}*`,
        parts.overdue ? `:warning: forfalt siden ${parts.date}` : `frist ${parts.date}`,
        parts.opportunity,
        parts.owner,
      ]
        .filter((p): p is string => p !== null)
        .join(' · '),
    opportunity: (no: string, description: string) => (description.trim() ? `${no} ${description}` : no),
    cardTitle: (count: number) => `*Åpne oppgaver* (${count})`,
    cardMore: (n: number, no: string) => `…og ${n} til — \`/opp tasks\` viser dine; selgeren for ${no} ser dem.`,
    listTitle: { mine: 'Dine åpne oppgaver', other: (user: string) => `Åpne oppgaver for ${user}` },
    listFallback: (count: number) => openTasks(count),
    listCount: (shown: number, total: number) =>
      shown === total
        ? openTasks(total)
        : m('{shown} av {total, plural, one {# åpen oppgave} other {# åpne oppgaver}}, tidligste frist først', {
            shown: String(shown),
            total,
          }),
    empty: {
      mine: 'Du har ingen åpne oppgaver. Oppgaver kommer fra aktivitetene i fasene i salgssyklusene (`/opp help activity`).',
      other: (user: string) => `${user} har ingen åpne oppgaver.`,
    },
    homeTitle: 'Mine oppgaver',
    homeEmpty: 'Ingen åpne oppgaver.',
    homeMore: (n: number) => `…og ${n} til — bruk \`/opp tasks\`.`,
    completed: (description: string) => `Oppgaven «${description}» er utført.`,
    postponed: (description: string, date: string) => `Oppgaven «${description}» har nå frist ${date}.`,
    postpone: {
      title: 'Utsett oppgave',
      submit: 'Utsett',
      context: (line: string) => line,
      newDate: 'Ny frist',
      newDatePlaceholder: 'f.eks. neste fredag, om 3 dager, 20. des',
      newDateHint: 'En senere dato enn fristen den har nå, lest i din tidssone.',
      badDate: 'Skriv en dato som «neste fredag», «om 3 dager» eller 2026-12-20.',
    },
    reminder: (parts: { description: string; date: string; today: boolean; opportunity: string | null }) =>
      `:alarm_clock: Oppgaven *${parts.description}* ${parts.today ? 'har frist i dag' : `hadde frist ${parts.date}`}${parts.opportunity ? ` (${parts.opportunity})` : ''}.`,
    reminderFallback: (description: string) => `Oppgavefrist: ${description}`,
  },

  quote: {
    buttons: { view: 'Vis tilbud', edit: 'Rediger linjer', replace: 'Erstatt tilbud' },
    header: (quoteNo: string, opportunityNo: string) => `Salgstilbud ${quoteNo} · ${opportunityNo}`,
    about: (parts: { opportunity: string; customer: string; orderDate: string }) =>
      `For *${parts.opportunity}* · kunde ${parts.customer} · ordredato ${parts.orderDate}`,
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
      `*Totalt (ekskl. mva.):* ${amount} · ${m('{lines, plural, one {# linje} other {# linjer}}', { lines })}`,
    fallback: (quoteNo: string, amount: string) => `Salgstilbud ${quoteNo}: ${amount}`,
    noCustomer: 'ingen ennå',
    edited: (quoteNo: string, from: string, to: string) => `Tilbud ${quoteNo} er endret: ${from} → ${to}.`,
    replaced: (newNo: string, oldNo: string) =>
      `Tilbud ${newNo} er nå tilbudet for salgsmuligheten; ${oldNo} beholdes, men er ikke lenger knyttet til den.`,
    editModal: {
      title: (no: string) => `Rediger tilbud ${no}`,
      submit: 'Lagre linjer',
      context: (quoteNo: string, no: string) =>
        `Linjene i tilbud *${quoteNo}* for *${no}*. La en linje stå tom for å fjerne den.`,
    },
    replaceModal: {
      title: (no: string) => `Nytt tilbud for ${no}`,
      submit: 'Erstatt tilbud',
      context: (quoteNo: string, no: string) =>
        `Linjene i et nytt tilbud for *${no}*. Tilbud ${quoteNo} beholdes, men er ikke lenger knyttet til salgsmuligheten.`,
    },
  },
} as const;

export const work = trusted(norwegian);

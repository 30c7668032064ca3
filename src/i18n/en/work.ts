// English strings of a day's follow-up work: tasks (the card's open tasks, "My tasks" in App Home,
// `/opp tasks`, the Postpone form, the due-date reminder) and the linked sales quote (View quote, its
// edit and replace forms). Template functions receive values already formatted and escaped where they go
// into mrkdwn. Part of the one catalogue.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('en');
const openTasks = (n: number): string => m('{n, plural, one {# open task} other {# open tasks}}', { n });

const english = {
  tasks: {
    buttons: { complete: 'Done', postpone: 'Postpone' },
    /** "Call the buyer · due Dec 3, 2026 · OP00012 Fleet renewal · Ann" (the parts that apply). */
    line: (parts: {
      description: string;
      date: string;
      overdue: boolean;
      opportunity: string | null;
      owner: string | null;
    }) =>
      [
        `*${parts.description}*`,
        parts.overdue ? `:warning: overdue since ${parts.date}` : `due ${parts.date}`,
        parts.opportunity,
        parts.owner,
      ]
        .filter((p): p is string => p !== null)
        .join(' · '),
    opportunity: (no: string, description: string) => (description.trim() ? `${no} ${description}` : no),
    cardTitle: (count: number) => `*Open tasks* (${count})`,
    cardMore: (n: number, no: string) => `…and ${n} more — \`/opp tasks\` lists yours; ${no}'s salesperson sees them.`,
    listTitle: { mine: 'Your open tasks', other: (user: string) => `Open tasks of ${user}` },
    listFallback: (count: number) => openTasks(count),
    listCount: (shown: number, total: number) =>
      shown === total
        ? openTasks(total)
        : m('{shown} of {total, plural, one {# open task} other {# open tasks}}, earliest due first', {
            shown: String(shown),
            total,
          }),
    empty: {
      mine: 'You have no open tasks. Tasks come from the activities of sales cycle stages (`/opp help activity`).',
      other: (user: string) => `${user} has no open tasks.`,
    },
    homeTitle: 'My tasks',
    homeEmpty: 'No open tasks.',
    homeMore: (n: number) => `…and ${n} more — use \`/opp tasks\`.`,
    completed: (description: string) => `Task “${description}” is done.`,
    postponed: (description: string, date: string) => `Task “${description}” is now due ${date}.`,
    postpone: {
      title: 'Postpone task',
      submit: 'Postpone',
      context: (line: string) => line,
      newDate: 'New due date',
      newDatePlaceholder: 'e.g. next friday, in 3 days, Dec 20',
      newDateHint: 'A date later than the one it has, read in your time zone.',
      badDate: 'Type a date such as “next friday”, “in 3 days” or 2026-12-20.',
    },
    reminder: (parts: { description: string; date: string; today: boolean; opportunity: string | null }) =>
      `:alarm_clock: Task *${parts.description}* ${parts.today ? 'is due today' : `was due ${parts.date}`}${parts.opportunity ? ` (${parts.opportunity})` : ''}.`,
    reminderFallback: (description: string) => `Task due: ${description}`,
  },

  quote: {
    buttons: { view: 'View quote', edit: 'Edit lines', replace: 'Replace quote' },
    header: (quoteNo: string, opportunityNo: string) => `Sales quote ${quoteNo} · ${opportunityNo}`,
    about: (parts: { opportunity: string; customer: string; orderDate: string }) =>
      `For *${parts.opportunity}* · customer ${parts.customer} · order date ${parts.orderDate}`,
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
      `*Total (excl. VAT):* ${amount} · ${m('{lines, plural, one {# line} other {# lines}}', { lines })}`,
    fallback: (quoteNo: string, amount: string) => `Sales quote ${quoteNo}: ${amount}`,
    noCustomer: 'none yet',
    edited: (quoteNo: string, from: string, to: string) => `Quote ${quoteNo} changed: ${from} → ${to}.`,
    replaced: (newNo: string, oldNo: string) =>
      `Quote ${newNo} is now the opportunity's quote; ${oldNo} stays, no longer linked to it.`,
    editModal: {
      title: (no: string) => `Edit quote of ${no}`,
      submit: 'Save lines',
      context: (quoteNo: string, no: string) =>
        `The lines of quote *${quoteNo}* for *${no}*. Leave a line empty to remove it.`,
    },
    replaceModal: {
      title: (no: string) => `New quote for ${no}`,
      submit: 'Replace quote',
      context: (quoteNo: string, no: string) =>
        `The lines of a new quote for *${no}*. Quote ${quoteNo} stays, but is no longer linked to it.`,
    },
  },
} as const;

export const work = trusted(english);

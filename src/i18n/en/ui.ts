// English strings of the Block Kit layer (cards, lists, App Home, modals, replies). Builders in
// src/slack/blocks take every user-visible word from here, through their presenter
// (src/i18n/presenter.ts). Template functions receive values that are already formatted (money, dates,
// percentages) and already escaped for mrkdwn where they go into it.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('en');
const opportunities = (n: number): string => m('{n, plural, one {# opportunity} other {# opportunities}}', { n });

const english = {
  status: { not_started: 'Not started', in_progress: 'In progress', won: 'Won', lost: 'Lost' },
  actionTaken: {
    none: 'First stage activated',
    next: 'Next',
    previous: 'Previous',
    updated: 'Updated',
    jumped: 'Jumped',
    won: 'Won',
    lost: 'Lost',
  },
  moveAction: {
    first: 'Activate first stage',
    next: 'Next stage',
    previous: 'Previous stage',
    skip: 'Skip ahead',
    jump: 'Jump back',
    update: 'Update estimates',
  },
  priority: { low: 'Low', normal: 'Normal', high: 'High' },
  probabilityCalculation: {
    multiply: 'Chances × completed',
    add: 'Average of chances and completed',
    chances: 'Chances of success only',
    completed: 'Completed % only',
  },
  contactType: { company: 'Company', person: 'Person' },
  outcome: { won: 'Won', lost: 'Lost' },

  common: {
    none: '—',
    yes: 'Yes',
    no: 'No',
    cancel: 'Cancel',
    close: 'Close',
    stage: (no: number, description: string) => (description.trim() === '' ? `Stage ${no}` : `${no} · ${description}`),
    contact: (name: string, company: string | null) => (company ? `${name}, ${company}` : name),
    contactOption: (no: string, type: string) => `${no} · ${type}`,
    cycle: (code: string, description: string) => (description.trim() === '' ? code : `${code} — ${description}`),
    andMore: (n: number, command: string) => `…and ${n} more — use \`${command}\`.`,
    unknownCurrency: (code: string, amount: string) => `${code} ${amount}`,
  },

  placeholders: {
    amount: 'e.g. 12,000',
    percent: 'e.g. 40',
    quantity: 'e.g. 2',
    unitPrice: 'e.g. 1,250.00',
    discount: '0',
  },

  buttons: {
    show: 'Show',
    activate: 'Activate first stage',
    next: 'Next stage',
    update: 'Update',
    close: 'Close',
    createQuote: 'Create quote',
    makeOrder: 'Make order',
    delete: 'Delete',
    edit: 'Edit',
    addNote: 'Add note',
    more: 'More',
    newOpportunity: 'New opportunity',
    addLine: 'Add line',
    purgeCancel: 'Cancel',
    purgeConfirm: (n: number) => `Delete ${opportunities(n)}`,
    workspaceDeleteConfirm: 'Delete all data',
    workspaceDeleteCancel: 'Cancel',
  },

  card: {
    fallback: (no: string, description: string, status: string) =>
      `${description.trim() ? `${no} · ${description}` : no} — ${status}`,
    header: (no: string, description: string) => (description.trim() ? `${no} · ${description}` : no),
    field: (label: string, value: string) => `*${label}*\n${value}`,
    labels: {
      status: 'Status',
      stage: 'Stage',
      contact: 'Contact',
      salesperson: 'Salesperson',
      salesCycle: 'Sales cycle',
      priority: 'Priority',
      estimatedValue: 'Estimated value',
      calcdCurrentValue: 'Calculated current value',
      chances: 'Chances of success',
      completed: 'Completed',
      probability: 'Probability',
      estimatedCloseDate: 'Estimated closing date',
      creationDate: 'Created',
      dateClosed: 'Closed',
      closeCode: 'Close code',
      document: 'Quote / order',
    },
    notStartedStage: 'Not started yet',
    /** What a move or a Won close put in place of a value nobody typed, as Business Central does. */
    replaced: (changes: string[]) => `Set by the rules: ${changes.join(', ')}.`,
    replacedChances: (from: string, to: string, stage: number) => `chances ${from} → ${to} (stage ${stage}'s default)`,
    replacedCloseDate: (from: string, to: string, stage: number, formula: string) =>
      formula.trim()
        ? `closing date ${from} → ${to} (stage formula ${formula})`
        : `closing date ${from} → ${to} (stage ${stage} has no date formula: the date of change)`,
    replacedValue: (from: string, to: string) => `estimated value ${from} → ${to} (the linked quote's amount)`,
    replacedSalesAmount: (from: string, to: string) => `sales amount ${from} → ${to} (the linked quote's amount)`,
    noDocument: 'None',
    quote: (no: string, amount: string) => `Quote ${no} · ${amount}`,
    order: (no: string, amount: string) => `Order ${no} · ${amount}`,
    closeCode: (code: string, description: string | null) => (description ? `${code} — ${description}` : code),
    historyTitle: (shown: number, total: number) =>
      shown === total ? `*History* (newest first)` : `*History* (newest ${shown} of ${total})`,
    noHistory: 'No history yet: the first stage has not been activated.',
    historyEntry: (parts: {
      date: string;
      action: string;
      stage: string | null;
      value: string;
      chances: string;
      daysOpen: number;
      active: boolean;
      closeCode: string | null;
    }) =>
      [
        `*${parts.date}*`,
        parts.stage === null ? parts.action : `${parts.action} → ${parts.stage}`,
        parts.value,
        `${parts.chances} chances`,
        parts.active ? 'current' : m('{n, plural, one {# day} other {# days}} open', { n: parts.daysOpen }),
        parts.closeCode ? `code ${parts.closeCode}` : null,
      ]
        .filter((p): p is string => p !== null && p !== '')
        .join(' · '),
    /** An edit of description, contact, salesperson or priority; `changes` come from editChange. */
    historyEdit: (date: string, who: string, changes: readonly string[]) =>
      `*${date}* · Edited by ${who}: ${changes.join('; ')}`,
    editChange: {
      description: (from: string, to: string) => `description “${from}” → “${to}”`,
      contact: (from: string, to: string) => `contact ${from} → ${to}`,
      salesperson: (from: string, to: string) => `salesperson ${from} → ${to}`,
      priority: (from: string, to: string) => `priority ${from} → ${to}`,
    },
    historyNote: (date: string, who: string, text: string) => `*${date}* · :memo: Note by ${who}: ${text}`,
    deleteConfirm: {
      title: (no: string) => `Delete ${no}?`,
      text: (no: string) => `${no} and its history will be deleted. Its tasks stay. This can't be undone.`,
      confirm: 'Delete',
      deny: 'Keep it',
    },
  },

  list: {
    titles: {
      mine: 'Your opportunities',
      all: 'All opportunities',
      user: 'Opportunities',
      /** `list all` by a rep in a workspace where reps read only their own. */
      allOnlyOwn: 'Your opportunities (reps here see only their own)',
    },
    fallback: (title: string, count: number) => `${title}: ${opportunities(count)}`,
    empty: 'No opportunities match. Try `/opp list all`, or create one with `/opp new`.',
    /** An empty `list all` or `list @user`: suggesting `list all` again would lead nowhere. */
    emptyAll: 'No opportunities match. Try another filter (`status:all`, say), or create one with `/opp new`.',
    count: (shown: number, total: number) =>
      shown === total
        ? opportunities(total)
        : m('{shown} of {total, plural, one {# opportunity} other {# opportunities}}', { shown: String(shown), total }),
    /** A later page: "47–92 of 120 opportunities". */
    pageCount: (first: number, last: number, total: number) =>
      m('{first}–{last} of {total, plural, one {# opportunity} other {# opportunities}}', {
        first: String(first),
        last: String(last),
        total,
      }),
    /** Totals per status over everything the list matches (never open, won and lost added together). */
    totalsByStatus: (parts: string[]) => `*Total:* ${parts.join(' · ')}`,
    openTotal: (count: number, estimated: string, calcd: string) =>
      `open ${count}: ${estimated} estimated, ${calcd} weighted`,
    wonTotal: (count: number, sales: string) => `won ${count}: ${sales} sales`,
    lostTotal: (count: number, estimated: string) => `lost ${count}: ${estimated} estimated`,
    more: 'More',
    moreExpired: 'This list is no longer available: run the command again to see it.',
    /** `list` with a name that no opportunity the reader may see has every word of. */
    nothingNamed: (text: string) =>
      `No opportunity you can see has every word of “${text}”. \`/opp find ${text}\` also shows those that match some of the words; \`/opp help list\` shows the list’s filters.`,
    line: (parts: {
      no: string;
      description: string;
      contact: string;
      where: string | null;
      value: string | null;
      probability: string | null;
      closing: string | null;
      owner: string;
    }) =>
      [
        `*${parts.no}* ${parts.description}`,
        parts.contact,
        parts.where,
        parts.value,
        parts.probability === null ? null : `${parts.probability} probability`,
        parts.closing === null ? null : `closes ${parts.closing}`,
        parts.owner,
      ]
        .filter((p): p is string => p !== null)
        .join(' · '),
    totals: (estimated: string, calcd: string, shownOnly: boolean) =>
      `*Total${shownOnly ? ' of those shown' : ''}:* ${estimated} estimated · ${calcd} calculated current value`,
    moreCommand: '/opp list cycle:&lt;CODE&gt; contact:&lt;contact&gt;',
  },

  home: {
    title: 'Your open opportunities',
    intro: (count: number) =>
      m('You have {count, plural, one {# open opportunity} other {# open opportunities}}.', { count }),
    empty:
      "You don't have any open opportunities yet. Type `/opp new` (or press the button) to create one, and `/opp help` to see everything the bot can do.",
    notStartedGroup: 'Not started',
    group: (stage: string, cycle: string) => `*${stage}* (${cycle})`,
    groupTotals: (count: number, estimated: string, weighted: string) =>
      `${opportunities(count)} · ${estimated} estimated · ${weighted} weighted`,
    moreCommand: '/opp list mine',
    fallback: 'Your open opportunities',
    teamTitle: "The team's open pipeline",
    teamIntro: (count: number, estimated: string, weighted: string) =>
      m('The team has {count, plural, one {# open opportunity} other {# open opportunities}}', { count }) +
      `: ${estimated} estimated · ${weighted} weighted.`,
    teamEmpty:
      'The team has no open opportunities yet. Type `/opp new` (or press the button) to create one, and `/opp help` to see everything the bot can do.',
    byStage: '*By stage*',
    bySalesperson: '*By salesperson*',
    overviewLine: (label: string, figures: string) => `• ${label}: ${figures}`,
    moreSalespeople: (n: number) => m('…and {n, plural, one {# more salesperson} other {# more salespeople}}.', { n }),
    pageRange: (from: number, to: number, total: number) =>
      m('Opportunities {from, number}–{to, number} of {total, number}.', { from, to, total }),
    nextPage: 'Next page',
    firstPage: 'First page',
  },

  modal: {
    unavailableTitle: 'Not possible right now',
    create: {
      title: 'New opportunity',
      submit: 'Create',
      description: 'Description',
      descriptionPlaceholder: 'e.g. 20 laptops for Acme',
      contact: 'Contact',
      contactPlaceholder: 'Type a name or number',
      salesperson: 'Salesperson',
      salesCycle: 'Sales cycle',
      priority: 'Priority',
      activate: 'Start it',
      activateOption: 'Activate the first stage now',
      activateHint: 'When ticked, the estimated value, chances and closing date are required.',
      estimatedValue: 'Estimated value',
      chances: 'Chances of success %',
      estimatedCloseDate: 'Estimated closing date',
      noCycles:
        'There is no usable sales cycle yet. Add one with `/opp cycle add` and its stages with `/opp stage add`.',
    },
    update: {
      title: (no: string) => `Update ${no}`,
      submit: 'Save',
      context: (no: string, where: string) => `*${no}* — ${where}`,
      currentStage: (stage: string) => `currently at stage ${stage}`,
      notStarted: 'not started yet',
      actionType: 'What do you want to do?',
      targetStage: 'Target stage',
      movesTo: (stage: string) => `Moves to stage ${stage}.`,
      staysAt: (stage: string) => `Stays at stage ${stage}; only the estimates change.`,
      quoteWarning: (stage: string, no: string) =>
        `:warning: Stage ${stage} needs a sales quote before you can move here. Create one first with \`/opp quote ${no}\`.`,
      stageChancesHint: "For Skip and Jump, the target stage's chances of success replace what you enter here.",
      dateOfChange: 'Date of change',
      estimatedValue: 'Estimated value',
      chances: 'Chances of success %',
      estimatedCloseDate: 'Estimated closing date',
      closeDateHint: "Leave it on the date of change to use the stage's date formula.",
      cancelTasks: 'Tasks',
      cancelTasksOption: 'Cancel the open tasks of this opportunity',
      nothingPossible: (no: string) =>
        `${no} can't be moved: it is closed, or its sales cycle has no stages. Close codes and stages are set up with \`/opp help setup\`.`,
    },
    close: {
      title: (no: string) => `Close ${no}`,
      submit: 'Close it',
      context: (no: string) => `Closing *${no}* records the outcome and ends its pipeline.`,
      /** Make Order on an open opportunity: it is closed as Won first (Business Central asks the same). */
      forOrderSubmit: 'Close and make order',
      forOrderContext: (no: string) =>
        `*${no}* is still open: making the order closes it as Won first, with the quote's amount. Then the order is made from the quote.`,
      outcome: 'Outcome',
      closeCode: 'Close code',
      chooseOutcomeFirst: 'Choose Won or Lost to see the matching close codes.',
      noCodes: (outcome: string) =>
        `There is no ${outcome} close code yet. Add one with \`/opp code add &lt;CODE&gt; ${outcome.toLowerCase()} &lt;description&gt;\`.`,
      closingDate: 'Closing date',
      salesAmount: 'Sales amount',
      salesAmountFromQuote: (amount: string) => `The linked quote's amount (${amount}) is used as the sales amount.`,
      cancelTasks: 'Tasks',
      cancelTasksOption: 'Cancel the open tasks of this opportunity',
    },
    quote: {
      title: (no: string) => `Quote for ${no}`,
      submit: 'Create quote',
      context: (no: string) => `Lines of the sales quote for *${no}*. Leave a line empty to skip it.`,
      description: (i: number) => `Line ${i} · description`,
      quantity: (i: number) => `Line ${i} · quantity`,
      unitPrice: (i: number) => `Line ${i} · unit price`,
      discount: (i: number) => `Line ${i} · discount %`,
      total: (amount: string, lines: number) =>
        `*Total:* ${amount} (${m('{lines, plural, one {# complete line} other {# complete lines}}', { lines })})`,
      maxLines: (max: number, no: string) =>
        `This form takes up to ${max} lines. For more, use \`/opp quote ${no} line:"description;quantity;price"\`.`,
    },
    edit: {
      title: (no: string) => `Edit ${no}`,
      submit: 'Save',
      context: (no: string, status: string) => `*${no}* — ${status}. Stage and figures change with Update.`,
      description: 'Description',
      contact: 'Contact',
      contactPlaceholder: 'Type a name or number',
      contactStartedHint: 'Once started, the contact can only change within the same company.',
      salesperson: 'Salesperson',
      salespersonHint: 'Giving it to someone else tells them by direct message.',
      priority: 'Priority',
      closedHint: 'It is closed: only the description can still change.',
    },
    note: {
      title: 'Add note',
      submit: 'Save',
      context: (no: string, description: string) =>
        `Logs an interaction on *${no}* ${description}, dated today. It shows in the card's history and counts in \`/opp stats ${no}\`.`,
      text: 'Note',
      placeholder: 'e.g. Called Pat: they want a second quote by Friday',
    },
    salesCycle: {
      title: 'Sales cycle',
      submit: 'Save',
      code: 'Code',
      codeHint: 'Up to 10 letters or digits, e.g. FIRM.',
      description: 'Description',
      calculation: 'Probability calculation',
      blocked: 'Blocked',
      blockedOption: 'Blocked: new opportunities can’t use it',
      editTitle: 'Edit sales cycle',
      editAbout: (code: string) =>
        `Sales cycle *${code}* (its code stays; \`/opp cycle block\` blocks it). Opportunities keep the probability their entries were made with; a new calculation applies from their next change.`,
    },
    stage: {
      title: 'Sales cycle stage',
      submit: 'Save',
      cycle: 'Sales cycle',
      stageNo: 'Stage number',
      stageNoHint: 'Stages are ordered by number; gaps are fine (10, 20, 30).',
      description: 'Description',
      completed: 'Completed %',
      chances: 'Chances of success %',
      flags: 'Options',
      quoteRequired: 'Quote required to enter',
      allowSkip: 'Can be skipped',
      dateFormula: 'Date formula',
      dateFormulaHint: 'Proposes the closing date, e.g. 10D, 2W, 1M or CM (end of month).',
      activityCode: 'Activity code',
      noCycles: 'Add a sales cycle first with `/opp cycle add`.',
      editTitle: 'Edit stage',
      editAbout: (cycle: string, stage: number) =>
        `Stage *${stage}* of sales cycle *${cycle}*. Entries already made keep their figures and description; the changes apply from the next move into, or update at, this stage.`,
    },
    closeCode: {
      title: 'Close code',
      submit: 'Save',
      code: 'Code',
      type: 'Used when an opportunity is',
      description: 'Description',
      editTitle: 'Edit close code',
      editAbout: (code: string, type: string) =>
        `Close code *${code}* (${type}): its code and type stay, as opportunities were closed with them.`,
    },
    contact: {
      title: 'New contact',
      submit: 'Save',
      name: 'Name',
      type: 'Type',
      company: 'Company',
      companyHint: 'For a person: the company they work for.',
      companyPlaceholder: 'Type a company name',
      email: 'Email',
      customer: 'Customer',
      customerOption: 'Also create the customer',
      editTitle: 'Edit contact',
      editAbout: (no: string, type: string) => `Contact *${no}* (${type}).`,
      editCompanyHint:
        'A person who moves leaves their opportunities, tasks, quotes and orders of the old company with that company, as Business Central does.',
      leaveCompany: 'Leaving the company',
      leaveCompanyOption: 'No longer works for a company',
      customerLinked: (no: string) => `Linked to customer ${no}.`,
      unlinkCustomerOption: 'Remove the customer link (only when no quote or order uses the customer)',
    },
  },

  errors: {
    required: 'Fill in this field.',
    pickOne: 'Pick one of the options.',
    pickDate: 'Pick a date.',
    pickContact: 'Pick a contact.',
    pickUser: 'Pick a person.',
    pickOutcome: 'Choose either Won or Lost.',
    pickCloseCode: 'Pick a close code.',
    tooLong: (max: number) => `Use at most ${max} characters.`,
    amount: 'Enter an amount like 12,000.50',
    amountAmbiguous: 'Write 12000 or 12,000 — a dot followed by three digits is ambiguous.',
    amountDecimals: 'Use at most 2 decimals.',
    amountRange: 'Enter an amount between 0 and 999,999,999,999.99',
    otherCurrency: (text: string, currency: string) =>
      `${text} is written in another currency, and this workspace's amounts are in ${currency}: write it in ${currency}, or without a currency sign.`,
    mustBePositive: 'Enter an amount greater than 0.',
    percent: 'Enter a percentage between 0 and 100, like 40 or 12.5',
    percentPositive: 'Enter a percentage greater than 0.',
    percentWhole: 'Use a whole number between 0 and 100.',
    quantity: 'Enter a quantity greater than 0, like 2 or 1.5',
    closeBeforeChange: "The closing date can't be earlier than the date of change.",
    code: 'Use 1 to 10 letters or digits, without spaces.',
    stageNo: 'Enter a whole stage number of 1 or more.',
    dateFormula: 'Use terms like 10D, 2W, 1M, 1Q, 1Y or CM, joined with + or -, e.g. 1M+CM.',
    email: 'Enter an email address like name@example.com',
    noLines: 'Fill in at least one line.',
    companyOnlyForPerson: 'Only a person can belong to a company; leave this empty for a company.',
    customerNeedsCompany: 'A customer is created from a company: pick the company, or untick "create the customer".',
  },

  find: {
    title: (text: string) => `Opportunities matching “${text}”`,
    severalTitle: (text: string) => `“${text}” matches several opportunities: pick one`,
    fallback: (text: string, total: number) => `${opportunities(total)} matching “${text}”`,
    count: (from: number, to: number, total: number) =>
      from === 1 && to === total
        ? `${opportunities(total)}, best matches first`
        : m('{from}–{to} of {total, plural, one {# opportunity} other {# opportunities}}, best matches first', {
            from: String(from),
            to: String(to),
            total,
          }),
    empty: (text: string) =>
      `No opportunity you can see matches “${text}”. Try fewer or other words, or \`/opp list all\`.`,
    moreHint: 'More shows the next ones.',
    expired: 'That search has expired: run `/opp find` again.',
  },

  purge: {
    fallback: (n: number) => m('Delete {n, plural, one {# closed opportunity} other {# closed opportunities}}?', { n }),
    title: (n: number) =>
      m(
        '*{n, plural, one {This closed opportunity} other {These # closed opportunities}} would be deleted*, with their history:',
        { n },
      ),
    line: (no: string, description: string, status: string, closed: string | null) =>
      `• *${no}* ${description} · ${status}${closed ? ` · closed ${closed}` : ''}`,
    more: (n: number) => `…and ${n} more.`,
    filter: (parts: string[]) =>
      parts.length === 0 ? 'Filter: all closed opportunities.' : `Filter: ${parts.join(' · ')}.`,
    filterParts: {
      status: (s: string) => `status ${s}`,
      closedBefore: (d: string) => `closed before ${d}`,
      closedAfter: (d: string) => `closed after ${d}`,
      owner: (code: string) => `salesperson ${code}`,
      contact: (no: string) => `contact ${no}`,
      cycle: (code: string) => `cycle ${code}`,
      both: 'won or lost',
    },
    nothing: 'No closed opportunity matches that filter, so nothing would be deleted.',
    warning: 'Tasks stay. This cannot be undone.',
  },

  workspaceDelete: {
    fallback: "Delete all of this workspace's pipeline data?",
    text: (opportunities: number, contacts: number) =>
      `*Delete all of this workspace's pipeline data?* ${m('{n, plural, one {# opportunity} other {# opportunities}}', { n: opportunities })} with their history, quotes, orders and tasks, ${m('{n, plural, one {# contact} other {# contacts}}', { n: contacts })} and customers, sales cycles, close codes, activities, digest subscriptions, roles and settings.`,
    warning: 'This cannot be undone. The app stays installed; other workspaces are not touched.',
  },

  setup: {
    /** The Edit button of each row of an admin's `cycle list`, `code list` and `contact list`. */
    edit: 'Edit',
    cycles: {
      title: 'Sales cycles',
      moreCommand: '/opp cycle list',
      empty: 'No sales cycles yet. Add one with `/opp cycle add FIRM Firm sales`.',
      line: (code: string, description: string, calc: string, stages: number, blocked: boolean) =>
        `*${code}* ${description} · ${m('{stages, plural, one {# stage} other {# stages}}', { stages })} · ${calc}${blocked ? ' · :no_entry: blocked' : ''}`,
    },
    stages: {
      /** The Edit button of each stage under an admin's `stage list`. */
      edit: (stage: number) => `Edit stage ${stage}`,
      title: (cycle: string) => `Stages of ${cycle}`,
      empty: (code: string) =>
        `Sales cycle ${code} has no stages yet. Add one with \`/opp stage add ${code} 1 Qualification completed:10 chance:20\`.`,
      moreCommand: (code: string) => `/opp stage list ${code}`,
      columns: ['Stage', 'Description', 'Compl.', 'Chances', 'Quote', 'Skip', 'Formula'],
      calculation: (calc: string) => `Probability: ${calc}`,
    },
    closeCodes: {
      title: 'Close codes',
      moreCommand: '/opp code list',
      empty: 'No close codes yet. Add one with `/opp code add WIN won Best price`.',
      line: (code: string, type: string, description: string, uses: number) =>
        `*${code}* (${type}) ${description} · ${m('{uses, plural, =0 {unused} one {used # time} other {used # times}}', { uses })}`,
    },
    contacts: {
      title: 'Contacts',
      empty: 'No contacts found. Add one with `/opp contact add "Acme Corp" company`.',
      line: (no: string, name: string, type: string, company: string | null, customerNo: string | null) =>
        [`*${no}* ${name}`, type, company, customerNo ? `customer ${customerNo}` : null]
          .filter((p): p is string => p !== null)
          .join(' · '),
      moreCommand: '/opp contact list &lt;search text&gt;',
    },
  },

  replies: {
    error: (sentence: string) => `:warning: ${sentence}`,
    success: (sentence: string) => `:white_check_mark: ${sentence}`,
    notice: (sentence: string) => `:information_source: ${sentence}`,
  },
} as const;

export const ui = trusted(english);

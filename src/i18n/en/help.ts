// The help of `/opp` (`/opp help`, `/opp help <topic>`): what each topic says, its examples and the
// overview. Plain text: the help is escaped as a whole where it is shown (src/slack/grammar/help.ts),
// because its usage lines hold placeholders like `<stage no>`. The grammar keeps what is syntax (which
// subcommands a topic covers, their usage lines); every word here is language. Each example must parse.
// Examples that refer to what a workspace already has write `{cycle}`, `{stage}` (one of its stages),
// `{won}` and `{lost}` (close codes): help shows the reader's workspace's own codes there, or a placeholder
// when it has none. Codes an example creates (`cycle add FIRM`) are made up. Keep the tokens as they are.
// Part of the one catalogue.

const english = {
  overview: {
    title: '*`/opp` commands* — `OP00012` is an opportunity number; `@ann` and `#sales` are mentions.',
    /** Sections of example commands; one line each, several commands on a line joined with " · ". */
    sections: [
      {
        title: '*Setup* (also as `/opp setup …`)',
        lines: [
          ['cycle add FIRM Firm opportunities calc:multiply'],
          ['stage add {cycle} 1 Initial contact completed:10 chance:20 formula:1W'],
          ['code add PRICE won Best price'],
          ['contact add "Acme Corp" company customer:yes'],
          ['customer add Acme Corp'],
          ['activity add PRES Presentation step:"Book meeting;0D"'],
          ['role @ann manager'],
          [
            { example: 'cycle list', note: '(admins: an Edit button on each row)' },
            'stage list {cycle}',
            'code list',
            'contact list acme',
          ],
          ['activity list', 'roles'],
          [
            { example: 'stage edit {cycle} {stage}', note: '(the form, pre-filled)' },
            'stage edit {cycle} {stage} chance:35',
          ],
          [
            'cycle edit {cycle} calc:add',
            'code edit {won} description:"Best price"',
            'contact edit Ann Lee company:none',
          ],
          ['setting reps-see-own:yes', 'setting reps-add-contacts:no'],
          [{ example: 'workspace delete', note: '(asks for confirmation)' }],
        ],
      },
      {
        title: '*Opportunities*',
        lines: [
          [{ example: 'new', note: '(opens the form)' }],
          ['new Website redesign contact:"Acme Corp" value:12,000 chance:40 close:end of next month'],
          ['list all status:won'],
          ['show OP00012', 'show Website redesign', 'find acme renewal'],
          ['edit OP00012 owner:@ann priority:high', { example: 'edit OP00012', note: '(opens the form)' }],
          ['note OP00012 Called Pat: wants a second quote by Friday'],
          ['next OP00012 chance:60 close:in 30 days'],
          ['previous OP00012', 'move OP00012', 'order OP00012', 'delete OP00012'],
          ['skip OP00012 to:4', 'jump OP00012 to:2'],
          ['update OP00012 value:14 500 close:next friday'],
          ['close OP00012 won code:{won} amount:11,500'],
          ['quote OP00012 line:"Licences;10;1200;5"', 'quote OP00012'],
          ['tasks', 'tasks @ann'],
          ['purge status:lost closed-before:2025-01-01'],
        ],
      },
      {
        title: '*Pipeline*',
        lines: [
          ['digest cycle:{cycle}'],
          ['stats OP00012', 'stats cycle:{cycle}'],
          ['export all status:all'],
          ['subscribe #sales weekly at:09:00 day:monday tz:Europe/Berlin'],
          ['unsubscribe #sales', 'subscriptions'],
          ['alert #deals won lost value:>50k', 'alerts', 'alert remove 3'],
          ['language fr', 'language #sales it'],
          ['notify', 'notify mute OP00012'],
        ],
      },
    ],
    details:
      'Details: `/opp help <command>`, e.g. `/opp help close`; also `/opp help dates`, `/opp help amounts`, `/opp help keys`.',
  },
  /** A topic's first line: its title (a guide's own, or the command) and what it is about. */
  heading: (title: string, summary: string) => `*${title}*: ${summary}`,
  examplesTitle: 'Examples:',
  /**
   * The placeholders of the usage lines (`<stage no>`, `[search text]`), by their English name: shown in
   * help and in the sentence for a missing argument. Codes in capitals (`<CODE>`) stay as they are.
   */
  placeholders: {
    no: 'no',
    description: 'description',
    pct: 'pct',
    date: 'date',
    contact: 'contact',
    'stage no': 'stage no',
    amount: 'amount',
    'date of change': 'date of change',
    code: 'code',
    weekday: 'weekday',
    'unit price': 'unit price',
    'sales amount': 'sales amount',
    quantity: 'quantity',
    name: 'name',
    'discount %': 'discount %',
    days: 'days',
    'date formula': 'date formula',
    'company name or no.': 'company name or no.',
    'closing date': 'closing date',
    address: 'address',
    'IANA zone': 'IANA zone',
    'search text': 'search text',
    text: 'text',
    words: 'words',
    'won code': 'won code',
  },
  /**
   * One entry per help topic (the grammar's HELP_TOPICS): what it is about, `/opp …` examples (without
   * the `/opp `; `@ann` stands for a user mention, `#sales` for a channel), notes, and a title for the
   * topics that are guides rather than commands.
   */
  topics: {
    setup: {
      title: 'Setup',
      summary:
        'Set up sales cycles, stages, close codes, contacts, activities and roles. Every setup command also works as `/opp setup …`.',
      examples: [
        'cycle add FIRM Firm opportunities calc:multiply',
        'setup stage add {cycle} 1 Initial contact completed:10 chance:20',
      ],
    },
    cycle: {
      summary: 'Sales cycles group the stages an opportunity goes through.',
      examples: [
        'cycle add FIRM Firm opportunities calc:multiply',
        'cycle add EXIST Existing customers blocked:no',
        'cycle edit {cycle}',
        'cycle edit {cycle} description:"Firm orders" calc:add',
        'cycle block EXIST',
        'cycle delete TEST',
      ],
      notes: [
        '`calc:` is how the chance is computed: `multiply`, `add`, `chances` (chance %) or `completed` (completed %).',
        'A blocked cycle takes no new opportunities; the ones using it go on. A cycle is deleted only once no opportunity uses it: block it instead.',
        '`cycle edit` (admins) changes the description and the calculation in place (without keys: the form, pre-filled); entries already made keep their probability, the new calculation applies from each opportunity’s next change.',
      ],
    },
    stage: {
      summary: 'Stages of a sales cycle, in order.',
      examples: [
        'stage add {cycle} 1 Initial contact completed:10 chance:20 formula:1W',
        'stage add {cycle} 2 Presentation completed:40% chance:40 quote:yes activity:PRES',
        'stage edit {cycle} {stage}',
        'stage edit {cycle} {stage} chance:35 formula:2W skip:no activity:none',
        'stage delete {cycle} 2',
      ],
      notes: [
        'A stage is deleted only while no open opportunity is at it.',
        '`stage edit` (admins) changes a stage in place: description, completed %, chances, `quote:`, `skip:`, `formula:` and `activity:` (`none` clears the last two); without keys it opens the form, pre-filled. As in Business Central, entries already made keep their figures; the new values apply from the next move into, or update at, the stage.',
      ],
    },
    code: {
      summary: 'Close codes say why an opportunity was won or lost.',
      examples: [
        'code add PRICE won Best price',
        'code add COMP lost Lost to a competitor',
        'code edit {lost} description:"Lost to a rival"',
        'code delete COMP',
      ],
      notes: [
        'A close code is deleted only if no opportunity was closed with it.',
        '`code edit` (admins) changes its description (without keys: the form); its code and type stay.',
      ],
    },
    contact: {
      summary: 'Contacts are companies or persons; a person can belong to a company.',
      examples: [
        'contact add "Acme Corp" company customer:yes',
        'contact add Ann Lee person company:"Acme Corp" email:ann@acme.com',
        'contact edit Ann Lee',
        'contact edit Ann Lee name:"Ann Lee-Smith" company:"Contoso"',
        'contact edit Acme Corp customer:yes',
      ],
      notes: [
        'Everyone adds contacts unless an admin keeps that to admins (`/opp setting reps-add-contacts:no`); making a customer is an admin’s.',
        '`contact edit` (admins) changes the name, a person’s company (`company:none` to leave it) and the customer link (`customer:yes` makes one, `customer:no` removes one no quote or order uses); without keys it opens the form. A person who leaves a company leaves their opportunities there with that company, which becomes their contact, as in Business Central.',
      ],
    },
    customer: {
      summary: 'Makes a customer from a company contact.',
      examples: ['customer add Acme Corp', 'setup customer add CT000012'],
    },
    activity: {
      summary: 'Activities are sets of follow-up steps a stage can create; each step has a date formula.',
      examples: ['activity add PRES Presentation step:"Book meeting;0D" step:"Send follow-up;1W"', 'activity list'],
    },
    role: {
      summary: 'Gives a person a role in this workspace (admins only).',
      examples: ['role @ann manager', 'role @ann rep'],
      notes: [
        '*admin*: setup (cycles, stages, codes, contacts, activities), purge, roles, settings, workspace delete.',
        '*manager*: every opportunity of the workspace, digests and subscriptions.',
        '*rep* (everyone without a role): creates opportunities and changes the ones where they are the salesperson.',
        'The first person to use `/opp` in a workspace without an admin becomes its admin. A workspace always keeps one admin.',
      ],
    },
    roles: {
      summary: 'Lists the admins and managers; everyone else is a rep.',
      examples: ['roles', 'setup roles'],
    },
    setting: {
      summary: 'Shows the workspace’s settings, or changes them (admins only).',
      examples: [
        'setting',
        'setting reps-see-own:yes',
        'setting reps-add-contacts:no',
        'setting currency:EUR default-cycle:{cycle} stale-days:21',
      ],
      notes: [
        '`reps-see-own:yes`: reps see only the opportunities where they are the salesperson; managers and admins still see all.',
        '`reps-add-contacts:no`: only admins add contacts (`yes`, the default: everyone does, so a new prospect does not wait for an admin).',
        '`currency:` is the three-letter code amounts are shown in (USD at first).',
        '`default-cycle:` is the sales cycle new opportunities get when none is chosen (`none` to have people choose).',
        '`stale-days:` is how long without a change before digests list an open opportunity as stale (14 at first).',
        '`language:` is the language of posts in channels that chose none (`en` at first; see `/opp help language`).',
      ],
    },
    language: {
      summary:
        'Chooses the language I answer you in, or (managers and admins) the language of a channel’s digests and announcements.',
      examples: ['language', 'language fr', 'language nb', 'language auto', 'language #sales it'],
      notes: [
        'Languages: `en` English, `fr` French, `it` Italian, `nb` Norwegian (Bokmål), `zh` Chinese (Simplified). `auto` follows your Slack language again.',
        'Commands stay as they are in every language; the dates and amounts you type are read in your language.',
        'A channel without a language of its own gets the workspace’s (`/opp setting language:fr`), else English.',
      ],
    },
    workspace: {
      summary: 'Deletes all of this workspace’s data (asks for confirmation first).',
      examples: ['workspace delete', 'setup workspace delete'],
    },
    new: {
      summary: 'Creates an opportunity. Without anything after `new` it opens the Create Opportunity form.',
      examples: [
        'new Website redesign contact:"Acme Corp" value:12,000 chance:40 close:end of next month',
        'new CRM licences contact:Acme value:25000 chance:25% close:Dec 15 cycle:{cycle} owner:@ann priority:high',
      ],
    },
    list: {
      summary:
        'Lists opportunities: yours by default, open ones by default. A company (`contact:`) includes its persons; a long list has a More button, and its totals are per status.',
      examples: ['list all status:won', 'list @ann contact:Acme cycle:{cycle}', 'list Fleet renewal'],
      notes: [
        'A name in place of `mine`, `all` or `@user` works as in `show`: `list Fleet renewal` shows the one opportunity whose description, contact or company has every word, lists the candidates when several do, and points to `/opp find` when none does. A name goes without filters; a number (`list OP00012`) shows that opportunity.',
      ],
    },
    show: {
      summary:
        'Shows one opportunity: by its number, or by words of its description, contact or company (when they name several, you pick one).',
      subcommands: ['show'],
      examples: ['show OP00012', 'show op00012', 'show Website redesign'],
    },
    edit: {
      summary:
        'Changes the description, contact, salesperson or priority of an opportunity. Without keys it opens the Edit form, filled in with the current values.',
      examples: [
        'edit OP00012',
        'edit OP00012 owner:@ann priority:high',
        'edit OP00012 description:"Website redesign, phase 2" contact:"Pat Person"',
      ],
      notes: [
        'Once an opportunity has started, its contact can only change within the same company. A closed one keeps all but its description.',
        'Reps edit their own opportunities and cannot give them to someone else; managers can (`owner:`), and the new salesperson is told by direct message.',
        'Every edit shows in the card’s history: who, when, and what changed from what to what.',
      ],
    },
    note: {
      summary:
        'Logs an interaction on an opportunity (a call, a meeting, what was agreed), dated today. Without text it opens the Add note form.',
      examples: ['note OP00012 Called Pat: wants a second quote by Friday', 'note OP00012'],
      notes: ['Notes show in the card’s history and count as interactions in `/opp stats OP00012`.'],
    },
    find: {
      summary:
        'Finds opportunities by words of their description, contact or company, whatever the case or accents; the best matches come first, with a More button for the next ones.',
      examples: ['find acme', 'find website redesign', 'find muller'],
      notes: ['You find the opportunities you may see (only your own when reps see only their own).'],
    },
    next: {
      summary: 'Moves an opportunity to its next stage, optionally changing value, chance or close date.',
      examples: ['next OP00012', 'next OP00012 chance:60 close:in 30 days'],
    },
    previous: {
      summary: 'Moves an opportunity back to its previous stage.',
      examples: ['previous OP00012', 'previous OP00012 date:yesterday'],
    },
    skip: {
      summary: 'Skips forward to a later stage (the stages in between must allow skipping).',
      examples: ['skip OP00012 to:4', 'skip OP00012 to:4 value:15000'],
    },
    jump: {
      summary: 'Jumps to any stage, forward or back.',
      examples: ['jump OP00012 to:2', 'jump OP00012 to:5 close:end of quarter'],
    },
    update: {
      summary: 'Changes value, chance or close date without changing the stage.',
      examples: ['update OP00012 value:14 500', 'update OP00012 chance:70 close:next friday'],
    },
    move: {
      summary: 'Opens the Update Opportunity form.',
      examples: ['move OP00012', 'move op00012'],
    },
    close: {
      summary: 'Closes an opportunity as won or lost. With only the number it opens the Close Opportunity form.',
      examples: ['close OP00012 won code:{won} amount:11,500 date:today', 'close OP00012 lost code:{lost}'],
    },
    quote: {
      summary:
        'Creates a sales quote for an opportunity. With only the number it shows the linked quote with its lines and total, or opens the Create Quote form when there is none.',
      examples: ['quote OP00012 line:"Licences;10;1200;5" line:"Onboarding;1;3000"', 'quote OP00012'],
      notes: [
        'Each `line:` is `description;quantity;unit price` and an optional `;discount %` (at most 100 lines).',
        'The shown quote has *Edit lines* (until the order is made) and *Replace quote* (while the opportunity is in progress: the old quote stays but loses its link, as in Business Central). The card has *View quote* too.',
      ],
    },
    tasks: {
      summary:
        'Lists your open tasks (those the activities of sales cycle stages create), earliest due first, with *Done* and *Postpone* buttons. Managers and admins may list another person’s.',
      examples: ['tasks', 'tasks @ann'],
      notes: [
        'Each task is also shown on its opportunity’s card and under *My tasks* in App Home. Postpone asks for a later date, typed as you say it (`next friday`, `in 3 days`).',
        'On its due date the owner gets a direct message at 9:00 in their own Slack time zone, once (a reminder missed for more than a week is not sent).',
      ],
    },
    order: {
      summary:
        'Makes the sales order from the linked quote. An open opportunity is closed as Won first: `code:` names the won close code, otherwise the Close Opportunity form opens, set to Won with the quote amount.',
      examples: ['order OP00012', 'order OP00012 code:{won}'],
    },
    delete: {
      summary: 'Deletes one opportunity.',
      examples: ['delete OP00012', 'delete op00012'],
    },
    purge: {
      summary: 'Deletes closed opportunities in bulk: shows what would be deleted, then asks for confirmation.',
      examples: [
        'purge status:lost closed-before:2025-01-01',
        'purge closed-after:2024-01-01 closed-before:end of last year owner:@ann',
      ],
    },
    digest: {
      summary: 'Posts the pipeline summary to this channel.',
      examples: ['digest', 'digest cycle:{cycle} owner:@ann'],
    },
    stats: {
      summary: 'Statistics for one opportunity or one sales cycle.',
      examples: ['stats OP00012', 'stats cycle:{cycle}'],
    },
    export: {
      summary:
        'Sends you a CSV of opportunities in a direct message; takes the same filters as `list`. Without `mine`, `all` or `@user`, managers and admins get the whole pipeline, reps their own. At most 100,000 opportunities, the first by number.',
      examples: ['export all status:all', 'export @ann cycle:{cycle}'],
    },
    subscribe: {
      summary: 'Posts the digest to a channel on a schedule. `day:` is for weekly digests only.',
      examples: [
        'subscribe #sales weekly at:09:00 day:monday tz:Europe/Berlin',
        'subscribe #sales daily cycle:{cycle}',
      ],
    },
    unsubscribe: {
      summary: 'Stops the digest in a channel.',
      examples: ['unsubscribe #sales', 'unsubscribe #deals'],
    },
    subscriptions: {
      summary: 'Lists the scheduled digests.',
      examples: ['subscriptions', 'help subscribe'],
    },
    notify: {
      summary:
        'Your notifications by direct message: changes others make to your opportunities (moves, updates, edits, closing, reassigning, deleting, notes), your tasks when due, your opportunities past their closing date or without a change for the workspace’s stale days. Each kind at once (`instant`), in one daily summary at the time you pick (`daily`) or `off`; quiet hours in your time zone hold messages until they end; `mute` silences one opportunity. Without keys: your settings. Also in App Home.',
      examples: [
        'notify',
        'notify changes:instant overdue:daily stale:off summary:8:30 quiet:22:00-07:00',
        'notify mute OP00012',
        'notify unmute OP00012',
      ],
    },
    alert: {
      summary:
        'Alerts a channel when opportunities are created, move stage, are won, lost or reassigned (managers and admins). Without a channel: this one; without kinds: `won` and `lost`. `value:` compares the estimated value (the amount, for a won or lost deal); `k` is thousands. Several changes of one opportunity within a minute are one message, updated.',
      examples: [
        'alert #deals won lost value:>50k',
        'alert #pipeline created stage cycle:{cycle} owner:@ann',
        'alert remove 3',
      ],
    },
    alerts: {
      summary: 'Lists the channel alerts with their numbers, kinds and filters.',
      examples: ['alerts', 'help alert'],
    },
    dates: {
      title: 'Dates',
      summary: 'Dates are read in your time zone.',
      examples: ['next OP00012 close:end of quarter', 'update OP00012 close:in 2 weeks'],
      notes: [
        'Relative: `today`, `tomorrow`, `friday`, `next friday`, `in 30 days`, `in 2 weeks`, `next month`.',
        'Period ends: `end of month`, `end of next month`, `end of quarter`, `end of year` (also `start of …`, `eom`, `eoq`).',
        'Fixed: `2026-12-15`, `Dec 15`, `15 Dec 2026`, and `15/12/2026` or `12/15/2026` in your date order.',
        '`close:` looks forward (`friday` is the coming one); `date:` and `closed-before:` look back (`friday` is the last one).',
      ],
    },
    amounts: {
      title: 'Amounts',
      summary: 'Amounts and percentages.',
      examples: ['update OP00012 value:12,000.50', 'update OP00012 chance:12.5%'],
      notes: [
        'Amounts: `12000`, `12,000`, `12000.50`, `12 000`, `12 000,50`, `$12,000`, `12k`; at most 2 decimals.',
        '`12.000` is refused as ambiguous: write `12000` or `12.00`.',
        'Percentages: `40` or `40%`, from 0 to 100, at most 2 decimals.',
      ],
    },
    keys: {
      title: 'Keys and values',
      summary: 'How `key:value` pairs work.',
      examples: [
        'new Renewal contact:"Acme Corp" value:5000 chance:50 close:end of next month',
        'new "Q3: renewal close: soon" contact:Acme value:1 chance:5 close:today',
      ],
      notes: [
        'A value runs until the next key, so `close:end of next month` needs no quotes. Keys are case-insensitive.',
        'Quotes ("…" or \'…\') keep spaces and colons literal. Quote a description that contains a key word followed by a colon.',
        'A word glued to a colon that is not a key of the command (`colour:red`) is reported as an unknown key.',
      ],
    },
  },
} as const;

export const help = english;

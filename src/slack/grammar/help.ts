// `/opp help` and `/opp help <topic>` (Slack mrkdwn). Each section stays under 3,000 characters, the
// limit of one section block's text. Usage lines come from the command table the parser uses.
import { escapeText, type Markup } from '../../i18n/markup.ts';
import type { HelpTopic, SubcommandId } from './usage.ts';
import { HELP_TOPICS, SUBCOMMANDS } from './usage.ts';

export const MAX_HELP_SECTION = 3000;

interface TopicHelp {
  readonly summary: string;
  readonly subcommands: readonly SubcommandId[];
  /** `/opp …` examples (without the `/opp `). `@ann` stands for a user mention, `#sales` for a channel. */
  readonly examples: readonly string[];
  readonly notes?: readonly string[];
}

const TOPICS: Record<HelpTopic, TopicHelp> = {
  setup: {
    summary:
      'Set up sales cycles, stages, close codes, contacts, activities and roles. Every setup command also works as `/opp setup …`.',
    subcommands: [
      'cycle add',
      'stage add',
      'code add',
      'contact add',
      'customer add',
      'activity add',
      'role',
      'setting',
    ],
    examples: [
      'cycle add FIRM Firm opportunities calc:multiply',
      'setup stage add FIRM 1 Initial contact completed:10 chance:20',
    ],
  },
  cycle: {
    summary: 'Sales cycles group the stages an opportunity goes through.',
    subcommands: ['cycle add', 'cycle list', 'cycle block', 'cycle unblock', 'cycle delete'],
    examples: [
      'cycle add FIRM Firm opportunities calc:multiply',
      'cycle add EXIST Existing customers blocked:no',
      'cycle block EXIST',
      'cycle delete TEST',
    ],
    notes: [
      '`calc:` is how the chance is computed: `multiply`, `add`, `chances` (chance %) or `completed` (completed %).',
      'A blocked cycle takes no new opportunities; the ones using it go on. A cycle is deleted only once no opportunity uses it: block it instead.',
    ],
  },
  stage: {
    summary: 'Stages of a sales cycle, in order.',
    subcommands: ['stage add', 'stage list', 'stage delete'],
    examples: [
      'stage add FIRM 1 Initial contact completed:10 chance:20 formula:1W',
      'stage add FIRM 2 Presentation completed:40% chance:40 quote:yes activity:PRES',
      'stage delete FIRM 2',
    ],
    notes: ['A stage is deleted only while no open opportunity is at it.'],
  },
  code: {
    summary: 'Close codes say why an opportunity was won or lost.',
    subcommands: ['code add', 'code list', 'code delete'],
    examples: ['code add PRICE won Best price', 'code add COMP lost Lost to a competitor', 'code delete COMP'],
    notes: ['A close code is deleted only if no opportunity was closed with it.'],
  },
  contact: {
    summary: 'Contacts are companies or persons; a person can belong to a company.',
    subcommands: ['contact add', 'contact list'],
    examples: [
      'contact add "Acme Corp" company customer:yes',
      'contact add Ann Lee person company:"Acme Corp" email:ann@acme.com',
    ],
  },
  customer: {
    summary: 'Makes a customer from a company contact.',
    subcommands: ['customer add'],
    examples: ['customer add Acme Corp', 'setup customer add CT000012'],
  },
  activity: {
    summary: 'Activities are sets of follow-up steps a stage can create; each step has a date formula.',
    subcommands: ['activity add', 'activity list'],
    examples: ['activity add PRES Presentation step:"Book meeting;0D" step:"Send follow-up;1W"', 'activity list'],
  },
  role: {
    summary: 'Gives a person a role in this workspace (admins only).',
    subcommands: ['role'],
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
    subcommands: ['roles'],
    examples: ['roles', 'setup roles'],
  },
  setting: {
    summary: 'Shows the workspace’s settings, or changes them (admins only).',
    subcommands: ['setting'],
    examples: ['setting', 'setting reps-see-own:yes', 'setting currency:EUR default-cycle:FIRM stale-days:21'],
    notes: [
      '`reps-see-own:yes`: reps see only the opportunities where they are the salesperson; managers and admins still see all.',
      '`currency:` is the three-letter code amounts are shown in (USD at first).',
      '`default-cycle:` is the sales cycle new opportunities get when none is chosen (`none` to have people choose).',
      '`stale-days:` is how long without a change before digests list an open opportunity as stale (14 at first).',
    ],
  },
  workspace: {
    summary: 'Deletes all of this workspace’s data (asks for confirmation first).',
    subcommands: ['workspace delete'],
    examples: ['workspace delete', 'setup workspace delete'],
  },
  new: {
    summary: 'Creates an opportunity. Without anything after `new` it opens the Create Opportunity form.',
    subcommands: ['new'],
    examples: [
      'new Website redesign contact:"Acme Corp" value:12,000 chance:40 close:end of next month',
      'new CRM licences contact:Acme value:25000 chance:25% close:Dec 15 cycle:FIRM owner:@ann priority:high',
    ],
  },
  list: {
    summary: 'Lists opportunities: yours by default, open ones by default.',
    subcommands: ['list'],
    examples: ['list all status:won', 'list @ann contact:Acme cycle:FIRM'],
  },
  show: { summary: 'Shows one opportunity.', subcommands: ['show'], examples: ['show OP00012', 'show op00012'] },
  next: {
    summary: 'Moves an opportunity to its next stage, optionally changing value, chance or close date.',
    subcommands: ['next'],
    examples: ['next OP00012', 'next OP00012 chance:60 close:in 30 days'],
  },
  previous: {
    summary: 'Moves an opportunity back to its previous stage.',
    subcommands: ['previous'],
    examples: ['previous OP00012', 'previous OP00012 date:yesterday'],
  },
  skip: {
    summary: 'Skips forward to a later stage (the stages in between must allow skipping).',
    subcommands: ['skip'],
    examples: ['skip OP00012 to:4', 'skip OP00012 to:4 value:15000'],
  },
  jump: {
    summary: 'Jumps to any stage, forward or back.',
    subcommands: ['jump'],
    examples: ['jump OP00012 to:2', 'jump OP00012 to:5 close:end of quarter'],
  },
  update: {
    summary: 'Changes value, chance or close date without changing the stage.',
    subcommands: ['update'],
    examples: ['update OP00012 value:14 500', 'update OP00012 chance:70 close:next friday'],
  },
  move: {
    summary: 'Opens the Update Opportunity form.',
    subcommands: ['move'],
    examples: ['move OP00012', 'move op00012'],
  },
  close: {
    summary: 'Closes an opportunity as won or lost. With only the number it opens the Close Opportunity form.',
    subcommands: ['close'],
    examples: ['close OP00012 won code:PRICE amount:11,500 date:today', 'close OP00012 lost code:COMP'],
  },
  quote: {
    summary: 'Creates a sales quote for an opportunity. With only the number it opens the Create Quote form.',
    subcommands: ['quote'],
    examples: ['quote OP00012 line:"Licences;10;1200;5" line:"Onboarding;1;3000"', 'quote OP00012'],
    notes: ['Each `line:` is `description;quantity;unit price` and an optional `;discount %` (at most 100 lines).'],
  },
  order: {
    summary: 'Makes the sales order from the linked quote.',
    subcommands: ['order'],
    examples: ['order OP00012', 'order op00012'],
  },
  delete: {
    summary: 'Deletes one opportunity.',
    subcommands: ['delete'],
    examples: ['delete OP00012', 'delete op00012'],
  },
  purge: {
    summary: 'Deletes closed opportunities in bulk: shows what would be deleted, then asks for confirmation.',
    subcommands: ['purge'],
    examples: [
      'purge status:lost closed-before:2025-01-01',
      'purge closed-after:2024-01-01 closed-before:end of last year owner:@ann',
    ],
  },
  digest: {
    summary: 'Posts the pipeline summary to this channel.',
    subcommands: ['digest'],
    examples: ['digest', 'digest cycle:FIRM owner:@ann'],
  },
  stats: {
    summary: 'Statistics for one opportunity or one sales cycle.',
    subcommands: ['stats'],
    examples: ['stats OP00012', 'stats cycle:FIRM'],
  },
  export: {
    summary: 'Uploads a CSV of opportunities to this channel; takes the same filters as `list`.',
    subcommands: ['export'],
    examples: ['export all status:all', 'export @ann cycle:FIRM'],
  },
  subscribe: {
    summary: 'Posts the digest to a channel on a schedule. `day:` is for weekly digests only.',
    subcommands: ['subscribe'],
    examples: ['subscribe #sales weekly at:09:00 day:monday tz:Europe/Berlin', 'subscribe #sales daily cycle:FIRM'],
  },
  unsubscribe: {
    summary: 'Stops the digest in a channel.',
    subcommands: ['unsubscribe'],
    examples: ['unsubscribe #sales', 'unsubscribe #deals'],
  },
  subscriptions: {
    summary: 'Lists the scheduled digests.',
    subcommands: ['subscriptions'],
    examples: ['subscriptions', 'help subscribe'],
  },
  dates: {
    summary: 'Dates are read in your time zone.',
    subcommands: [],
    examples: ['next OP00012 close:end of quarter', 'update OP00012 close:in 2 weeks'],
    notes: [
      'Relative: `today`, `tomorrow`, `friday`, `next friday`, `in 30 days`, `in 2 weeks`, `next month`.',
      'Period ends: `end of month`, `end of next month`, `end of quarter`, `end of year` (also `start of …`, `eom`, `eoq`).',
      'Fixed: `2026-12-15`, `Dec 15`, `15 Dec 2026`, and `15/12/2026` or `12/15/2026` in your date order.',
      '`close:` looks forward (`friday` is the coming one); `date:` and `closed-before:` look back (`friday` is the last one).',
    ],
  },
  amounts: {
    summary: 'Amounts and percentages.',
    subcommands: [],
    examples: ['update OP00012 value:12,000.50', 'update OP00012 chance:12.5%'],
    notes: [
      'Amounts: `12000`, `12,000`, `12000.50`, `12 000`, `12 000,50`, `$12,000`, `12k`; at most 2 decimals.',
      '`12.000` is refused as ambiguous: write `12000` or `12.00`.',
      'Percentages: `40` or `40%`, from 0 to 100, at most 2 decimals.',
    ],
  },
  keys: {
    summary: 'How `key:value` pairs work.',
    subcommands: [],
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
};

/** Topics that are guides rather than commands. */
const GUIDE_TITLES: Partial<Record<HelpTopic, string>> = {
  setup: 'Setup',
  dates: 'Dates',
  amounts: 'Amounts',
  keys: 'Keys and values',
};

const OVERVIEW: readonly (readonly [string, readonly string[]])[] = [
  [
    '*Setup* (also as `/opp setup …`)',
    [
      'cycle add FIRM Firm opportunities calc:multiply',
      'stage add FIRM 1 Initial contact completed:10 chance:20 formula:1W',
      'code add PRICE won Best price',
      'contact add "Acme Corp" company customer:yes',
      'customer add Acme Corp',
      'activity add PRES Presentation step:"Book meeting;0D"',
      'role @ann manager',
      'cycle list · stage list FIRM · code list · contact list acme · activity list · roles',
      'setting reps-see-own:yes',
      'workspace delete (asks for confirmation)',
    ],
  ],
  [
    '*Opportunities*',
    [
      'new (opens the form)',
      'new Website redesign contact:"Acme Corp" value:12,000 chance:40 close:end of next month',
      'list all status:won',
      'show OP00012',
      'next OP00012 chance:60 close:in 30 days',
      'previous OP00012 · move OP00012 · order OP00012 · delete OP00012',
      'skip OP00012 to:4 · jump OP00012 to:2',
      'update OP00012 value:14 500 close:next friday',
      'close OP00012 won code:PRICE amount:11,500',
      'quote OP00012 line:"Licences;10;1200;5"',
      'purge status:lost closed-before:2025-01-01',
    ],
  ],
  [
    '*Pipeline*',
    [
      'digest cycle:FIRM',
      'stats OP00012 · stats cycle:FIRM',
      'export all status:all',
      'subscribe #sales weekly at:09:00 day:monday tz:Europe/Berlin',
      'unsubscribe #sales · subscriptions',
    ],
  ],
];

function command(example: string): string {
  return example
    .split(' · ')
    .map((part) => {
      const note = / \((opens the form|asks for confirmation)\)$/.exec(part);
      return note ? `\`/opp ${part.slice(0, note.index)}\` (${note[1] ?? ''})` : `\`/opp ${part}\``;
    })
    .join(' · ');
}

/**
 * `/opp help` (no topic) or the help of one topic, as Slack mrkdwn (≤ 3,000 characters). Slack would
 * read the usage placeholders (`<stage no>`) as links, so the whole text is escaped.
 */
export function helpText(topic?: string): Markup {
  return escapeText(rawHelpText(topic));
}

function rawHelpText(topic?: string): string {
  const known = topic === undefined ? undefined : HELP_TOPICS.find((t) => t === topic.trim().toLowerCase());
  if (known === undefined) {
    const sections = OVERVIEW.map(([title, examples]) => [title, ...examples.map(command)].join('\n'));
    return [
      '*`/opp` commands* — `OP00012` is an opportunity number; `@ann` and `#sales` are mentions.',
      ...sections,
      'Details: `/opp help <command>`, e.g. `/opp help close`; also `/opp help dates`, `/opp help amounts`, `/opp help keys`.',
    ].join('\n\n');
  }
  const help = TOPICS[known];
  const usage = help.subcommands.map((id) => `/opp ${SUBCOMMANDS[id].usage}`);
  const title = GUIDE_TITLES[known] ?? `\`/opp ${known}\``;
  const parts = [`*${title}*: ${help.summary}`];
  if (usage.length > 0) parts.push(`\`\`\`${usage.join('\n')}\`\`\``);
  if (help.notes) parts.push(help.notes.map((note) => `• ${note}`).join('\n'));
  parts.push(`Examples:\n${help.examples.map((example) => `• \`/opp ${example}\``).join('\n')}`);
  return parts.join('\n');
}

/** Every example in the help, for tests: each must parse. */
export function helpExamples(): string[] {
  const fromTopics = Object.values(TOPICS).flatMap((topic) => topic.examples);
  const fromOverview = OVERVIEW.flatMap(([, examples]) => examples.flatMap((example) => example.split(' · '))).map(
    (example) => example.replace(/ \((opens the form|asks for confirmation)\)$/, ''),
  );
  return [...fromTopics, ...fromOverview];
}

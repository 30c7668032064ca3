// The command table: for each subcommand its keys, usage line and help topic. The parser and the help text
// both read it, so they cannot drift apart.

export interface SubcommandInfo {
  readonly usage: string;
  readonly keys: readonly string[];
  readonly repeatable?: readonly string[];
  readonly topic: HelpTopic;
}

export const HELP_TOPICS = [
  'setup',
  'cycle',
  'stage',
  'code',
  'contact',
  'customer',
  'activity',
  'role',
  'roles',
  'workspace',
  'setting',
  'language',
  'new',
  'list',
  'show',
  'edit',
  'note',
  'find',
  'next',
  'previous',
  'skip',
  'jump',
  'update',
  'move',
  'close',
  'quote',
  'order',
  'tasks',
  'delete',
  'purge',
  'digest',
  'stats',
  'export',
  'subscribe',
  'unsubscribe',
  'subscriptions',
  'notify',
  'alert',
  'alerts',
  'dates',
  'amounts',
  'keys',
] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

const STAGE_CHANGE_KEYS = ['value', 'chance', 'close', 'date'] as const;
const LIST_KEYS = ['contact', 'status', 'cycle'] as const;

export const SUBCOMMANDS = {
  'cycle add': {
    usage: 'cycle add <CODE> <description> [calc:multiply|add|chances|completed] [blocked:yes|no]',
    keys: ['calc', 'blocked'],
    topic: 'cycle',
  },
  'cycle list': { usage: 'cycle list', keys: [], topic: 'cycle' },
  'cycle edit': {
    usage: 'cycle edit <CODE> [description:<text>] [calc:multiply|add|chances|completed]',
    keys: ['description', 'calc'],
    topic: 'cycle',
  },
  'cycle block': { usage: 'cycle block <CODE>', keys: [], topic: 'cycle' },
  'cycle unblock': { usage: 'cycle unblock <CODE>', keys: [], topic: 'cycle' },
  'cycle delete': { usage: 'cycle delete <CODE>', keys: [], topic: 'cycle' },
  'stage add': {
    usage:
      'stage add <CYCLE> <stage no> <description> completed:<pct> chance:<pct> [skip:yes|no] [quote:yes|no] [formula:<2W|10D|1M|CM|…>] [activity:<code>]',
    keys: ['completed', 'chance', 'skip', 'quote', 'formula', 'activity'],
    topic: 'stage',
  },
  'stage list': { usage: 'stage list <CYCLE>', keys: [], topic: 'stage' },
  'stage edit': {
    usage:
      'stage edit <CYCLE> <stage no> [description:<text>] [completed:<pct>] [chance:<pct>] [skip:yes|no] [quote:yes|no] [formula:<2W|1M|CM|…>|none] [activity:<code>|none]',
    keys: ['description', 'completed', 'chance', 'skip', 'quote', 'formula', 'activity'],
    topic: 'stage',
  },
  'stage delete': { usage: 'stage delete <CYCLE> <stage no>', keys: [], topic: 'stage' },
  'code add': { usage: 'code add <CODE> won|lost <description>', keys: [], topic: 'code' },
  'code list': { usage: 'code list', keys: [], topic: 'code' },
  'code edit': { usage: 'code edit <CODE> [description:<text>]', keys: ['description'], topic: 'code' },
  'code delete': { usage: 'code delete <CODE>', keys: [], topic: 'code' },
  'contact add': {
    usage: 'contact add <name> company|person [company:<company name or no.>] [customer:yes] [email:<address>]',
    keys: ['company', 'customer', 'email'],
    topic: 'contact',
  },
  'contact list': { usage: 'contact list [search text]', keys: [], topic: 'contact' },
  'contact edit': {
    usage: 'contact edit <contact> [name:<name>] [company:<company name or no.>|none] [customer:yes|no]',
    keys: ['name', 'company', 'customer'],
    topic: 'contact',
  },
  'customer add': { usage: 'customer add <contact>', keys: [], topic: 'customer' },
  'activity add': {
    usage: 'activity add <CODE> <description> [step:"<description>;<date formula>"] [step:"…"]',
    keys: ['step'],
    repeatable: ['step'],
    topic: 'activity',
  },
  'activity list': { usage: 'activity list', keys: [], topic: 'activity' },
  role: { usage: 'role @user admin|manager|rep', keys: [], topic: 'role' },
  roles: { usage: 'roles', keys: [], topic: 'roles' },
  'workspace delete': { usage: 'workspace delete', keys: [], topic: 'workspace' },
  setting: {
    usage:
      'setting [reps-see-own:yes|no] [reps-add-contacts:yes|no] [currency:<code>] [default-cycle:<CODE>|none] [stale-days:<days>] [language:en|fr|it|nb|zh|auto]',
    keys: ['reps-see-own', 'reps-add-contacts', 'currency', 'default-cycle', 'stale-days', 'language'],
    topic: 'setting',
  },
  language: { usage: 'language [#channel] en|fr|it|nb|zh|auto', keys: [], topic: 'language' },
  new: {
    usage:
      'new <description> contact:<contact> value:<amount> chance:<pct> close:<date> [cycle:<CODE>] [owner:@user] [priority:low|normal|high]',
    keys: ['contact', 'value', 'chance', 'close', 'cycle', 'owner', 'priority'],
    topic: 'new',
  },
  list: {
    usage: 'list [mine|all|@user|<words>] [contact:<contact>] [status:open|won|lost|all] [cycle:<CODE>]',
    keys: LIST_KEYS,
    topic: 'list',
  },
  show: { usage: 'show <no>', keys: [], topic: 'show' },
  edit: {
    usage: 'edit <no> [description:<text>] [contact:<contact>] [owner:@user] [priority:low|normal|high]',
    keys: ['description', 'contact', 'owner', 'priority'],
    topic: 'edit',
  },
  note: { usage: 'note <no> <text>', keys: [], topic: 'note' },
  find: { usage: 'find <words>', keys: [], topic: 'find' },
  next: {
    usage: 'next <no> [value:<amount>] [chance:<pct>] [close:<date>] [date:<date of change>]',
    keys: STAGE_CHANGE_KEYS,
    topic: 'next',
  },
  previous: {
    usage: 'previous <no> [value:<amount>] [chance:<pct>] [close:<date>] [date:<date of change>]',
    keys: STAGE_CHANGE_KEYS,
    topic: 'previous',
  },
  skip: {
    usage: 'skip <no> to:<stage no> [value:] [chance:] [close:] [date:]',
    keys: ['to', ...STAGE_CHANGE_KEYS],
    topic: 'skip',
  },
  jump: {
    usage: 'jump <no> to:<stage no> [value:] [chance:] [close:] [date:]',
    keys: ['to', ...STAGE_CHANGE_KEYS],
    topic: 'jump',
  },
  update: {
    usage: 'update <no> [value:<amount>] [chance:<pct>] [close:<date>] [date:<date of change>]',
    keys: STAGE_CHANGE_KEYS,
    topic: 'update',
  },
  move: { usage: 'move <no>', keys: [], topic: 'move' },
  close: {
    usage: 'close <no> [won|lost code:<CODE> [date:<closing date>] [amount:<sales amount>]]',
    keys: ['code', 'date', 'amount'],
    topic: 'close',
  },
  quote: {
    usage: 'quote <no> [line:"<description>;<quantity>;<unit price>[;<discount %>]"] [line:"…"]',
    keys: ['line'],
    repeatable: ['line'],
    topic: 'quote',
  },
  order: { usage: 'order <no> [code:<won code>]', keys: ['code'], topic: 'order' },
  tasks: { usage: 'tasks [@user]', keys: [], topic: 'tasks' },
  delete: { usage: 'delete <no>', keys: [], topic: 'delete' },
  purge: {
    usage:
      'purge [status:won|lost] [closed-before:<date>] [closed-after:<date>] [owner:@user] [contact:<contact>] [cycle:<CODE>]',
    keys: ['status', 'closed-before', 'closed-after', 'owner', 'contact', 'cycle'],
    topic: 'purge',
  },
  digest: { usage: 'digest [cycle:<CODE>] [owner:@user]', keys: ['cycle', 'owner'], topic: 'digest' },
  stats: { usage: 'stats <no> | stats cycle:<CODE>', keys: ['cycle'], topic: 'stats' },
  export: {
    usage: 'export [mine|all|@user] [contact:<contact>] [status:open|won|lost|all] [cycle:<CODE>]',
    keys: LIST_KEYS,
    topic: 'export',
  },
  subscribe: {
    usage: 'subscribe #channel daily|weekly|monthly [at:HH:MM] [day:<weekday>] [tz:<IANA zone>] [cycle:<CODE>]',
    keys: ['at', 'day', 'tz', 'cycle'],
    topic: 'subscribe',
  },
  unsubscribe: { usage: 'unsubscribe #channel', keys: [], topic: 'unsubscribe' },
  subscriptions: { usage: 'subscriptions', keys: [], topic: 'subscriptions' },
  notify: {
    usage:
      'notify [changes:instant|daily|off] [tasks:…] [overdue:…] [stale:…] [summary:HH:MM] [quiet:HH:MM-HH:MM|off] | notify mute|unmute <no>',
    keys: ['changes', 'tasks', 'overdue', 'stale', 'summary', 'quiet'],
    topic: 'notify',
  },
  alert: {
    usage:
      'alert [#channel] [created|stage|won|lost|reassigned|all …] [value:>|>=|<|<=<amount>] [cycle:<CODE>] [owner:@user]',
    keys: ['value', 'cycle', 'owner'],
    topic: 'alert',
  },
  'alert remove': { usage: 'alert remove <no>', keys: [], topic: 'alert' },
  alerts: { usage: 'alerts', keys: [], topic: 'alerts' },
} as const satisfies Record<string, SubcommandInfo>;

export type SubcommandId = keyof typeof SUBCOMMANDS;

export function subcommandInfo(id: SubcommandId): SubcommandInfo {
  return SUBCOMMANDS[id];
}

/** The usage line a mistake in `/opp <id>` quotes (`/opp new <description> contact:<contact> …`). */
export function commandUsage(id: SubcommandId): string {
  return `/opp ${SUBCOMMANDS[id].usage}`;
}

/** Group words and the actions that may follow them (`cycle add`). */
export const GROUPS = {
  cycle: ['add', 'list', 'edit', 'block', 'unblock', 'delete'],
  stage: ['add', 'list', 'edit', 'delete'],
  code: ['add', 'list', 'edit', 'delete'],
  contact: ['add', 'list', 'edit'],
  customer: ['add'],
  activity: ['add', 'list'],
  workspace: ['delete'],
} as const;
export type GroupWord = keyof typeof GROUPS;

/** Words that may follow `setup`. */
export const SETUP_WORDS = [
  'cycle',
  'stage',
  'code',
  'contact',
  'customer',
  'activity',
  'role',
  'roles',
  'workspace',
  'setting',
] as const;

/** Every first word the parser knows, for "did you mean". */
export const FIRST_WORDS = [
  'help',
  'setup',
  ...Object.keys(GROUPS),
  'role',
  'roles',
  ...Object.keys(SUBCOMMANDS).filter((id) => !id.includes(' ') && id !== 'role' && id !== 'roles'),
];

/** The subcommands that only read: a replay of one changes nothing, so it needs no replay record. */
const READ_ONLY_SUBCOMMANDS: ReadonlySet<string> = new Set([
  'help',
  'list',
  'show',
  'find',
  'stats',
  'tasks',
  'roles',
  'subscriptions',
  'alerts',
  'cycle list',
  'stage list',
  'code list',
  'contact list',
  'activity list',
]);

/** True when `/opp <text>` only reads (an empty command is help; `setting` without a change shows them). */
export function commandOnlyReads(text: string): boolean {
  const [first = '', second = ''] = text.trim().toLowerCase().split(/\s+/);
  if (first === '') return true;
  if (first === 'setting') return !text.includes(':');
  if (first === 'language') return second === '';
  if (first === 'notify') return second === '';
  return READ_ONLY_SUBCOMMANDS.has(first) || READ_ONLY_SUBCOMMANDS.has(`${first} ${second}`);
}

// A typed `/opp` text for every kind of input problem, what the problem must hold, and what its sentence
// must mention in English; the catalogue tests render the same problems in every language.
import type { InputProblem, InputProblemKind } from '../../src/slack/grammar/input-problems.ts';
import type { DateContext } from '../../src/slack/grammar/parse-command.ts';
import { UTC } from '../unit/grammar/helpers.ts';

interface Case {
  readonly text: string;
  /** Fields the problem must have. */
  readonly problem: Partial<InputProblem> & Record<string, unknown>;
  /** Texts the sentence must contain (the key, the text typed, the suggestion). */
  readonly mentions: readonly string[];
  /** How the text is read, when not the default (e.g. the workspace's currency). */
  readonly ctx?: DateContext;
}

const many = (n: number, line: string): string => Array.from({ length: n }, () => `line:"${line}"`).join(' ');

// One input per kind: the Record type makes the table fail to compile when a kind is added without a case.
export const INPUT_PROBLEM_CASES: Record<InputProblemKind, readonly Case[]> = {
  'text-too-long': [
    { text: `new ${'x'.repeat(4000)}`, problem: { length: 4004, max: 4000 }, mentions: ['4,004', '4,000'] },
  ],
  'unknown-subcommand': [
    { text: 'nxt OP00001', problem: { word: 'nxt', suggestion: 'next' }, mentions: ['`nxt`', 'Did you mean `next`?'] },
    {
      text: 'subscrib <#C1> daily',
      problem: { word: 'subscrib', suggestion: 'subscribe' },
      mentions: ['`subscrib`', '`subscribe`'],
    },
    { text: 'frobnicate', problem: { word: 'frobnicate' }, mentions: ['`frobnicate`', '/opp help'] },
  ],
  'unknown-action': [
    {
      text: 'cycle ad FIRM x',
      problem: { subcommand: 'cycle', word: 'ad', suggestion: 'add' },
      mentions: ['`ad`', '`add`', '/opp help cycle'],
    },
    {
      text: 'cycle',
      problem: { subcommand: 'cycle', allowed: ['add', 'list', 'edit', 'block', 'unblock', 'delete'] },
      mentions: ['`/opp cycle`', '`add`', '`list`', '`block`', '`unblock`', '`delete`'],
    },
    {
      text: 'setup opportunity',
      problem: { subcommand: 'setup', word: 'opportunity' },
      mentions: ['`opportunity`', '/opp help setup'],
    },
  ],
  'unknown-help-topic': [
    { text: 'help clse', problem: { topic: 'clse', suggestion: 'close' }, mentions: ['`clse`', '`close`'] },
  ],
  'unknown-key': [
    {
      text: 'new Deal contct:Acme',
      problem: { key: 'contct', subcommand: 'new', suggestion: 'contact' },
      mentions: ['`contct:`', '`contact:`', '/opp help new'],
    },
    {
      text: 'show OP00001 value:10',
      problem: { key: 'value', subcommand: 'show', allowed: [] },
      mentions: ['`value:`', 'takes no keys'],
    },
  ],
  'duplicate-key': [{ text: 'update OP00001 value:1 value:2', problem: { key: 'value' }, mentions: ['`value:`'] }],
  'missing-value': [
    { text: 'update OP00001 value: chance:40', problem: { key: 'value' }, mentions: ['`value:`'] },
    { text: 'list contact:""', problem: { key: 'contact' }, mentions: ['`contact:`'] },
    { text: 'list contact:', problem: { key: 'contact' }, mentions: ['`contact:`'] },
  ],
  'missing-argument': [
    {
      text: 'show',
      problem: { what: 'opportunity-no', subcommand: 'show' },
      mentions: ['opportunity number', '`/opp show &lt;no&gt;`'],
    },
    { text: 'close OP00001 code:PRICE', problem: { what: 'outcome' }, mentions: ['outcome', '`won`'] },
    { text: 'contact add Acme Corp', problem: { what: 'contact-type' }, mentions: ['`company`', '`person`'] },
    {
      text: 'stats',
      problem: { what: 'stats-target' },
      mentions: ['/opp stats cycle:&lt;CODE&gt;', '/opp cycle list'],
    },
    { text: 'new contact:Acme', problem: { what: 'description' }, mentions: ['description'] },
    { text: 'subscribe', problem: { what: 'channel' }, mentions: ['channel'] },
    {
      text: 'stage delete FIRM',
      problem: { what: 'stage-no', subcommand: 'stage delete' },
      mentions: ['stage number', '`/opp stage delete &lt;CYCLE&gt; &lt;stage no&gt;`'],
    },
    { text: 'cycle delete', problem: { what: 'code', subcommand: 'cycle delete' }, mentions: ['code'] },
  ],
  'missing-keys': [
    {
      text: 'new Deal contact:Acme',
      problem: { keys: ['value', 'chance', 'close'] },
      mentions: ['`value:`', '`chance:`', '`close:`'],
    },
    { text: 'skip OP00001', problem: { keys: ['to'] }, mentions: ['`to:`'] },
    { text: 'close OP00001 won', problem: { keys: ['code'] }, mentions: ['`code:`'] },
  ],
  'nothing-to-change': [
    {
      text: 'update OP00001 date:today',
      problem: { subcommand: 'update' },
      mentions: ['`value:`', '`chance:`', '`close:`'],
    },
  ],
  'unexpected-text': [
    { text: 'show OP00001 please', problem: { text: 'please' }, mentions: ['`please`', '`/opp show &lt;no&gt;`'] },
    { text: 'list mine all', problem: { text: 'all' }, mentions: ['`all`'] },
    { text: 'code delete COMP now', problem: { text: 'now' }, mentions: ['`now`', '`/opp code delete &lt;CODE&gt;`'] },
  ],
  'conflicting-arguments': [
    {
      text: 'list fleet renewal status:won',
      problem: { first: 'fleet renewal', second: 'status:' },
      mentions: ['`fleet renewal`', '`status:`'],
    },
    {
      text: 'stats OP00001 cycle:FIRM',
      problem: { first: 'OP00001', second: 'cycle:' },
      mentions: ['`OP00001`', '`cycle:`'],
    },
  ],
  'key-not-applicable': [
    {
      text: 'subscribe <#C1> daily day:monday',
      problem: { key: 'day', reason: 'weekly-only' },
      mentions: ['`day:`', '`weekly`'],
    },
    {
      text: 'contact add Acme company company:Other',
      problem: { key: 'company', reason: 'person-only' },
      mentions: ['`company:`', '`person`'],
    },
  ],
  'unbalanced-quote': [
    { text: 'new "Big deal contact:Acme', problem: { text: '"Big deal contact:Acme' }, mentions: ['"Big deal'] },
  ],
  'text-after-quote': [{ text: 'list contact:"Acme"Corp', problem: { text: '"Acme"Corp' }, mentions: ['"Acme"Corp'] }],
  'too-many': [
    { text: `quote OP00001 ${many(101, 'A;1;1')}`, problem: { key: 'line', max: 100 }, mentions: ['`line:`', '100'] },
    {
      text: `activity add CALL Calls ${Array.from({ length: 51 }, () => 'step:A;1D').join(' ')}`,
      problem: { key: 'step', max: 50 },
      mentions: ['`step:`'],
    },
  ],
  'too-long': [
    {
      text: `cycle add FIRM ${'d'.repeat(101)}`,
      problem: { max: 100, length: 101 },
      mentions: ['description', '101', '100'],
    },
    { text: 'cycle add ABCDEFGHIJK Too long', problem: { max: 10, length: 11 }, mentions: ['code', '11', '10'] },
    { text: `list contact:${'c'.repeat(120)}`, problem: { max: 100, length: 120 }, mentions: ['`contact:`', '120'] },
  ],
  'bad-number': [{ text: 'update OP00001 value:lots', problem: { text: 'lots' }, mentions: ['`value:`', '`lots`'] }],
  'ambiguous-number': [
    { text: 'update OP00001 value:12.000', problem: { text: '12.000' }, mentions: ['`value:`', '`12.000`'] },
  ],
  'too-many-decimals': [
    {
      text: 'update OP00001 value:12.3456',
      problem: { text: '12.3456', max: 2 },
      mentions: ['`value:`', '`12.3456`', '2 decimals'],
    },
  ],
  'number-out-of-range': [
    {
      text: 'update OP00001 chance:140',
      problem: { text: '140', min: '0', max: '100' },
      mentions: ['`chance:`', '`140`', '100'],
    },
    {
      text: 'update OP00001 value:1000000000000',
      problem: { max: '999999999999.99' },
      mentions: ['`value:`', '999,999,999,999.99'],
    },
    { text: 'close OP00001 won code:X amount:-5', problem: { text: '-5' }, mentions: ['`amount:`', '`-5`'] },
  ],
  'bad-percent': [{ text: 'update OP00001 chance:high', problem: { text: 'high' }, mentions: ['`chance:`', '`high`'] }],
  'bad-integer': [
    { text: 'skip OP00001 to:two', problem: { text: 'two', min: 1 }, mentions: ['`to:`', '`two`'] },
    { text: 'stage add FIRM 0 Intro completed:1 chance:1', problem: { text: '0' }, mentions: ['stage number', '`0`'] },
    { text: 'stage delete FIRM two', problem: { text: 'two' }, mentions: ['stage number', '`two`'] },
    { text: 'setting stale-days:0', problem: { text: '0', min: 1, max: 365 }, mentions: ['`stale-days:`', '`0`'] },
  ],
  'bad-date': [
    { text: 'update OP00001 close:blah', problem: { text: 'blah' }, mentions: ['`close:`', '`blah`'] },
    {
      text: 'update OP00001 close:tomorrowish maybe',
      problem: { text: 'tomorrowish maybe' },
      mentions: ['`tomorrowish maybe`'],
    },
    { text: 'update OP00001 close:31/02/2026', problem: { text: '31/02/2026' }, mentions: ['`31/02/2026`'] },
  ],
  'bad-date-range': [
    {
      text: 'purge closed-after:2026-01-01 closed-before:2025-01-01',
      problem: { fromKey: 'closed-after', toKey: 'closed-before' },
      mentions: ['`closed-after:`', '`closed-before:`', '2026-01-01', '2025-01-01'],
    },
  ],
  'bad-date-formula': [
    {
      text: 'stage add FIRM 1 Intro completed:10 chance:20 formula:soon',
      problem: { text: 'soon' },
      mentions: ['`formula:`', '`soon`'],
    },
  ],
  'bad-opportunity-no': [
    { text: 'show 12345', problem: { text: '12345' }, mentions: ['`12345`', '`OP00001`'] },
    { text: 'close Acme', problem: { text: 'Acme' }, mentions: ['`Acme`'] },
  ],
  'bad-code': [
    { text: 'cycle add FI*RM Firm', problem: { text: 'FI*RM' }, mentions: ['`FI*RM`'] },
    { text: 'close OP00001 won code:a+b', problem: { text: 'a+b' }, mentions: ['`a+b`', '`code:`'] },
  ],
  'bad-choice': [
    {
      text: 'list status:closed',
      problem: { text: 'closed', allowed: ['open', 'won', 'lost', 'all'] },
      mentions: ['`status:`', '`closed`', '`open`'],
    },
    { text: 'close OP00001 maybe code:X', problem: { text: 'maybe' }, mentions: ['outcome', '`maybe`', '`won`'] },
    // (`list everybody` looks up a name, as `show` does; `export` takes only a scope there.)
    { text: 'export everybody', problem: { text: 'everybody' }, mentions: ['`everybody`'] },
    {
      text: 'subscribe <#C1> weekly day:someday',
      problem: { text: 'someday' },
      mentions: ['`day:`', '`someday`', '`monday`'],
    },
    { text: 'cycle add FIRM Firm blocked:maybe', problem: { text: 'maybe' }, mentions: ['`blocked:`', '`yes`'] },
  ],
  'bad-mention': [
    { text: 'digest owner:@bob', problem: { text: '@bob' }, mentions: ['`owner:`', '`@bob`'] },
    { text: 'list @bob', problem: { text: '@bob' }, mentions: ['`@bob`'] },
    { text: 'role bob admin', problem: { text: 'bob' }, mentions: ['`bob`'] },
  ],
  'bad-channel': [{ text: 'subscribe #sales daily', problem: { text: '#sales' }, mentions: ['channel', '`#sales`'] }],
  'bad-email': [
    {
      text: 'contact add Ann person email:ann-at-acme',
      problem: { text: 'ann-at-acme' },
      mentions: ['`email:`', '`ann-at-acme`'],
    },
  ],
  'bad-value-filter': [
    {
      text: 'alert <#C1> won value:>lots',
      problem: { text: '>lots' },
      mentions: ['`value:`', '`&gt;lots`', '`&gt;50k`'],
    },
  ],
  'bad-currency': [
    { text: 'setting currency:euro', problem: { text: 'euro' }, mentions: ['`currency:`', '`euro`', '`EUR`'] },
    { text: 'setting currency:XYZ', problem: { text: 'XYZ' }, mentions: ['`XYZ`'] },
  ],
  'bad-time': [{ text: 'subscribe <#C1> daily at:25:00', problem: { text: '25:00' }, mentions: ['`at:`', '`25:00`'] }],
  'bad-time-zone': [
    { text: 'subscribe <#C1> daily tz:Mars/Base', problem: { text: 'Mars/Base' }, mentions: ['`tz:`', '`Mars/Base`'] },
  ],
  'bad-quote-line': [
    {
      text: 'quote OP00001 line:"Widget;x;10"',
      problem: { index: 1, part: 'quantity', value: 'x' },
      mentions: ['line 1', '`x`', 'quantity'],
    },
    {
      text: 'quote OP00001 line:"A;1;1" line:"Widget"',
      problem: { index: 2, part: 'format' },
      mentions: ['line 2', '`Widget`'],
    },
    {
      text: 'quote OP00001 line:"Widget;1;10;120"',
      problem: { part: 'discount', value: '120', issue: 'out-of-range' },
      mentions: ['`120`', '100'],
    },
    { text: 'quote OP00001 line:";1;10"', problem: { part: 'description' }, mentions: ['description'] },
  ],
  'bad-activity-step': [
    {
      text: 'activity add CALL Calls step:"Call;soon"',
      problem: { index: 1, part: 'formula', value: 'soon' },
      mentions: ['step 1', '`soon`'],
    },
    { text: 'activity add CALL Calls step:"Call"', problem: { part: 'format' }, mentions: ['`Call`'] },
  ],
  'other-currency': [
    {
      text: 'update OP00001 value:$20,000',
      ctx: { ...UTC, currency: 'EUR' },
      problem: { text: '$20,000', currency: 'EUR' },
      mentions: ['`value:`', '`$20,000`', 'EUR'],
    },
    {
      text: 'update OP00001 value:"USD 20000"',
      ctx: { ...UTC, currency: 'EUR' },
      problem: { text: 'USD 20000' },
      mentions: ['`USD 20000`'],
    },
  ],
};

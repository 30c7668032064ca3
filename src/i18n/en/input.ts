// English sentences for every mistake a user can make in `/opp` text (Slack mrkdwn).
import type { Formatter } from '../format.ts';
import { catalogueText, escapeFields, escapeText, type Markup } from '../markup.ts';
import { Decimal } from '../../domain/decimal.ts';
import { AMOUNT_RULES, PERCENT_RULES, QUANTITY_RULES } from '../../domain/amounts.ts';
import type { NumberIssue, NumberRules } from '../../domain/amounts.ts';
import type { ArgumentName, Field, InputProblem } from '../../domain/input-problems.ts';

function assertNever(value: never): never {
  throw new Error(`unhandled input problem: ${JSON.stringify(value)}`);
}

/** User text inside `code` spans: no backticks (they would end the span), Slack's &, <, > escaped. */
function code(text: string): string {
  const safe = escapeText(text.replace(/`/g, "'").replace(/\s+/g, ' '));
  return safe.trim() === '' ? '(nothing)' : `\`${safe}\``;
}

const key = (name: string): string => code(`${name}:`);

function list(items: readonly string[], conjunction: 'and' | 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1] ?? ''}`;
}

/** A number written out in full, grouped as the reader's locale does: "999,999,999,999.99". */
type Grouped = (decimal: string) => string;

const ARGUMENTS: Record<ArgumentName, { name: string; hint: string }> = {
  'opportunity-no': { name: 'the opportunity number', hint: ' (like `OP00001`)' },
  code: { name: 'the code', hint: ' (up to 10 letters or digits)' },
  description: { name: 'the description', hint: '' },
  cycle: { name: 'the sales cycle code', hint: ' (`/opp cycle list` lists this workspace’s)' },
  'stage-no': { name: 'the stage number', hint: ' (like `2`)' },
  outcome: { name: 'the outcome', hint: ' (`won` or `lost`)' },
  'contact-name': { name: 'the contact name', hint: '' },
  'contact-type': { name: 'the contact type', hint: ' (`company` or `person`, after the name)' },
  contact: { name: 'the contact', hint: ' (a company contact name or number)' },
  scope: { name: 'the list scope', hint: ' (`mine`, `all` or `@user`)' },
  channel: { name: 'the channel', hint: ' (type `#` and pick it)' },
  frequency: { name: 'the frequency', hint: ' (`daily`, `weekly` or `monthly`)' },
  user: { name: 'the user', hint: ' (type `@` and pick the person)' },
  role: { name: 'the role', hint: ' (`admin`, `manager` or `rep`)' },
  search: { name: 'the search text', hint: '' },
  language: { name: 'the language', hint: ' (`en`, `fr`, `it`, `nb`, `zh` or `auto`)' },
  note: { name: 'the note', hint: ' (what happened, after the opportunity number)' },
  'stats-target': {
    name: 'an opportunity number or a cycle',
    hint: ' (`/opp stats &lt;opportunity no&gt;`, or `/opp stats cycle:&lt;CODE&gt;` with a code from `/opp cycle list`)',
  },
  'alert-kind': { name: 'the alert kind', hint: ' (`created`, `stage`, `won`, `lost`, `reassigned` or `all`)' },
  'alert-no': { name: 'the alert number', hint: ' (`/opp alerts` lists them)' },
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The field as the subject of a sentence: "`close:`" or "The stage number". */
function subject(field: Field): string {
  return field.type === 'key' ? key(field.key) : capitalize(ARGUMENTS[field.name].name);
}

/** The field inside a sentence: "`close:`" or "the stage number". */
function field(f: Field): string {
  return f.type === 'key' ? key(f.key) : ARGUMENTS[f.name].name;
}

/** Where to find examples: the problem's help topic (set by the parser), or help as a whole. */
function helpPointer(topic?: string): string {
  return topic === undefined ? 'Type `/opp help` for examples.' : `Type \`/opp help ${topic}\` for examples.`;
}

function didYouMean(suggestion: string | undefined, asKey = false): string {
  if (suggestion === undefined) return '';
  return ` Did you mean ${asKey ? key(suggestion) : code(suggestion)}?`;
}

function rangeText(rules: NumberRules, grouped: Grouped): string {
  return `between ${grouped(rules.min.toFixed())} and ${grouped(rules.max.toFixed())}`;
}

function numberIssueText(
  what: string,
  value: string,
  issue: NumberIssue | undefined,
  rules: NumberRules,
  grouped: Grouped,
): string {
  switch (issue) {
    case undefined:
    case 'not-a-number':
      return `the ${what} ${code(value)} is not a number.`;
    case 'ambiguous':
      return `the ${what} ${code(value)} could mean a decimal or thousands; write it without the dot or with at most ${rules.maxDecimals} decimals.`;
    case 'too-many-decimals':
      return `the ${what} ${code(value)} has more than ${rules.maxDecimals} decimals.`;
    case 'out-of-range':
      return `the ${what} ${code(value)} must be ${rangeText(rules, grouped)}.`;
    default:
      return assertNever(issue);
  }
}

/**
 * One sentence (or two) saying exactly what is wrong and where to find examples. Every text in it that
 * came from a person is escaped first; its numbers are written by the reader's formatter.
 */
export function describeInputProblem(p: InputProblem, format: Formatter): Markup {
  return catalogueText(sentence(escapeFields(p), format));
}

function sentence(p: InputProblem, format: Formatter): string {
  const grouped: Grouped = (decimal) => {
    try {
      return format.groupedNumber(new Decimal(decimal));
    } catch {
      return decimal; // not a number (a problem made up by hand): shown as it is
    }
  };
  switch (p.kind) {
    case 'text-too-long':
      return `Your command is ${grouped(String(p.length))} characters long; \`/opp\` accepts at most ${grouped(String(p.max))}. ${helpPointer()}`;
    case 'unknown-subcommand':
      return `${code(p.word)} is not an \`/opp\` command.${didYouMean(p.suggestion)} Type \`/opp help\` for the list.`;
    case 'unknown-action': {
      const options = list(p.allowed.map(code), 'or');
      const start =
        p.word === undefined
          ? `\`/opp ${p.subcommand}\` needs ${options} after it.`
          : `\`/opp ${p.subcommand}\` does not know ${code(p.word)}; use ${options}.`;
      return `${start}${didYouMean(p.suggestion)} ${helpPointer(p.helpTopic)}`;
    }
    case 'unknown-help-topic':
      return `There is no help topic ${code(p.topic)}.${didYouMean(p.suggestion)} Type \`/opp help\` for the list.`;
    case 'unknown-key': {
      const accepted =
        p.allowed.length === 0
          ? `\`/opp ${p.subcommand}\` takes no keys, so ${key(p.key)} is not understood.`
          : `\`/opp ${p.subcommand}\` has no key ${key(p.key)}; it accepts ${list(p.allowed.map(key), 'and')}.`;
      return `${accepted}${didYouMean(p.suggestion, true)} ${helpPointer(p.helpTopic)}`;
    }
    case 'duplicate-key':
      return `You gave ${key(p.key)} more than once; give it only once. ${helpPointer()}`;
    case 'missing-value':
      return `Nothing follows ${key(p.key)}; put the value right after the colon (wrap it in quotes if it contains a colon). ${helpPointer()}`;
    case 'missing-argument': {
      const argument = ARGUMENTS[p.what];
      return `\`/opp ${p.subcommand}\` needs ${argument.name}${argument.hint}. Usage: ${code(p.usage)}. ${helpPointer(p.helpTopic)}`;
    }
    case 'missing-keys':
      return `\`/opp ${p.subcommand}\` needs ${list(p.keys.map(key), 'and')}. Usage: ${code(p.usage)}. ${helpPointer(p.helpTopic)}`;
    case 'nothing-to-change':
      return `\`/opp ${p.subcommand}\` needs at least one of ${list(p.keys.map(key), 'or')}. ${helpPointer(p.helpTopic)}`;
    case 'unexpected-text':
      return `\`/opp ${p.subcommand}\` did not expect ${code(p.text)} there. Usage: ${code(p.usage)}. ${helpPointer(p.helpTopic)}`;
    case 'conflicting-arguments':
      return `\`/opp ${p.subcommand}\` takes either ${code(p.first)} or ${code(p.second)}, not both. ${helpPointer(p.helpTopic)}`;
    case 'key-not-applicable': {
      const reason = p.reason;
      switch (reason) {
        case 'weekly-only':
          return `${key(p.key)} only applies to \`weekly\` subscriptions; remove it or subscribe \`weekly\`. ${helpPointer('subscribe')}`;
        case 'person-only':
          return `${key(p.key)} only applies to a \`person\` contact (it names the person's company). ${helpPointer('contact')}`;
        default:
          return assertNever(reason);
      }
    }
    case 'unbalanced-quote':
      return `The quote that starts at ${code(p.text)} is never closed; add the closing quote. ${helpPointer()}`;
    case 'text-after-quote':
      return `The closing quote in ${code(p.text)} is followed by more text; put a space after it or move the text inside the quotes. ${helpPointer()}`;
    case 'too-many':
      return `You gave more than ${p.max} ${key(p.key)} values; the most is ${p.max}. ${helpPointer()}`;
    case 'too-long':
      return `${subject(p.field)} is ${p.length} characters long; the most is ${p.max}. ${helpPointer()}`;
    case 'bad-number':
      return `${subject(p.field)} needs an amount like \`12000\`, \`12,000\` or \`12000.50\`, not ${code(p.text)}. ${helpPointer()}`;
    case 'other-currency':
      return `${subject(p.field)} ${code(p.text)} is written in another currency, and this workspace's amounts are in ${p.currency}: write it in ${p.currency}, or without a currency sign. ${helpPointer()}`;
    case 'ambiguous-number':
      return `In ${field(p.field)}, ${code(p.text)} could be read as a decimal or as thousands; write it without the dot (\`12000\`) or with at most 2 decimals (\`12.00\`). ${helpPointer()}`;
    case 'too-many-decimals':
      return `${subject(p.field)} takes at most ${p.max} decimals; ${code(p.text)} has more. ${helpPointer()}`;
    case 'number-out-of-range':
      return `${subject(p.field)} must be between ${grouped(p.min)} and ${grouped(p.max)}; ${code(p.text)} is not. ${helpPointer()}`;
    case 'bad-percent':
      return `${subject(p.field)} needs a percentage like \`40\` or \`40%\`, not ${code(p.text)}. ${helpPointer()}`;
    case 'bad-integer':
      return `${subject(p.field)} must be a whole number from ${grouped(String(p.min))} to ${grouped(String(p.max))}, not ${code(p.text)}. ${helpPointer()}`;
    case 'bad-date':
      return `${subject(p.field)} needs a date, and ${code(p.text)} is not one I can read; try \`today\`, \`next friday\`, \`in 30 days\`, \`end of month\` or \`2026-12-15\`. Type \`/opp help dates\` for more.`;
    case 'bad-date-range':
      return `${key(p.fromKey)} (${p.from}) must be before ${key(p.toKey)} (${p.to}), or no opportunity can match. ${helpPointer()}`;
    case 'bad-date-formula':
      return `${subject(p.field)} needs a date formula like \`2W\`, \`10D\`, \`1M\` or \`CM\`, not ${code(p.text)}. ${helpPointer()}`;
    case 'bad-opportunity-no':
      return `${code(p.text)} is not an opportunity number; they look like \`OP00001\`. ${helpPointer()}`;
    case 'bad-code':
      return `${code(p.text)} is not a valid code for ${field(p.field)}: codes may only contain letters, digits, \`.\`, \`_\`, \`/\` and \`-\`. ${helpPointer()}`;
    case 'bad-choice':
      return `${subject(p.field)} must be ${list(p.allowed.map(code), 'or')}, not ${code(p.text)}. ${helpPointer()}`;
    case 'bad-mention':
      return `${subject(p.field)} needs a user mention (type \`@\` and pick the person from Slack's list), not ${code(p.text)}. ${helpPointer()}`;
    case 'bad-channel':
      return `${subject(p.field)} needs a channel mention (type \`#\` and pick the channel from Slack's list), not ${code(p.text)}. ${helpPointer()}`;
    case 'bad-email':
      return `${subject(p.field)} needs an email address like \`ann@acme.com\`, not ${code(p.text)}. ${helpPointer()}`;
    case 'bad-value-filter':
      return `${key('value')} takes a comparison and an amount, like \`&gt;50k\`, \`&gt;=10000\` or \`&lt;5000\`, not ${code(p.text)}. ${helpPointer(p.helpTopic)}`;
    case 'bad-time':
      return `${subject(p.field)} needs a time of day like \`09:00\` or \`17:30\`, not ${code(p.text)}. ${helpPointer()}`;
    case 'bad-time-zone':
      return `${subject(p.field)} needs a time zone name like \`Europe/Berlin\` or \`America/New_York\`, not ${code(p.text)}. ${helpPointer()}`;
    case 'bad-currency':
      return `${subject(p.field)} needs a three-letter currency code like \`EUR\` or \`GBP\`, not ${code(p.text)}. ${helpPointer()}`;
    case 'bad-quote-line': {
      const start = `Quote line ${p.index} (${code(p.text)}):`;
      const part = p.part;
      switch (part) {
        case 'format':
          return `${start} write it as \`description;quantity;unit price\` with an optional \`;discount %\`, e.g. \`line:"Licences;10;1200;5"\`. ${helpPointer('quote')}`;
        case 'description':
          return `${start} the description ${code(p.value)} must have 1 to 100 characters. ${helpPointer('quote')}`;
        case 'quantity':
          return `${start} ${numberIssueText('quantity', p.value, p.issue, QUANTITY_RULES, grouped)} ${helpPointer('quote')}`;
        case 'unit-price':
          return `${start} ${numberIssueText('unit price', p.value, p.issue, AMOUNT_RULES, grouped)} ${helpPointer('quote')}`;
        case 'discount':
          return `${start} ${numberIssueText('discount %', p.value, p.issue, PERCENT_RULES, grouped)} ${helpPointer('quote')}`;
        default:
          return assertNever(part);
      }
    }
    case 'bad-activity-step': {
      const start = `Activity step ${p.index} (${code(p.text)}):`;
      const part = p.part;
      switch (part) {
        case 'format':
          return `${start} write it as \`description;date formula\`, e.g. \`step:"Call the buyer;1W"\`. ${helpPointer('activity')}`;
        case 'description':
          return `${start} the description ${code(p.value)} must have 1 to 100 characters. ${helpPointer('activity')}`;
        case 'formula':
          return `${start} ${code(p.value)} is not a date formula like \`0D\`, \`1W\` or \`CM\`. ${helpPointer('activity')}`;
        default:
          return assertNever(part);
      }
    }
    default:
      return assertNever(p);
  }
}

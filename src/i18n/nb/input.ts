// Norwegian Bokmål sentences for every mistake a user can make in `/opp` text (Slack mrkdwn). Command
// keywords and keys stay English (the grammar is English in every language); values people type may be
// Norwegian (dates, amounts, ja/nei, vunnet/tapt).
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
  return safe.trim() === '' ? '(ingenting)' : `\`${safe}\``;
}

const key = (name: string): string => code(`${name}:`);

function list(items: readonly string[], conjunction: 'and' | 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction === 'and' ? 'og' : 'eller'} ${items[items.length - 1] ?? ''}`;
}

/** A number written out in full, grouped as the reader's locale does: "999 999 999 999,99". */
type Grouped = (decimal: string) => string;

const ARGUMENTS: Record<ArgumentName, { name: string; hint: string }> = {
  'opportunity-no': { name: 'salgsmulighetsnummeret', hint: ' (som `OP00001`)' },
  code: { name: 'koden', hint: ' (opptil 10 bokstaver eller sifre)' },
  description: { name: 'beskrivelsen', hint: '' },
  cycle: { name: 'salgssykluskoden', hint: ' (`/opp cycle list` viser dem i dette arbeidsområdet)' },
  'stage-no': { name: 'fasenummeret', hint: ' (som `2`)' },
  outcome: { name: 'utfallet', hint: ' (`vunnet` eller `tapt`)' },
  'contact-name': { name: 'kontaktnavnet', hint: '' },
  'contact-type': { name: 'kontakttypen', hint: ' (`company` eller `person`, etter navnet)' },
  contact: { name: 'kontakten', hint: ' (navnet eller nummeret til en firmakontakt)' },
  scope: { name: 'listeomfanget', hint: ' (`mine`, `all` eller `@bruker`)' },
  channel: { name: 'kanalen', hint: ' (skriv `#` og velg den)' },
  frequency: { name: 'frekvensen', hint: ' (`daily`, `weekly` eller `monthly`)' },
  user: { name: 'brukeren', hint: ' (skriv `@` og velg personen)' },
  role: { name: 'rollen', hint: ' (`admin`, `manager` eller `rep`)' },
  search: { name: 'søketeksten', hint: '' },
  language: { name: 'språket', hint: ' (`en`, `fr`, `it`, `nb`, `zh` eller `auto`)' },
  note: { name: 'notatet', hint: ' (hva som skjedde, etter salgsmulighetsnummeret)' },
  'stats-target': {
    name: 'et salgsmulighetsnummer eller en syklus',
    hint: ' (`/opp stats &lt;salgsmulighetsnr.&gt;`, eller `/opp stats cycle:&lt;KODE&gt;` med en kode fra `/opp cycle list`)',
  },
  'alert-kind': { name: 'varseltypen', hint: ' (`created`, `stage`, `won`, `lost`, `reassigned` eller `all`)' },
  'alert-no': { name: 'varselnummeret', hint: ' (`/opp alerts` viser dem)' },
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The field as the subject of a sentence: "`close:`" or "Fasenummeret". */
function subject(field: Field): string {
  return field.type === 'key' ? key(field.key) : capitalize(ARGUMENTS[field.name].name);
}

/** The field inside a sentence: "`close:`" or "fasenummeret". */
function field(f: Field): string {
  return f.type === 'key' ? key(f.key) : ARGUMENTS[f.name].name;
}

/** Where to find examples: the problem's help topic (set by the parser), or help as a whole. */
function helpPointer(topic?: string): string {
  return topic === undefined ? 'Skriv `/opp help` for eksempler.' : `Skriv \`/opp help ${topic}\` for eksempler.`;
}

function didYouMean(suggestion: string | undefined, asKey = false): string {
  if (suggestion === undefined) return '';
  return ` Mente du ${asKey ? key(suggestion) : code(suggestion)}?`;
}

function rangeText(rules: NumberRules, grouped: Grouped): string {
  return `mellom ${grouped(rules.min.toFixed())} og ${grouped(rules.max.toFixed())}`;
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
      return `${what} ${code(value)} er ikke et tall.`;
    case 'ambiguous':
      return `${what} ${code(value)} kan bety både desimaler og tusener; skriv det uten punktum eller med høyst ${rules.maxDecimals} desimaler.`;
    case 'too-many-decimals':
      return `${what} ${code(value)} har mer enn ${rules.maxDecimals} desimaler.`;
    case 'out-of-range':
      return `${what} ${code(value)} må være ${rangeText(rules, grouped)}.`;
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
      return `Kommandoen din er ${grouped(String(p.length))} tegn lang; \`/opp\` godtar høyst ${grouped(String(p.max))}. ${helpPointer()}`;
    case 'unknown-subcommand':
      return `${code(p.word)} er ikke en kommando i \`/opp\`.${didYouMean(p.suggestion)} Skriv \`/opp help\` for å se listen.`;
    case 'unknown-action': {
      const options = list(p.allowed.map(code), 'or');
      const start =
        p.word === undefined
          ? `\`/opp ${p.subcommand}\` må følges av ${options}.`
          : `\`/opp ${p.subcommand}\` kjenner ikke ${code(p.word)}; bruk ${options}.`;
      return `${start}${didYouMean(p.suggestion)} ${helpPointer(p.helpTopic)}`;
    }
    case 'unknown-help-topic':
      return `Det finnes ikke noe hjelpeemne ${code(p.topic)}.${didYouMean(p.suggestion)} Skriv \`/opp help\` for å se listen.`;
    case 'unknown-key': {
      const accepted =
        p.allowed.length === 0
          ? `\`/opp ${p.subcommand}\` tar ingen nøkler, så ${key(p.key)} blir ikke forstått.`
          : `\`/opp ${p.subcommand}\` har ingen nøkkel ${key(p.key)}; den godtar ${list(p.allowed.map(key), 'and')}.`;
      return `${accepted}${didYouMean(p.suggestion, true)} ${helpPointer(p.helpTopic)}`;
    }
    case 'duplicate-key':
      return `Du oppga ${key(p.key)} mer enn én gang; oppgi den bare én gang. ${helpPointer()}`;
    case 'missing-value':
      return `Ingenting følger etter ${key(p.key)}; skriv verdien rett etter kolonet (sett den i anførselstegn hvis den inneholder et kolon). ${helpPointer()}`;
    case 'missing-argument': {
      const argument = ARGUMENTS[p.what];
      return `\`/opp ${p.subcommand}\` trenger ${argument.name}${argument.hint}. Bruk: ${code(p.usage)}. ${helpPointer(p.helpTopic)}`;
    }
    case 'missing-keys':
      return `\`/opp ${p.subcommand}\` trenger ${list(p.keys.map(key), 'and')}. Bruk: ${code(p.usage)}. ${helpPointer(p.helpTopic)}`;
    case 'nothing-to-change':
      return `\`/opp ${p.subcommand}\` trenger minst én av ${list(p.keys.map(key), 'or')}. ${helpPointer(p.helpTopic)}`;
    case 'unexpected-text':
      return `\`/opp ${p.subcommand}\` ventet ikke ${code(p.text)} der. Bruk: ${code(p.usage)}. ${helpPointer(p.helpTopic)}`;
    case 'conflicting-arguments':
      return `\`/opp ${p.subcommand}\` tar enten ${code(p.first)} eller ${code(p.second)}, ikke begge. ${helpPointer(p.helpTopic)}`;
    case 'key-not-applicable': {
      const reason = p.reason;
      switch (reason) {
        case 'weekly-only':
          return `${key(p.key)} gjelder bare abonnementer med \`weekly\`; fjern den eller abonner med \`weekly\`. ${helpPointer('subscribe')}`;
        case 'person-only':
          return `${key(p.key)} gjelder bare en kontakt av typen \`person\` (den oppgir firmaet personen hører til). ${helpPointer('contact')}`;
        default:
          return assertNever(reason);
      }
    }
    case 'unbalanced-quote':
      return `Anførselstegnet som starter ved ${code(p.text)}, blir aldri lukket; legg til det avsluttende anførselstegnet. ${helpPointer()}`;
    case 'text-after-quote':
      return `Det avsluttende anførselstegnet i ${code(p.text)} følges av mer tekst; sett et mellomrom etter det, eller flytt teksten inn i anførselstegnene. ${helpPointer()}`;
    case 'too-many':
      return `Du oppga mer enn ${p.max} verdier for ${key(p.key)}; maksimum er ${p.max}. ${helpPointer()}`;
    case 'too-long':
      return `${subject(p.field)} er ${p.length} tegn lang; maksimum er ${p.max}. ${helpPointer()}`;
    case 'bad-number':
      return `${subject(p.field)} trenger et beløp som \`12000\`, \`12 000\` eller \`12 000,50\`, ikke ${code(p.text)}. ${helpPointer()}`;
    case 'other-currency':
      return `I ${field(p.field)} er ${code(p.text)} skrevet i en annen valuta, og beløpene i dette arbeidsområdet er i ${p.currency}: skriv det i ${p.currency}, eller uten valutategn. ${helpPointer()}`;
    case 'ambiguous-number':
      return `I ${field(p.field)} kan ${code(p.text)} leses både som desimaler og som tusener; skriv det uten punktum (\`12000\`) eller med høyst 2 desimaler (\`12,00\`). ${helpPointer()}`;
    case 'too-many-decimals':
      return `${subject(p.field)} tar høyst ${p.max} desimaler; ${code(p.text)} har flere. ${helpPointer()}`;
    case 'number-out-of-range':
      return `${subject(p.field)} må være mellom ${grouped(p.min)} og ${grouped(p.max)}; ${code(p.text)} er ikke det. ${helpPointer()}`;
    case 'bad-percent':
      return `${subject(p.field)} trenger en prosentsats som \`40\` eller \`40 %\`, ikke ${code(p.text)}. ${helpPointer()}`;
    case 'bad-integer':
      return `${subject(p.field)} må være et heltall fra ${grouped(String(p.min))} til ${grouped(String(p.max))}, ikke ${code(p.text)}. ${helpPointer()}`;
    case 'bad-date':
      return `${subject(p.field)} trenger en dato, og ${code(p.text)} er ikke en dato jeg kan lese; prøv \`i dag\`, \`neste fredag\`, \`om 30 dager\`, \`slutten av måneden\` eller \`2026-12-15\`. Skriv \`/opp help dates\` for mer.`;
    case 'bad-date-range':
      return `${key(p.fromKey)} (${p.from}) må være før ${key(p.toKey)} (${p.to}), ellers kan ingen salgsmulighet samsvare. ${helpPointer()}`;
    case 'bad-date-formula':
      return `${subject(p.field)} trenger en datoformel som \`2W\`, \`10D\`, \`1M\` eller \`CM\`, ikke ${code(p.text)}. ${helpPointer()}`;
    case 'bad-opportunity-no':
      return `${code(p.text)} er ikke et salgsmulighetsnummer; de ser ut som \`OP00001\`. ${helpPointer()}`;
    case 'bad-code':
      return `${code(p.text)} er ikke en gyldig kode for ${field(p.field)}: koder kan bare inneholde bokstaver, sifre, \`.\`, \`_\`, \`/\` og \`-\`. ${helpPointer()}`;
    case 'bad-choice':
      return `${subject(p.field)} må være ${list(p.allowed.map(code), 'or')}, ikke ${code(p.text)}. ${helpPointer()}`;
    case 'bad-mention':
      return `${subject(p.field)} trenger en brukeromtale (skriv \`@\` og velg personen fra listen i Slack), ikke ${code(p.text)}. ${helpPointer()}`;
    case 'bad-channel':
      return `${subject(p.field)} trenger en kanalomtale (skriv \`#\` og velg kanalen fra listen i Slack), ikke ${code(p.text)}. ${helpPointer()}`;
    case 'bad-email':
      return `${subject(p.field)} trenger en e-postadresse som \`ann@acme.com\`, ikke ${code(p.text)}. ${helpPointer()}`;
    case 'bad-value-filter':
      return `${key('value')} trenger en sammenligning og et beløp, som \`&gt;50k\`, \`&gt;=10000\` eller \`&lt;5000\`, ikke ${code(p.text)}. ${helpPointer(p.helpTopic)}`;
    case 'bad-time':
      return `${subject(p.field)} trenger et klokkeslett som \`09:00\` eller \`17:30\`, ikke ${code(p.text)}. ${helpPointer()}`;
    case 'bad-time-zone':
      return `${subject(p.field)} trenger navnet på en tidssone som \`Europe/Oslo\` eller \`America/New_York\`, ikke ${code(p.text)}. ${helpPointer()}`;
    case 'bad-currency':
      return `${subject(p.field)} trenger en valutakode på tre bokstaver som \`NOK\` eller \`EUR\`, ikke ${code(p.text)}. ${helpPointer()}`;
    case 'bad-quote-line': {
      const start = `Tilbudslinje ${p.index} (${code(p.text)}):`;
      const part = p.part;
      switch (part) {
        case 'format':
          return `${start} skriv den som \`beskrivelse;antall;enhetspris\` med valgfri \`;rabatt %\`, f.eks. \`line:"Lisenser;10;1200;5"\`. ${helpPointer('quote')}`;
        case 'description':
          return `${start} beskrivelsen ${code(p.value)} må ha 1 til 100 tegn. ${helpPointer('quote')}`;
        case 'quantity':
          return `${start} ${numberIssueText('antallet', p.value, p.issue, QUANTITY_RULES, grouped)} ${helpPointer('quote')}`;
        case 'unit-price':
          return `${start} ${numberIssueText('enhetsprisen', p.value, p.issue, AMOUNT_RULES, grouped)} ${helpPointer('quote')}`;
        case 'discount':
          return `${start} ${numberIssueText('rabattprosenten', p.value, p.issue, PERCENT_RULES, grouped)} ${helpPointer('quote')}`;
        default:
          return assertNever(part);
      }
    }
    case 'bad-activity-step': {
      const start = `Aktivitetstrinn ${p.index} (${code(p.text)}):`;
      const part = p.part;
      switch (part) {
        case 'format':
          return `${start} skriv det som \`beskrivelse;datoformel\`, f.eks. \`step:"Ring kjøperen;1W"\`. ${helpPointer('activity')}`;
        case 'description':
          return `${start} beskrivelsen ${code(p.value)} må ha 1 til 100 tegn. ${helpPointer('activity')}`;
        case 'formula':
          return `${start} ${code(p.value)} er ikke en datoformel som \`0D\`, \`1W\` eller \`CM\`. ${helpPointer('activity')}`;
        default:
          return assertNever(part);
      }
    }
    default:
      return assertNever(p);
  }
}

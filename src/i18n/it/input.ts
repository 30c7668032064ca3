// Italian sentences for every mistake a user can make in `/opp` text (Slack mrkdwn): the same problems as
// src/i18n/en/input.ts. Command keywords and keys stay English; the values people type are read in Italian.
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
  return safe.trim() === '' ? '(niente)' : `\`${safe}\``;
}

const key = (name: string): string => code(`${name}:`);

function list(items: readonly string[], conjunction: 'and' | 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction === 'and' ? 'e' : 'o'} ${items[items.length - 1] ?? ''}`;
}

/** A number written out in full, grouped as the reader's locale does: "999.999.999.999,99". */
type Grouped = (decimal: string) => string;

const ARGUMENTS: Record<ArgumentName, { name: string; hint: string }> = {
  'opportunity-no': { name: 'il numero dell’opportunità', hint: ' (come `OP00001`)' },
  code: { name: 'il codice', hint: ' (fino a 10 lettere o cifre)' },
  description: { name: 'la descrizione', hint: '' },
  cycle: { name: 'il codice del ciclo di vendita', hint: ' (`/opp cycle list` elenca quelli di quest’area di lavoro)' },
  'stage-no': { name: 'il numero della fase', hint: ' (come `2`)' },
  outcome: { name: 'l’esito', hint: ' (`won` o `lost`)' },
  'contact-name': { name: 'il nome del contatto', hint: '' },
  'contact-type': { name: 'il tipo di contatto', hint: ' (`company` o `person`, dopo il nome)' },
  contact: { name: 'il contatto', hint: ' (nome o numero di un contatto società)' },
  scope: { name: 'l’ambito dell’elenco', hint: ' (`mine`, `all` o `@utente`)' },
  channel: { name: 'il canale', hint: ' (digitare `#` e sceglierlo)' },
  frequency: { name: 'la frequenza', hint: ' (`daily`, `weekly` o `monthly`)' },
  user: { name: 'l’utente', hint: ' (digitare `@` e scegliere la persona)' },
  role: { name: 'il ruolo', hint: ' (`admin`, `manager` o `rep`)' },
  search: { name: 'il testo da cercare', hint: '' },
  language: { name: 'la lingua', hint: ' (`en`, `fr`, `it`, `nb`, `zh` o `auto`)' },
  note: { name: 'la nota', hint: ' (cosa è successo, dopo il numero dell’opportunità)' },
  'stats-target': {
    name: 'un numero di opportunità o un ciclo',
    hint: ' (`/opp stats &lt;n. opportunità&gt;`, oppure `/opp stats cycle:&lt;CODICE&gt;` con un codice da `/opp cycle list`)',
  },
  'alert-kind': { name: 'il tipo di avviso', hint: ' (`created`, `stage`, `won`, `lost`, `reassigned` o `all`)' },
  'alert-no': { name: 'il numero dell’avviso', hint: ' (`/opp alerts` li elenca)' },
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The field as the subject of a sentence: "`close:`" or "Il numero della fase". */
function subject(field: Field): string {
  return field.type === 'key' ? key(field.key) : capitalize(ARGUMENTS[field.name].name);
}

/** The field inside a sentence: "`close:`" or "il numero della fase". */
function field(f: Field): string {
  return f.type === 'key' ? key(f.key) : ARGUMENTS[f.name].name;
}

/** Where to find examples: the problem's help topic (set by the parser), or help as a whole. */
function helpPointer(topic?: string): string {
  return topic === undefined
    ? 'Digitare `/opp help` per alcuni esempi.'
    : `Digitare \`/opp help ${topic}\` per alcuni esempi.`;
}

function didYouMean(suggestion: string | undefined, asKey = false): string {
  if (suggestion === undefined) return '';
  return ` Forse si intendeva ${asKey ? key(suggestion) : code(suggestion)}?`;
}

function rangeText(rules: NumberRules, grouped: Grouped): string {
  return `tra ${grouped(rules.min.toFixed())} e ${grouped(rules.max.toFixed())}`;
}

/** What a quote line's number is called, with its article. */
const NUMBER_NAMES = {
  quantity: 'la quantità',
  'unit price': 'il prezzo unitario',
  'discount %': 'la % sconto',
} as const;

function numberIssueText(
  what: 'quantity' | 'unit price' | 'discount %',
  value: string,
  issue: NumberIssue | undefined,
  rules: NumberRules,
  grouped: Grouped,
): string {
  const name = NUMBER_NAMES[what];
  switch (issue) {
    case undefined:
    case 'not-a-number':
      return `${name} ${code(value)} non è un numero.`;
    case 'ambiguous':
      return `${name} ${code(value)} potrebbe indicare decimali o migliaia; scriverlo senza punto o con al massimo ${rules.maxDecimals} decimali.`;
    case 'too-many-decimals':
      return `${name} ${code(value)} ha più di ${rules.maxDecimals} decimali.`;
    case 'out-of-range':
      return `${name} ${code(value)} deve essere ${rangeText(rules, grouped)}.`;
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
      return `Il comando è lungo ${grouped(String(p.length))} caratteri; \`/opp\` ne accetta al massimo ${grouped(String(p.max))}. ${helpPointer()}`;
    case 'unknown-subcommand':
      return `${code(p.word)} non è un comando di \`/opp\`.${didYouMean(p.suggestion)} Digitare \`/opp help\` per l’elenco.`;
    case 'unknown-action': {
      const options = list(p.allowed.map(code), 'or');
      const start =
        p.word === undefined
          ? `\`/opp ${p.subcommand}\` deve essere seguito da ${options}.`
          : `\`/opp ${p.subcommand}\` non riconosce ${code(p.word)}; usare ${options}.`;
      return `${start}${didYouMean(p.suggestion)} ${helpPointer(p.helpTopic)}`;
    }
    case 'unknown-help-topic':
      return `Non esiste un argomento della guida ${code(p.topic)}.${didYouMean(p.suggestion)} Digitare \`/opp help\` per l’elenco.`;
    case 'unknown-key': {
      const accepted =
        p.allowed.length === 0
          ? `\`/opp ${p.subcommand}\` non accetta chiavi, quindi ${key(p.key)} non viene riconosciuto.`
          : `\`/opp ${p.subcommand}\` non ha la chiave ${key(p.key)}; accetta ${list(p.allowed.map(key), 'and')}.`;
      return `${accepted}${didYouMean(p.suggestion, true)} ${helpPointer(p.helpTopic)}`;
    }
    case 'duplicate-key':
      return `${key(p.key)} è stato indicato più di una volta; indicarlo una sola volta. ${helpPointer()}`;
    case 'missing-value':
      return `Dopo ${key(p.key)} non c’è nulla; scrivere il valore subito dopo i due punti (tra virgolette se contiene due punti). ${helpPointer()}`;
    case 'missing-argument': {
      const argument = ARGUMENTS[p.what];
      return `\`/opp ${p.subcommand}\` richiede ${argument.name}${argument.hint}. Sintassi: ${code(p.usage)}. ${helpPointer(p.helpTopic)}`;
    }
    case 'missing-keys':
      return `\`/opp ${p.subcommand}\` richiede ${list(p.keys.map(key), 'and')}. Sintassi: ${code(p.usage)}. ${helpPointer(p.helpTopic)}`;
    case 'nothing-to-change':
      return `\`/opp ${p.subcommand}\` richiede almeno uno tra ${list(p.keys.map(key), 'or')}. ${helpPointer(p.helpTopic)}`;
    case 'unexpected-text':
      return `\`/opp ${p.subcommand}\` non prevede ${code(p.text)} in quella posizione. Sintassi: ${code(p.usage)}. ${helpPointer(p.helpTopic)}`;
    case 'conflicting-arguments':
      return `\`/opp ${p.subcommand}\` accetta ${code(p.first)} oppure ${code(p.second)}, non entrambi. ${helpPointer(p.helpTopic)}`;
    case 'key-not-applicable': {
      const reason = p.reason;
      switch (reason) {
        case 'weekly-only':
          return `${key(p.key)} vale solo per gli abbonamenti \`weekly\`; rimuoverlo oppure scegliere \`weekly\`. ${helpPointer('subscribe')}`;
        case 'person-only':
          return `${key(p.key)} vale solo per un contatto \`person\` (indica la società della persona). ${helpPointer('contact')}`;
        default:
          return assertNever(reason);
      }
    }
    case 'unbalanced-quote':
      return `Le virgolette aperte in ${code(p.text)} non vengono mai chiuse; aggiungere le virgolette di chiusura. ${helpPointer()}`;
    case 'text-after-quote':
      return `Le virgolette di chiusura in ${code(p.text)} sono seguite da altro testo; inserire uno spazio dopo di esse o spostare il testo tra le virgolette. ${helpPointer()}`;
    case 'too-many':
      return `Sono stati indicati più di ${p.max} valori ${key(p.key)}; il massimo è ${p.max}. ${helpPointer()}`;
    case 'too-long':
      return `${subject(p.field)} ha ${p.length} caratteri; il massimo è ${p.max}. ${helpPointer()}`;
    case 'bad-number':
      return `Per ${field(p.field)} serve un importo come \`12000\`, \`12.000\` o \`12000,50\`, non ${code(p.text)}. ${helpPointer()}`;
    case 'other-currency':
      return `${subject(p.field)}: ${code(p.text)} è scritto in un’altra valuta, mentre gli importi di quest’area di lavoro sono in ${p.currency}: scriverlo in ${p.currency} oppure senza simbolo di valuta. ${helpPointer()}`;
    case 'ambiguous-number':
      return `In ${field(p.field)}, ${code(p.text)} può essere letto come decimale o come migliaia; scriverlo senza punto (\`12000\`) o con al massimo 2 decimali (\`12,00\`). ${helpPointer()}`;
    case 'too-many-decimals':
      return `${subject(p.field)} accetta al massimo ${p.max} decimali; ${code(p.text)} ne ha di più. ${helpPointer()}`;
    case 'number-out-of-range':
      return `${subject(p.field)} deve essere tra ${grouped(p.min)} e ${grouped(p.max)}; ${code(p.text)} non lo è. ${helpPointer()}`;
    case 'bad-percent':
      return `Per ${field(p.field)} serve una percentuale come \`40\` o \`40%\`, non ${code(p.text)}. ${helpPointer()}`;
    case 'bad-integer':
      return `${subject(p.field)} deve essere un numero intero da ${grouped(String(p.min))} a ${grouped(String(p.max))}, non ${code(p.text)}. ${helpPointer()}`;
    case 'bad-date':
      return `Per ${field(p.field)} serve una data e ${code(p.text)} non è una data leggibile; provare \`oggi\`, \`venerdì prossimo\`, \`fra 30 giorni\`, \`fine mese\` o \`15/12/2026\`. Digitare \`/opp help dates\` per altri esempi.`;
    case 'bad-date-range':
      return `${key(p.fromKey)} (${p.from}) deve essere precedente a ${key(p.toKey)} (${p.to}), altrimenti nessuna opportunità può corrispondere. ${helpPointer()}`;
    case 'bad-date-formula':
      return `Per ${field(p.field)} serve una formula data come \`2W\`, \`10D\`, \`1M\` o \`CM\`, non ${code(p.text)}. ${helpPointer()}`;
    case 'bad-opportunity-no':
      return `${code(p.text)} non è un numero di opportunità; i numeri hanno la forma \`OP00001\`. ${helpPointer()}`;
    case 'bad-code':
      return `${code(p.text)} non è un codice valido per ${field(p.field)}: i codici possono contenere solo lettere, cifre, \`.\`, \`_\`, \`/\` e \`-\`. ${helpPointer()}`;
    case 'bad-choice':
      return `${subject(p.field)} deve essere ${list(p.allowed.map(code), 'or')}, non ${code(p.text)}. ${helpPointer()}`;
    case 'bad-mention':
      return `Per ${field(p.field)} serve la menzione di un utente (digitare \`@\` e scegliere la persona dall’elenco di Slack), non ${code(p.text)}. ${helpPointer()}`;
    case 'bad-channel':
      return `Per ${field(p.field)} serve la menzione di un canale (digitare \`#\` e scegliere il canale dall’elenco di Slack), non ${code(p.text)}. ${helpPointer()}`;
    case 'bad-email':
      return `Per ${field(p.field)} serve un indirizzo e-mail come \`anna@acme.it\`, non ${code(p.text)}. ${helpPointer()}`;
    case 'bad-value-filter':
      return `Per ${key('value')} serve un confronto seguito da un importo, come \`&gt;50k\`, \`&gt;=10000\` o \`&lt;5000\`, non ${code(p.text)}. ${helpPointer(p.helpTopic)}`;
    case 'bad-time':
      return `Per ${field(p.field)} serve un’ora del giorno come \`09:00\` o \`17:30\`, non ${code(p.text)}. ${helpPointer()}`;
    case 'bad-time-zone':
      return `Per ${field(p.field)} serve il nome di un fuso orario come \`Europe/Rome\` o \`America/New_York\`, non ${code(p.text)}. ${helpPointer()}`;
    case 'bad-currency':
      return `Per ${field(p.field)} serve un codice valuta di tre lettere come \`EUR\` o \`CHF\`, non ${code(p.text)}. ${helpPointer()}`;
    case 'bad-quote-line': {
      const start = `Riga offerta ${p.index} (${code(p.text)}):`;
      const part = p.part;
      switch (part) {
        case 'format':
          return `${start} scriverla come \`descrizione;quantità;prezzo unitario\` con un eventuale \`;% sconto\`, es. \`line:"Licenze;10;1200;5"\`. ${helpPointer('quote')}`;
        case 'description':
          return `${start} la descrizione ${code(p.value)} deve avere da 1 a 100 caratteri. ${helpPointer('quote')}`;
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
      const start = `Passaggio attività ${p.index} (${code(p.text)}):`;
      const part = p.part;
      switch (part) {
        case 'format':
          return `${start} scriverlo come \`descrizione;formula data\`, es. \`step:"Chiamare l’acquirente;1W"\`. ${helpPointer('activity')}`;
        case 'description':
          return `${start} la descrizione ${code(p.value)} deve avere da 1 a 100 caratteri. ${helpPointer('activity')}`;
        case 'formula':
          return `${start} ${code(p.value)} non è una formula data come \`0D\`, \`1W\` o \`CM\`. ${helpPointer('activity')}`;
        default:
          return assertNever(part);
      }
    }
    default:
      return assertNever(p);
  }
}

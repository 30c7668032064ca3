// French (Canada) sentences for every mistake a user can make in `/opp` text (Slack mrkdwn). Command
// keywords and keys stay English (the grammar is English in every language); values people type may be
// French (dates, amounts, oui/non, gagnée/perdue).
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
  return safe.trim() === '' ? '(rien)' : `\`${safe}\``;
}

const key = (name: string): string => code(`${name}:`);

function list(items: readonly string[], conjunction: 'and' | 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction === 'and' ? 'et' : 'ou'} ${items[items.length - 1] ?? ''}`;
}

/** A number written out in full, grouped as the reader's locale does: "999 999 999 999,99". */
type Grouped = (decimal: string) => string;

/** Each argument with its article, as French needs it in a sentence. */
const ARGUMENTS: Record<ArgumentName, { name: string; hint: string }> = {
  'opportunity-no': { name: 'le numéro d’opportunité', hint: ' (comme `OP00001`)' },
  code: { name: 'le code', hint: ' (jusqu’à 10 lettres ou chiffres)' },
  description: { name: 'la description', hint: '' },
  cycle: { name: 'le code du cycle de vente', hint: ' (`/opp cycle list` liste ceux de cet espace de travail)' },
  'stage-no': { name: 'le numéro d’étape', hint: ' (comme `2`)' },
  outcome: { name: 'le résultat', hint: ' (`won` ou `lost`; `gagnée` ou `perdue` aussi)' },
  'contact-name': { name: 'le nom du contact', hint: '' },
  'contact-type': { name: 'le type de contact', hint: ' (`company` ou `person`, après le nom)' },
  contact: { name: 'le contact', hint: ' (le nom ou le numéro d’un contact entreprise)' },
  scope: { name: 'la portée de la liste', hint: ' (`mine`, `all` ou `@utilisateur`)' },
  channel: { name: 'le canal', hint: ' (tapez `#` et choisissez-le)' },
  frequency: { name: 'la fréquence', hint: ' (`daily`, `weekly` ou `monthly`)' },
  user: { name: 'l’utilisateur', hint: ' (tapez `@` et choisissez la personne)' },
  role: { name: 'le rôle', hint: ' (`admin`, `manager` ou `rep`)' },
  search: { name: 'le texte recherché', hint: '' },
  language: { name: 'la langue', hint: ' (`en`, `fr`, `it`, `nb`, `zh` ou `auto`)' },
  note: { name: 'la note', hint: ' (ce qui s’est passé, après le numéro d’opportunité)' },
  'stats-target': {
    name: 'un numéro d’opportunité ou un cycle',
    hint: ' (`/opp stats &lt;no opportunité&gt;`, ou `/opp stats cycle:&lt;CODE&gt;` avec un code de `/opp cycle list`)',
  },
  'alert-kind': { name: 'le type d’alerte', hint: ' (`created`, `stage`, `won`, `lost`, `reassigned` ou `all`)' },
  'alert-no': { name: 'le numéro d’alerte', hint: ' (`/opp alerts` les liste)' },
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The field as the subject of a sentence: "`close:`" or "Le numéro d’étape". */
function subject(field: Field): string {
  return field.type === 'key' ? key(field.key) : capitalize(ARGUMENTS[field.name].name);
}

/** The field inside a sentence: "`close:`" or "le numéro d’étape". */
function field(f: Field): string {
  return f.type === 'key' ? key(f.key) : ARGUMENTS[f.name].name;
}

/** Where to find examples: the problem's help topic (set by the parser), or help as a whole. */
function helpPointer(topic?: string): string {
  return topic === undefined
    ? 'Tapez `/opp help` pour voir des exemples.'
    : `Tapez \`/opp help ${topic}\` pour voir des exemples.`;
}

function didYouMean(suggestion: string | undefined, asKey = false): string {
  if (suggestion === undefined) return '';
  return ` Vouliez-vous dire ${asKey ? key(suggestion) : code(suggestion)}?`;
}

function rangeText(rules: NumberRules, grouped: Grouped): string {
  return `entre ${grouped(rules.min.toFixed())} et ${grouped(rules.max.toFixed())}`;
}

/** `what` is the value's name with its article: "la quantité", "le prix unitaire". */
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
      return `${what} ${code(value)} n’est pas un nombre.`;
    case 'ambiguous':
      return `${what} ${code(value)} peut se lire comme une décimale ou comme des milliers; écrivez la valeur sans le point ou avec au plus ${rules.maxDecimals} décimales.`;
    case 'too-many-decimals':
      return `${what} ${code(value)} a plus de ${rules.maxDecimals} décimales.`;
    case 'out-of-range':
      return `${what} ${code(value)} doit être ${rangeText(rules, grouped)}.`;
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
      return `Votre commande compte ${grouped(String(p.length))} caractères; \`/opp\` en accepte au plus ${grouped(String(p.max))}. ${helpPointer()}`;
    case 'unknown-subcommand':
      return `${code(p.word)} n’est pas une commande \`/opp\`.${didYouMean(p.suggestion)} Tapez \`/opp help\` pour voir la liste.`;
    case 'unknown-action': {
      const options = list(p.allowed.map(code), 'or');
      const start =
        p.word === undefined
          ? `\`/opp ${p.subcommand}\` doit être suivie de ${options}.`
          : `\`/opp ${p.subcommand}\` ne connaît pas ${code(p.word)}; utilisez ${options}.`;
      return `${start}${didYouMean(p.suggestion)} ${helpPointer(p.helpTopic)}`;
    }
    case 'unknown-help-topic':
      return `Il n’y a pas de rubrique d’aide ${code(p.topic)}.${didYouMean(p.suggestion)} Tapez \`/opp help\` pour voir la liste.`;
    case 'unknown-key': {
      const accepted =
        p.allowed.length === 0
          ? `\`/opp ${p.subcommand}\` n’accepte aucune clé; ${key(p.key)} n’est donc pas compris.`
          : `\`/opp ${p.subcommand}\` n’a pas de clé ${key(p.key)}; elle accepte ${list(p.allowed.map(key), 'and')}.`;
      return `${accepted}${didYouMean(p.suggestion, true)} ${helpPointer(p.helpTopic)}`;
    }
    case 'duplicate-key':
      return `Vous avez indiqué ${key(p.key)} plus d’une fois; indiquez-le une seule fois. ${helpPointer()}`;
    case 'missing-value':
      return `Rien ne suit ${key(p.key)}; placez la valeur juste après le deux-points (entre guillemets si elle contient un deux-points). ${helpPointer()}`;
    case 'missing-argument': {
      const argument = ARGUMENTS[p.what];
      return `\`/opp ${p.subcommand}\` exige ${argument.name}${argument.hint}. Syntaxe : ${code(p.usage)}. ${helpPointer(p.helpTopic)}`;
    }
    case 'missing-keys':
      return `\`/opp ${p.subcommand}\` exige ${list(p.keys.map(key), 'and')}. Syntaxe : ${code(p.usage)}. ${helpPointer(p.helpTopic)}`;
    case 'nothing-to-change':
      return `\`/opp ${p.subcommand}\` exige au moins une des clés ${list(p.keys.map(key), 'or')}. ${helpPointer(p.helpTopic)}`;
    case 'unexpected-text':
      return `\`/opp ${p.subcommand}\` n’attendait pas ${code(p.text)} à cet endroit. Syntaxe : ${code(p.usage)}. ${helpPointer(p.helpTopic)}`;
    case 'conflicting-arguments':
      return `\`/opp ${p.subcommand}\` accepte soit ${code(p.first)}, soit ${code(p.second)}, mais pas les deux. ${helpPointer(p.helpTopic)}`;
    case 'key-not-applicable': {
      const reason = p.reason;
      switch (reason) {
        case 'weekly-only':
          return `${key(p.key)} ne s’applique qu’aux abonnements \`weekly\`; retirez-le ou abonnez-vous en \`weekly\`. ${helpPointer('subscribe')}`;
        case 'person-only':
          return `${key(p.key)} ne s’applique qu’à un contact \`person\` (il désigne l’entreprise de la personne). ${helpPointer('contact')}`;
        default:
          return assertNever(reason);
      }
    }
    case 'unbalanced-quote':
      return `Le guillemet qui commence à ${code(p.text)} n’est jamais fermé; ajoutez le guillemet fermant. ${helpPointer()}`;
    case 'text-after-quote':
      return `Le guillemet fermant de ${code(p.text)} est suivi d’autre texte; ajoutez une espace après celui-ci ou placez le texte entre les guillemets. ${helpPointer()}`;
    case 'too-many':
      return `Vous avez indiqué plus de ${p.max} valeurs ${key(p.key)}; le maximum est ${p.max}. ${helpPointer()}`;
    case 'too-long':
      return `${subject(p.field)} compte ${p.length} caractères; le maximum est ${p.max}. ${helpPointer()}`;
    case 'bad-number':
      return `${subject(p.field)} exige un montant comme \`12000\`, \`12 000\` ou \`12000,50\`, et non ${code(p.text)}. ${helpPointer()}`;
    case 'other-currency':
      return `Dans ${field(p.field)}, ${code(p.text)} est exprimé dans une autre devise, alors que les montants de cet espace de travail sont en ${p.currency}; écrivez-le en ${p.currency} ou sans symbole monétaire. ${helpPointer()}`;
    case 'ambiguous-number':
      return `Dans ${field(p.field)}, ${code(p.text)} peut se lire comme une décimale ou comme des milliers; écrivez-le sans le point (\`12000\`) ou avec au plus 2 décimales (\`12,00\`). ${helpPointer()}`;
    case 'too-many-decimals':
      return `${subject(p.field)} accepte au plus ${p.max} décimales; ${code(p.text)} en a davantage. ${helpPointer()}`;
    case 'number-out-of-range':
      return `${subject(p.field)} doit être entre ${grouped(p.min)} et ${grouped(p.max)}; ${code(p.text)} ne l’est pas. ${helpPointer()}`;
    case 'bad-percent':
      return `${subject(p.field)} exige un pourcentage comme \`40\` ou \`40 %\`, et non ${code(p.text)}. ${helpPointer()}`;
    case 'bad-integer':
      return `${subject(p.field)} doit être un nombre entier de ${grouped(String(p.min))} à ${grouped(String(p.max))}, et non ${code(p.text)}. ${helpPointer()}`;
    case 'bad-date':
      return `${subject(p.field)} exige une date, et je ne peux pas lire ${code(p.text)}; essayez \`aujourd'hui\`, \`vendredi prochain\`, \`dans 30 jours\`, \`fin du mois\` ou \`2026-12-15\`. Tapez \`/opp help dates\` pour en savoir plus.`;
    case 'bad-date-range':
      return `${key(p.fromKey)} (${p.from}) doit précéder ${key(p.toKey)} (${p.to}), sinon aucune opportunité ne peut correspondre. ${helpPointer()}`;
    case 'bad-date-formula':
      return `${subject(p.field)} exige une formule date comme \`2W\`, \`10D\`, \`1M\` ou \`CM\`, et non ${code(p.text)}. ${helpPointer()}`;
    case 'bad-opportunity-no':
      return `${code(p.text)} n’est pas un numéro d’opportunité; ceux-ci ressemblent à \`OP00001\`. ${helpPointer()}`;
    case 'bad-code':
      return `${code(p.text)} n’est pas un code valide pour ${field(p.field)} : un code ne peut contenir que des lettres, des chiffres, \`.\`, \`_\`, \`/\` et \`-\`. ${helpPointer()}`;
    case 'bad-choice':
      return `${subject(p.field)} doit être ${list(p.allowed.map(code), 'or')}, et non ${code(p.text)}. ${helpPointer()}`;
    case 'bad-mention':
      return `${subject(p.field)} exige la mention d’un utilisateur (tapez \`@\` et choisissez la personne dans la liste de Slack), et non ${code(p.text)}. ${helpPointer()}`;
    case 'bad-channel':
      return `${subject(p.field)} exige la mention d’un canal (tapez \`#\` et choisissez le canal dans la liste de Slack), et non ${code(p.text)}. ${helpPointer()}`;
    case 'bad-email':
      return `${subject(p.field)} exige une adresse courriel comme \`ann@acme.com\`, et non ${code(p.text)}. ${helpPointer()}`;
    case 'bad-value-filter':
      return `${key('value')} exige une comparaison et un montant, comme \`&gt;50k\`, \`&gt;=10000\` ou \`&lt;5000\`, et non ${code(p.text)}. ${helpPointer(p.helpTopic)}`;
    case 'bad-time':
      return `${subject(p.field)} exige une heure comme \`09:00\` ou \`17:30\`, et non ${code(p.text)}. ${helpPointer()}`;
    case 'bad-time-zone':
      return `${subject(p.field)} exige un nom de fuseau horaire comme \`America/Toronto\` ou \`Europe/Paris\`, et non ${code(p.text)}. ${helpPointer()}`;
    case 'bad-currency':
      return `${subject(p.field)} exige un code de devise de trois lettres comme \`CAD\` ou \`EUR\`, et non ${code(p.text)}. ${helpPointer()}`;
    case 'bad-quote-line': {
      const start = `Ligne de devis ${p.index} (${code(p.text)}) :`;
      const part = p.part;
      switch (part) {
        case 'format':
          return `${start} écrivez-la sous la forme \`description;quantité;prix unitaire\`, avec un \`;% remise\` facultatif, p. ex. \`line:"Licences;10;1200;5"\`. ${helpPointer('quote')}`;
        case 'description':
          return `${start} la description ${code(p.value)} doit compter de 1 à 100 caractères. ${helpPointer('quote')}`;
        case 'quantity':
          return `${start} ${numberIssueText('la quantité', p.value, p.issue, QUANTITY_RULES, grouped)} ${helpPointer('quote')}`;
        case 'unit-price':
          return `${start} ${numberIssueText('le prix unitaire', p.value, p.issue, AMOUNT_RULES, grouped)} ${helpPointer('quote')}`;
        case 'discount':
          return `${start} ${numberIssueText('le % remise', p.value, p.issue, PERCENT_RULES, grouped)} ${helpPointer('quote')}`;
        default:
          return assertNever(part);
      }
    }
    case 'bad-activity-step': {
      const start = `Étape d’activité ${p.index} (${code(p.text)}) :`;
      const part = p.part;
      switch (part) {
        case 'format':
          return `${start} écrivez-la sous la forme \`description;formule date\`, p. ex. \`step:"Appeler l'acheteur;1W"\`. ${helpPointer('activity')}`;
        case 'description':
          return `${start} la description ${code(p.value)} doit compter de 1 à 100 caractères. ${helpPointer('activity')}`;
        case 'formula':
          return `${start} ${code(p.value)} n’est pas une formule date comme \`0D\`, \`1W\` ou \`CM\`. ${helpPointer('activity')}`;
        default:
          return assertNever(part);
      }
    }
    default:
      return assertNever(p);
  }
}

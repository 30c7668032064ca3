// `/opp` text → OppCommand. Pure: the caller passes the instant, the user's zone, date order and language
// (the values people type — dates, amounts, yes/no, won/lost — are read in it; keywords stay English).
// Every mistake in the text throws InputError; anything else thrown is a bug.
import type { NumberReading } from '../../domain/amounts.ts';
import { currencyWritten, namesCurrency, readAmount, readPercent, readQuantity } from '../../domain/amounts.ts';
import { ALERT_KINDS, type AlertKind, type ValueFilter, type ValueOperator } from '../../domain/alerts.ts';
import { Decimal } from '../../domain/decimal.ts';
import type { DateContext as HumanDateContext } from '../../domain/human-date.ts';
import type { LocalDate } from '../../domain/local-date.ts';
import { NOTE_MAX_LENGTH } from '../../domain/opportunity-edit.ts';
import { wonLostWords } from '../../domain/typed-input/answer-words.ts';
import type { InputLanguage } from '../../domain/typed-input/language.ts';
import type { ArgumentName, Field } from './input-problems.ts';
import { argumentField, fail, keyField } from './input-problems.ts';
import type {
  ActivityStep,
  ListFilters,
  ListScope,
  OppCommand,
  OpportunityNo,
  QuoteLine,
  StageChanges,
} from './opp-command.ts';
import { notificationMode, quietHours } from './notify.ts';
import { suggest } from './suggest.ts';
import type { Pair, Tokens, Word } from './tokenize.ts';
import { isSpace, snippet, tokenize } from './tokenize.ts';
import type { HelpTopic, SubcommandId } from './usage.ts';
import { commandUsage, FIRST_WORDS, GROUPS, HELP_TOPICS, SETUP_WORDS, SUBCOMMANDS } from './usage.ts';
import {
  amount,
  channelMention,
  choice,
  code,
  currencyCode,
  date,
  dateFormula,
  email,
  freeText,
  integer,
  languageChoice,
  MAX_DESCRIPTION,
  isOpportunityNo,
  isUserMention,
  opportunityNo,
  percent,
  plainText,
  timeOfDay,
  timeZone,
  userMention,
  weekday,
  wonOrLost,
  yesNo,
} from './values.ts';

export const MAX_TEXT = 4000;
export { NOTE_MAX_LENGTH };
export const MAX_QUOTE_LINES = 100;
export const MAX_ACTIVITY_STEPS = 50;
export const MAX_STAGE_NO = 9999;
/** Digests list an opportunity as stale after this many days without a change at most. */
export const MAX_STALE_DAYS = 365;

/** Parses the `text` of an `/opp` slash command. Empty text is `help`. */
/** How typed dates and amounts read: the person's clock, zone and language, and the workspace's currency. */
export interface DateContext extends HumanDateContext {
  /** The workspace's currency (ISO 4217): an amount written in another one is refused. */
  readonly currency?: string;
}

export function parseOppCommand(text: string, ctx: DateContext): OppCommand {
  if (text.length > MAX_TEXT) fail({ kind: 'text-too-long', length: text.length, max: MAX_TEXT });
  let [first, rest] = splitFirstWord(text);
  if (first === '') return { name: 'help' };
  let word = first.toLowerCase();
  if (word === 'help' || word === '?') return parseHelp(rest);
  if (word === 'setup') {
    [first, rest] = splitFirstWord(rest);
    word = first.toLowerCase();
    if (!(SETUP_WORDS as readonly string[]).includes(word)) {
      const suggestion = suggest(word, SETUP_WORDS);
      fail({
        kind: 'unknown-action',
        subcommand: 'setup',
        allowed: [...SETUP_WORDS],
        ...(first === '' ? {} : { word: snippet(plainText(first)) }),
        ...(suggestion ? { suggestion } : {}),
      });
    }
  }
  if (Object.hasOwn(GROUPS, word)) {
    const group = word as keyof typeof GROUPS;
    const allowed: readonly string[] = GROUPS[group];
    const [actionWord, actionRest] = splitFirstWord(rest);
    const action = actionWord.toLowerCase();
    if (!allowed.includes(action)) {
      const suggestion = suggest(action, allowed);
      fail({
        kind: 'unknown-action',
        subcommand: group,
        allowed: [...allowed],
        ...(actionWord === '' ? {} : { word: snippet(plainText(actionWord)) }),
        ...(suggestion ? { suggestion } : {}),
      });
    }
    return parseSubcommand(`${group} ${action}` as SubcommandId, actionRest, ctx);
  }
  if (word === 'alert') {
    // `alert remove <no>` ends an alert; anything else after `alert` sets one up.
    const [second, afterSecond] = splitFirstWord(rest);
    if (second.toLowerCase() === 'remove') return parseSubcommand('alert remove', afterSecond, ctx);
  }
  if (Object.hasOwn(SUBCOMMANDS, word)) return parseSubcommand(word as SubcommandId, rest, ctx);
  const suggestion = suggest(word, FIRST_WORDS);
  return fail({ kind: 'unknown-subcommand', word: snippet(plainText(first)), ...(suggestion ? { suggestion } : {}) });
}

/** The first whitespace-separated word and the rest (untrimmed at its end). */
function splitFirstWord(text: string): [string, string] {
  let start = 0;
  while (start < text.length && isSpace(text[start])) start++;
  let end = start;
  while (end < text.length && !isSpace(text[end])) end++;
  return [text.slice(start, end), text.slice(end)];
}

function parseHelp(rest: string): OppCommand {
  const words = rest
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '' && w !== '/opp');
  if (words[0] === 'setup' && words.length > 1) words.shift();
  const topicWord = words[0];
  if (topicWord === undefined) return { name: 'help' };
  const topic = (HELP_TOPICS as readonly string[]).includes(topicWord) ? (topicWord as HelpTopic) : undefined;
  if (!topic) {
    const suggestion = suggest(topicWord, HELP_TOPICS);
    fail({ kind: 'unknown-help-topic', topic: snippet(plainText(topicWord)), ...(suggestion ? { suggestion } : {}) });
  }
  return { name: 'help', topic };
}

/** The tokens of one subcommand, with helpers that consume them and report precise problems. */
class Args {
  private readonly words: Word[];
  private readonly pairs: Map<string, Pair[]>;

  constructor(
    readonly id: SubcommandId,
    tokens: Tokens,
    readonly ctx: DateContext,
  ) {
    this.words = [...tokens.words];
    this.pairs = new Map();
    for (const pair of tokens.pairs) this.pairs.set(pair.key, [...(this.pairs.get(pair.key) ?? []), pair]);
  }

  get usage(): string {
    return commandUsage(this.id);
  }

  hasWords(): boolean {
    return this.words.length > 0;
  }

  hasKeys(): boolean {
    return this.pairs.size > 0;
  }

  /** Nothing typed after the subcommand. */
  isEmpty(): boolean {
    return !this.hasWords() && !this.hasKeys();
  }

  wordCount(): number {
    return this.words.length;
  }

  has(key: string): boolean {
    return this.pairs.has(key);
  }

  /** The keys given, in the order typed. */
  keyNames(): string[] {
    return [...this.pairs.keys()];
  }

  peek(): Word | undefined {
    return this.words[0];
  }

  take(): Word | undefined {
    return this.words.shift();
  }

  /** Takes the last positional word. */
  takeLast(): Word | undefined {
    return this.words.pop();
  }

  require(what: ArgumentName): Word {
    const word = this.take();
    if (!word || word.text.trim() === '') this.missing(what);
    return word;
  }

  missing(what: ArgumentName): never {
    return fail({ kind: 'missing-argument', what, subcommand: this.id, usage: this.usage });
  }

  /** The remaining positional words joined as free text, or undefined when there are none. */
  restText(): string | undefined {
    if (this.words.length === 0) return undefined;
    const text = this.words.map((w) => w.text).join(' ');
    this.words.length = 0;
    return text.trim() === '' ? undefined : text;
  }

  /** Fails when positional words are left over. */
  done(): void {
    const rest = this.restText();
    if (rest !== undefined)
      fail({ kind: 'unexpected-text', text: snippet(plainText(rest)), subcommand: this.id, usage: this.usage });
  }

  value(key: string): string | undefined {
    return this.pairs.get(key)?.[0]?.value;
  }

  values(key: string): string[] {
    return (this.pairs.get(key) ?? []).map((pair) => pair.value);
  }

  requireKeys(...keys: string[]): void {
    const missing = keys.filter((key) => !this.pairs.has(key));
    if (missing.length > 0) fail({ kind: 'missing-keys', keys: missing, subcommand: this.id, usage: this.usage });
  }

  optional<T>(key: string, convert: (raw: string, field: Field) => T): T | undefined {
    const raw = this.value(key);
    return raw === undefined ? undefined : convert(raw, keyField(key));
  }

  required<T>(key: string, convert: (raw: string, field: Field) => T): T {
    const raw = this.value(key);
    if (raw === undefined) return fail({ kind: 'missing-keys', keys: [key], subcommand: this.id, usage: this.usage });
    return convert(raw, keyField(key));
  }

  futureDate = (raw: string, field: Field): LocalDate => date(raw, field, this.ctx, 'future');
  pastDate = (raw: string, field: Field): LocalDate => date(raw, field, this.ctx, 'past');

  // Values read in the person's language (command keywords stay English).
  get language(): InputLanguage {
    return this.ctx.language ?? 'en';
  }
  amount = (raw: string, field: Field): Decimal => {
    const value = amount(raw, field, this.language);
    this.inCurrency(raw, field);
    return value;
  };
  /** Amounts are in the workspace's currency: one written in another is refused, never converted. */
  inCurrency(raw: string, field: Field): void {
    const written = this.ctx.currency === undefined ? null : currencyWritten(plainText(raw));
    if (written !== null && this.ctx.currency !== undefined && !namesCurrency(written, this.ctx.currency))
      fail({ kind: 'other-currency', field, text: snippet(plainText(raw)), currency: this.ctx.currency });
  }
  percent = (raw: string, field: Field): Decimal => percent(raw, field, this.language);
  yesNo = (raw: string, field: Field): boolean => yesNo(raw, field, this.language);
  wonOrLost = (raw: string, field: Field): 'won' | 'lost' => wonOrLost(raw, field, this.language);
}

function args(id: SubcommandId, rest: string, ctx: DateContext): Args {
  const info = SUBCOMMANDS[id];
  const spec = { subcommand: id, keys: info.keys, ...('repeatable' in info ? { repeatable: info.repeatable } : {}) };
  return new Args(id, tokenize(rest, spec), ctx);
}

/** Adds `key: value` only when value is defined (keeps `exactOptionalPropertyTypes`-style objects clean). */
function defined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

const requiredText = (a: Args, what: ArgumentName, text: string | undefined): string => {
  const value = text === undefined ? undefined : freeText(text, argumentField(what));
  if (value === undefined || value === '') return a.missing(what);
  return value;
};

const optionalText = (raw: string, field: Field): string => {
  const text = freeText(raw, field);
  if (text === '') fail({ kind: 'missing-value', key: field.type === 'key' ? field.key : field.name });
  return text;
};

const cycleCode = (raw: string, field: Field): string => code(raw, field);

/** `12345`, `OP12`, `op-1`: meant as an opportunity number, so a wrong one is said to be one. */
function looksLikeNumber(raw: string): boolean {
  return /^(op)?[-\s]*\d+$/i.test(plainText(raw)) || /^op\d/i.test(plainText(raw));
}

/** A number (or what is meant as one) is a number; other words are a name (`show Fleet renewal`). */
function namedOpportunity(a: Args): Extract<OppCommand, { name: 'show' | 'show-named' }> {
  const first = a.peek();
  if (first && !isOpportunityNo(first.text) && !looksLikeNumber(first.text))
    return { name: 'show-named', text: requiredText(a, 'opportunity-no', a.restText()) };
  const no = opportunity(a);
  a.done();
  return { name: 'show', no };
}

/** `list`'s first word when it says whose opportunities: mine, all, or a person (`@ann`). */
function isListScope(raw: string): boolean {
  const text = raw.trim();
  return text.startsWith('@') || text.startsWith('<@') || LIST_SCOPE_WORDS.has(plainText(text).toLowerCase());
}
const LIST_SCOPE_ALIASES = { my: 'mine', me: 'mine', everyone: 'all' } as const;
const LIST_SCOPE_WORDS: ReadonlySet<string> = new Set(['mine', 'all', ...Object.keys(LIST_SCOPE_ALIASES)]);

function opportunity(a: Args): OpportunityNo {
  return opportunityNo(a.require('opportunity-no').text);
}

function stageChanges(a: Args): StageChanges {
  return defined<StageChanges>({
    value: a.optional('value', a.amount),
    chance: a.optional('chance', a.percent),
    close: a.optional('close', a.futureDate),
    date: a.optional('date', a.pastDate),
  });
}

function listFilters(a: Args): ListFilters {
  const scopeWord = a.take();
  a.done();
  let scope: ListScope = { kind: 'mine' };
  if (scopeWord) {
    const raw = scopeWord.text.trim();
    if (isUserMention(raw)) scope = { kind: 'user', userId: userMention(raw, argumentField('scope')) };
    else if (raw.startsWith('@') || raw.startsWith('<@')) userMention(raw, argumentField('user'));
    else
      scope = {
        kind: choice(raw, argumentField('scope'), ['mine', 'all'], LIST_SCOPE_ALIASES),
      };
  }
  return defined<ListFilters>({
    scope,
    contact: a.optional('contact', optionalText),
    status:
      a.optional('status', (raw, field) =>
        choice(raw, field, ['open', 'won', 'lost', 'all'], wonLostWords(a.language)),
      ) ?? 'open',
    cycle: a.optional('cycle', cycleCode),
  });
}

function quoteLine(text: string, index: number, a: Args): QuoteLine {
  const { language } = a;
  const decoded = plainText(text);
  const shown = snippet(decoded);
  const parts = decoded.split(';').map((part) => part.trim());
  if (parts.length < 3 || parts.length > 4)
    fail({ kind: 'bad-quote-line', index, text: shown, part: 'format', value: shown });
  const [description = '', qty = '', price = '', discount = ''] = parts;
  if (description === '' || [...description].length > MAX_DESCRIPTION) {
    fail({ kind: 'bad-quote-line', index, text: shown, part: 'description', value: snippet(description) });
  }
  const number = (value: string, part: 'quantity' | 'unit-price' | 'discount', reading: NumberReading): Decimal => {
    if (reading.ok) return reading.value;
    return fail({ kind: 'bad-quote-line', index, text: shown, part, value: snippet(value), issue: reading.issue });
  };
  const quantity = number(qty, 'quantity', readQuantity(qty, language));
  const unitPrice = number(price, 'unit-price', readAmount(price, language));
  a.inCurrency(price, keyField('line'));
  return {
    description,
    quantity,
    unitPrice,
    discountPct: discount === '' ? new Decimal(0) : number(discount, 'discount', readPercent(discount, language)),
  };
}

function activityStep(text: string, index: number): ActivityStep {
  const decoded = plainText(text);
  const shown = snippet(decoded);
  const parts = decoded.split(';').map((part) => part.trim());
  if (parts.length !== 2) fail({ kind: 'bad-activity-step', index, text: shown, part: 'format', value: shown });
  const [description = '', formula = ''] = parts;
  if (description === '' || [...description].length > MAX_DESCRIPTION)
    fail({ kind: 'bad-activity-step', index, text: shown, part: 'description', value: snippet(description) });
  let dateFormulaText: string;
  try {
    dateFormulaText = dateFormula(formula, keyField('step'));
  } catch {
    return fail({ kind: 'bad-activity-step', index, text: shown, part: 'formula', value: snippet(formula) });
  }
  return { description, dateFormula: dateFormulaText };
}

function parseSubcommand(id: SubcommandId, rest: string, ctx: DateContext): OppCommand {
  const a = args(id, rest, ctx);
  switch (id) {
    case 'cycle add': {
      if (a.isEmpty()) return { name: 'setup-modal', what: 'cycle' };
      const cycle = code(a.require('code').text, argumentField('code'));
      const description = requiredText(a, 'description', a.restText());
      return defined<OppCommand>({
        name: 'cycle-add',
        code: cycle,
        description,
        calc: a.optional('calc', (raw, field) => choice(raw, field, ['multiply', 'add', 'chances', 'completed'])),
        blocked: a.optional('blocked', a.yesNo),
      });
    }
    case 'cycle edit': {
      const cycle = code(a.require('code').text, argumentField('code'));
      a.done();
      if (!a.hasKeys()) return { name: 'setup-edit-modal', target: { what: 'cycle', code: cycle } };
      return defined<OppCommand>({
        name: 'cycle-edit',
        code: cycle,
        description: a.optional('description', freeText),
        calc: a.optional('calc', (raw, field) => choice(raw, field, ['multiply', 'add', 'chances', 'completed'])),
      });
    }
    case 'cycle list':
      a.done();
      return { name: 'cycle-list' };
    case 'cycle block':
    case 'cycle unblock': {
      const cycle = code(a.require('code').text, argumentField('code'));
      a.done();
      return { name: 'cycle-block', code: cycle, blocked: id === 'cycle block' };
    }
    case 'cycle delete': {
      const cycle = code(a.require('code').text, argumentField('code'));
      a.done();
      return { name: 'cycle-delete', code: cycle };
    }
    case 'stage add': {
      if (a.isEmpty()) return { name: 'setup-modal', what: 'stage' };
      if (a.wordCount() === 1 && !a.hasKeys()) {
        return { name: 'setup-modal', what: 'stage', cycle: code(a.require('cycle').text, argumentField('cycle')) };
      }
      const cycle = code(a.require('cycle').text, argumentField('cycle'));
      const stageNo = integer(a.require('stage-no').text, argumentField('stage-no'), 1, MAX_STAGE_NO);
      const description = requiredText(a, 'description', a.restText());
      a.requireKeys('completed', 'chance');
      return defined<OppCommand>({
        name: 'stage-add',
        cycle,
        stageNo,
        description,
        completedPct: a.required('completed', a.percent),
        chancePct: a.required('chance', a.percent),
        allowSkip: a.optional('skip', a.yesNo),
        quoteRequired: a.optional('quote', a.yesNo),
        dateFormula: a.optional('formula', dateFormula),
        activityCode: a.optional('activity', code),
      });
    }
    case 'stage edit': {
      const cycle = code(a.require('cycle').text, argumentField('cycle'));
      const stageNo = integer(a.require('stage-no').text, argumentField('stage-no'), 1, MAX_STAGE_NO);
      a.done();
      if (!a.hasKeys()) return { name: 'setup-edit-modal', target: { what: 'stage', cycleCode: cycle, stageNo } };
      const orNone =
        <T>(convert: (raw: string, field: Field) => T, none: T) =>
        (raw: string, field: Field) =>
          plainText(raw).trim().toLowerCase() === 'none' ? none : convert(raw, field);
      return defined<OppCommand>({
        name: 'stage-edit',
        cycle,
        stageNo,
        description: a.optional('description', freeText),
        completedPct: a.optional('completed', a.percent),
        chancePct: a.optional('chance', a.percent),
        allowSkip: a.optional('skip', a.yesNo),
        quoteRequired: a.optional('quote', a.yesNo),
        dateFormula: a.optional('formula', orNone(dateFormula, '')),
        activityCode: a.optional('activity', orNone<string | null>(code, null)),
      });
    }
    case 'stage list': {
      const cycle = code(a.require('cycle').text, argumentField('cycle'));
      a.done();
      return { name: 'stage-list', cycle };
    }
    case 'stage delete': {
      const cycle = code(a.require('cycle').text, argumentField('cycle'));
      const stageNo = integer(a.require('stage-no').text, argumentField('stage-no'), 1, MAX_STAGE_NO);
      a.done();
      return { name: 'stage-delete', cycle, stageNo };
    }
    case 'code add': {
      if (a.isEmpty()) return { name: 'setup-modal', what: 'code' };
      const closeCode = code(a.require('code').text, argumentField('code'));
      const outcome = a.wonOrLost(a.require('outcome').text, argumentField('outcome'));
      const description = requiredText(a, 'description', a.restText());
      return { name: 'code-add', code: closeCode, outcome, description };
    }
    case 'code edit': {
      const closeCode = code(a.require('code').text, argumentField('code'));
      a.done();
      if (!a.hasKeys()) return { name: 'setup-edit-modal', target: { what: 'code', code: closeCode } };
      return { name: 'code-edit', code: closeCode, description: a.required('description', freeText) };
    }
    case 'code list':
      a.done();
      return { name: 'code-list' };
    case 'code delete': {
      const closeCode = code(a.require('code').text, argumentField('code'));
      a.done();
      return { name: 'code-delete', code: closeCode };
    }
    case 'contact add': {
      if (a.isEmpty()) return { name: 'setup-modal', what: 'contact' };
      const typeWord = a.takeLast();
      if (!typeWord) return a.missing('contact-name');
      const type = typeWord.quoted ? undefined : typeWord.text.toLowerCase();
      if (type !== 'company' && type !== 'person') return a.missing('contact-type');
      if (!a.hasWords()) a.missing('contact-name');
      const contactName = requiredText(a, 'contact-name', a.restText());
      if (type === 'company' && a.has('company'))
        fail({ kind: 'key-not-applicable', key: 'company', reason: 'person-only' });
      return defined<OppCommand>({
        name: 'contact-add',
        contactName,
        type,
        company: a.optional('company', optionalText),
        customer: a.optional('customer', a.yesNo),
        email: a.optional('email', email),
      });
    }
    case 'contact edit': {
      const contact = requiredText(a, 'contact', a.restText());
      if (!a.hasKeys()) return { name: 'setup-edit-modal', target: { what: 'contact', contact } };
      return defined<OppCommand>({
        name: 'contact-edit',
        contact,
        contactName: a.optional('name', optionalText),
        company: a.optional('company', (raw, field) =>
          plainText(raw).trim().toLowerCase() === 'none' ? null : optionalText(raw, field),
        ),
        customer: a.optional('customer', a.yesNo),
      });
    }
    case 'contact list': {
      const search = a.restText();
      return defined<OppCommand>({
        name: 'contact-list',
        search: search === undefined ? undefined : freeText(search, argumentField('search')) || undefined,
      });
    }
    case 'customer add':
      return { name: 'customer-add', contact: requiredText(a, 'contact', a.restText()) };
    case 'activity add': {
      const activityCode = code(a.require('code').text, argumentField('code'));
      const description = requiredText(a, 'description', a.restText());
      const steps = a.values('step');
      if (steps.length > MAX_ACTIVITY_STEPS) fail({ kind: 'too-many', key: 'step', max: MAX_ACTIVITY_STEPS });
      return {
        name: 'activity-add',
        code: activityCode,
        description,
        steps: steps.map((step, i) => activityStep(step, i + 1)),
      };
    }
    case 'activity list':
      a.done();
      return { name: 'activity-list' };
    case 'role': {
      const userId = userMention(a.require('user').text, argumentField('user'));
      const role = choice(a.require('role').text, argumentField('role'), ['admin', 'manager', 'rep']);
      a.done();
      return { name: 'role', userId, role };
    }
    case 'roles':
      a.done();
      return { name: 'roles' };
    case 'workspace delete':
      a.done();
      return { name: 'workspace-delete' };
    case 'setting':
      a.done();
      return defined<OppCommand>({
        name: 'setting',
        repsSeeOwn: a.optional('reps-see-own', a.yesNo),
        repsAddContacts: a.optional('reps-add-contacts', a.yesNo),
        currency: a.optional('currency', currencyCode),
        defaultCycle: a.optional('default-cycle', (raw, field) =>
          plainText(raw).trim().toLowerCase() === 'none' ? null : code(raw, field),
        ),
        staleDays: a.optional('stale-days', (raw, field) => integer(raw, field, 1, MAX_STALE_DAYS)),
        language: a.optional('language', languageChoice),
      });
    case 'language': {
      let word = a.take();
      const channelId =
        word && word.text.trim().startsWith('<#') ? channelMention(word.text, argumentField('channel')) : undefined;
      if (channelId !== undefined) word = a.take();
      a.done();
      return defined<OppCommand>({
        name: 'language',
        channelId,
        choice: word ? languageChoice(word.text, argumentField('language')) : undefined,
      });
    }
    case 'new': {
      if (!a.hasWords() && !a.hasKeys()) return { name: 'new-modal' };
      const description = requiredText(a, 'description', a.restText());
      a.requireKeys('contact', 'value', 'chance', 'close');
      return defined<OppCommand>({
        name: 'new',
        description,
        contact: a.required('contact', optionalText),
        value: a.required('value', a.amount),
        chancePct: a.required('chance', a.percent),
        closeDate: a.required('close', a.futureDate),
        cycle: a.optional('cycle', cycleCode),
        ownerId: a.optional('owner', userMention),
        priority: a.optional('priority', (raw, field) =>
          choice(raw, field, ['low', 'normal', 'high'], { medium: 'normal' }),
        ),
      });
    }
    case 'list': {
      const first = a.peek();
      // Its first word is a scope (mine, all, @user); any other word is what `show` takes where a number
      // goes: a number (`list OP00012`) or words of a name (`list Fleet renewal`), without filters.
      if (first && !isListScope(first.text)) {
        const named = namedOpportunity(a);
        const filter = a.keyNames()[0];
        if (filter !== undefined) {
          const name = named.name === 'show' ? named.no : plainText(named.text);
          fail({ kind: 'conflicting-arguments', subcommand: id, first: snippet(name), second: `${filter}:` });
        }
        return named.name === 'show' ? named : { name: 'list-named', text: named.text };
      }
      return { name: 'list', filters: listFilters(a) };
    }
    case 'export': {
      // Without mine/all/@user the scope depends on the role (managers export the whole pipeline).
      const scopeGiven = a.hasWords();
      return { name: 'export', filters: listFilters(a), scopeGiven };
    }
    case 'order': {
      const no = opportunity(a);
      a.done();
      // An open opportunity is closed as Won first: with this code, or through the Close form.
      return defined<OppCommand>({ name: 'order', no, closeCode: a.optional('code', code) });
    }
    case 'show':
      return namedOpportunity(a);
    case 'edit': {
      const no = opportunity(a);
      a.done();
      if (!a.hasKeys()) return { name: 'edit-modal', no };
      return defined<OppCommand>({
        name: 'edit',
        no,
        description: a.optional('description', optionalText),
        contact: a.optional('contact', optionalText),
        ownerId: a.optional('owner', userMention),
        priority: a.optional('priority', (raw, field) =>
          choice(raw, field, ['low', 'normal', 'high'], { medium: 'normal' }),
        ),
      });
    }
    case 'note': {
      const no = opportunity(a);
      const text = a.restText();
      if (text === undefined) return { name: 'note-modal', no };
      return { name: 'note', no, text: freeText(text, argumentField('note'), NOTE_MAX_LENGTH) };
    }
    case 'find':
      return { name: 'find', text: requiredText(a, 'search', a.restText()) };
    case 'move':
    case 'delete': {
      const no = opportunity(a);
      a.done();
      return { name: id, no };
    }
    case 'next':
    case 'previous': {
      const no = opportunity(a);
      a.done();
      return { name: id, no, changes: stageChanges(a) };
    }
    case 'skip':
    case 'jump': {
      const no = opportunity(a);
      a.done();
      const toStage = a.required('to', (raw, field) => integer(raw, field, 1, MAX_STAGE_NO));
      return { name: id, no, toStage, changes: stageChanges(a) };
    }
    case 'update': {
      const no = opportunity(a);
      a.done();
      const changes = stageChanges(a);
      if (changes.value === undefined && changes.chance === undefined && changes.close === undefined) {
        fail({ kind: 'nothing-to-change', subcommand: id, keys: ['value', 'chance', 'close'] });
      }
      return { name: 'update', no, changes };
    }
    case 'close': {
      const no = opportunity(a);
      const outcomeWord = a.take();
      a.done();
      if (!outcomeWord) {
        if (a.hasKeys()) a.missing('outcome');
        return { name: 'close-modal', no };
      }
      const outcome = a.wonOrLost(outcomeWord.text, argumentField('outcome'));
      a.requireKeys('code');
      return defined<OppCommand>({
        name: 'close',
        no,
        outcome,
        closeCode: a.required('code', code),
        date: a.optional('date', a.pastDate),
        amount: a.optional('amount', a.amount),
      });
    }
    case 'quote': {
      const no = opportunity(a);
      a.done();
      const lines = a.values('line');
      if (lines.length === 0) return { name: 'quote-modal', no };
      if (lines.length > MAX_QUOTE_LINES) fail({ kind: 'too-many', key: 'line', max: MAX_QUOTE_LINES });
      return { name: 'quote', no, lines: lines.map((line, i) => quoteLine(line, i + 1, a)) };
    }
    case 'tasks': {
      const word = a.take();
      a.done();
      return word ? { name: 'tasks', ownerId: userMention(word.text, argumentField('user')) } : { name: 'tasks' };
    }
    case 'purge': {
      a.done();
      const command = defined<Extract<OppCommand, { name: 'purge' }>>({
        name: 'purge',
        status: a.optional('status', a.wonOrLost),
        closedBefore: a.optional('closed-before', a.pastDate),
        closedAfter: a.optional('closed-after', a.pastDate),
        ownerId: a.optional('owner', userMention),
        contact: a.optional('contact', optionalText),
        cycle: a.optional('cycle', cycleCode),
      });
      if (
        command.closedBefore !== undefined &&
        command.closedAfter !== undefined &&
        command.closedAfter >= command.closedBefore
      ) {
        fail({
          kind: 'bad-date-range',
          fromKey: 'closed-after',
          toKey: 'closed-before',
          from: command.closedAfter,
          to: command.closedBefore,
        });
      }
      return command;
    }
    case 'digest':
      a.done();
      return defined<OppCommand>({
        name: 'digest',
        cycle: a.optional('cycle', cycleCode),
        ownerId: a.optional('owner', userMention),
      });
    case 'stats': {
      const word = a.take();
      a.done();
      if (word && a.has('cycle')) {
        fail({ kind: 'conflicting-arguments', subcommand: id, first: snippet(plainText(word.text)), second: 'cycle:' });
      }
      if (word) return { name: 'stats', target: { kind: 'opportunity', no: opportunityNo(word.text) } };
      if (!a.has('cycle')) a.missing('stats-target');
      return { name: 'stats', target: { kind: 'cycle', cycle: a.required('cycle', cycleCode) } };
    }
    case 'subscribe': {
      const channelWord = a.require('channel');
      const channelId = channelMention(channelWord.text, argumentField('channel'));
      const frequency = choice(a.require('frequency').text, argumentField('frequency'), ['daily', 'weekly', 'monthly']);
      a.done();
      if (frequency !== 'weekly' && a.has('day'))
        fail({ kind: 'key-not-applicable', key: 'day', reason: 'weekly-only' });
      return defined<OppCommand>({
        name: 'subscribe',
        channelId,
        frequency,
        at: a.optional('at', timeOfDay),
        weekday: a.optional('day', weekday),
        timeZone: a.optional('tz', timeZone),
        cycle: a.optional('cycle', cycleCode),
      });
    }
    case 'unsubscribe': {
      const channelId = channelMention(a.require('channel').text, argumentField('channel'));
      a.done();
      return { name: 'unsubscribe', channelId };
    }
    case 'subscriptions':
      a.done();
      return { name: 'subscriptions' };
    case 'notify': {
      const action = a.peek()?.text.trim().toLowerCase();
      if (action === 'mute' || action === 'unmute') {
        a.take();
        const no = opportunity(a);
        a.done();
        return { name: 'notify-mute', no, muted: action === 'mute' };
      }
      a.done();
      return defined<OppCommand>({
        name: 'notify',
        modes: defined({
          changes: a.optional('changes', notificationMode),
          tasks: a.optional('tasks', notificationMode),
          overdue: a.optional('overdue', notificationMode),
          stale: a.optional('stale', notificationMode),
        }),
        summaryAt: a.optional('summary', timeOfDay),
        quiet: a.optional('quiet', quietHours),
      });
    }
    case 'alert':
      return alertCommand(a);
    case 'alert remove': {
      const id = integer(a.require('alert-no').text, argumentField('alert-no'), 1, 2_147_483_647);
      a.done();
      return { name: 'alert-remove', id };
    }
    case 'alerts':
      a.done();
      return { name: 'alerts' };
  }
}

/** `/opp alert [#channel] kinds… [value:] [cycle:] [owner:]`. */
function alertCommand(a: Args): OppCommand {
  const first = a.peek();
  const channelId =
    first && first.text.trim().startsWith('<#')
      ? channelMention(a.require('channel').text, argumentField('channel'))
      : undefined;
  const kinds = new Set<AlertKind>();
  for (let word = a.take(); word; word = a.take()) {
    const kind = choice(word.text, argumentField('alert-kind'), [...ALERT_KINDS, 'all'], ALERT_KIND_WORDS);
    for (const one of kind === 'all' ? ALERT_KINDS : [kind]) kinds.add(one);
  }
  return defined<OppCommand>({
    name: 'alert',
    channelId,
    kinds: [...kinds],
    value: a.optional('value', (raw) => valueFilter(raw, a)),
    cycle: a.optional('cycle', cycleCode),
    ownerId: a.optional('owner', userMention),
  });
}

/** Other words people use for the kinds. */
const ALERT_KIND_WORDS: Record<string, AlertKind | 'all'> = {
  new: 'created',
  create: 'created',
  stages: 'stage',
  moved: 'stage',
  move: 'stage',
  reassign: 'reassigned',
  owner: 'reassigned',
  every: 'all',
  everything: 'all',
};

const VALUE_OPERATORS: Record<string, ValueOperator> = {
  '>': 'gt',
  '>=': 'ge',
  '<': 'lt',
  '<=': 'le',
  '=>': 'ge',
  '=<': 'le',
};

/** `>50k`, `>= 10,000`, `<5000`, `50k` (at least): a comparison and an amount, `k` thousands, `m` millions. */
function valueFilter(raw: string, a: Args): ValueFilter {
  const text = plainText(raw).replace(/\s+/g, ' ').trim();
  const match = /^(>=|<=|=>|=<|>|<)?\s*(.+?)\s*([kKmM])?$/.exec(text);
  if (!match?.[2]) return fail({ kind: 'bad-value-filter', text: snippet(text) });
  const op = VALUE_OPERATORS[match[1] ?? '>='] ?? 'ge';
  let amount: Decimal;
  try {
    amount = a.amount(match[2], keyField('value'));
  } catch {
    return fail({ kind: 'bad-value-filter', text: snippet(text) });
  }
  const scale = { k: 1_000, m: 1_000_000 }[match[3]?.toLowerCase() ?? ''] ?? 1;
  return { op, amount: amount.times(scale) };
}

export { isOpportunityNo };

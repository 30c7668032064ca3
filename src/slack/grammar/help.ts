// `/opp help` and `/opp help <topic>` (Slack mrkdwn). Each section stays under 3,000 characters, the
// limit of one section block's text. What is syntax stays here: which subcommands a topic covers, and
// their usage lines (from the command table the parser uses). Every word comes from the reader's
// catalogue (src/i18n/en/help.ts).
import type { Catalogue } from '../../i18n/catalogue.ts';
import { escapeText, type Markup } from '../../i18n/markup.ts';
import type { Presenter } from '../../i18n/presenter.ts';
import type { HelpTopic, SubcommandId } from './usage.ts';
import { HELP_TOPICS, SUBCOMMANDS } from './usage.ts';

export const MAX_HELP_SECTION = 3000;

type HelpTexts = Catalogue['help'];

/** What a catalogue says about one topic. */
interface TopicText {
  /** A guide's own title; a command's topic is titled with the command. */
  readonly title?: string;
  readonly summary: string;
  readonly examples: readonly string[];
  readonly notes?: readonly string[];
}

/** An example in the overview: the command (without `/opp `), with a note after it. */
type OverviewCommand = string | { readonly example: string; readonly note: string };

/** The subcommands whose usage each topic shows. */
const TOPIC_SUBCOMMANDS: Record<HelpTopic, readonly SubcommandId[]> = {
  setup: ['cycle add', 'stage add', 'code add', 'contact add', 'customer add', 'activity add', 'role', 'setting'],
  cycle: ['cycle add', 'cycle list', 'cycle edit', 'cycle block', 'cycle unblock', 'cycle delete'],
  stage: ['stage add', 'stage list', 'stage edit', 'stage delete'],
  code: ['code add', 'code list', 'code edit', 'code delete'],
  contact: ['contact add', 'contact list', 'contact edit'],
  customer: ['customer add'],
  activity: ['activity add', 'activity list'],
  role: ['role'],
  roles: ['roles'],
  setting: ['setting'],
  language: ['language'],
  workspace: ['workspace delete'],
  new: ['new'],
  list: ['list'],
  show: ['show'],
  edit: ['edit'],
  note: ['note'],
  find: ['find'],
  next: ['next'],
  previous: ['previous'],
  skip: ['skip'],
  jump: ['jump'],
  update: ['update'],
  move: ['move'],
  close: ['close'],
  quote: ['quote'],
  order: ['order'],
  tasks: ['tasks'],
  delete: ['delete'],
  purge: ['purge'],
  digest: ['digest'],
  stats: ['stats'],
  export: ['export'],
  subscribe: ['subscribe'],
  unsubscribe: ['unsubscribe'],
  subscriptions: ['subscriptions'],
  notify: ['notify'],
  alert: ['alert', 'alert remove'],
  alerts: ['alerts'],
  dates: [],
  amounts: [],
  keys: [],
};

/** Every catalogue has a text for every topic (a missing one is a type error here). */
function topicTexts(help: HelpTexts): Readonly<Record<HelpTopic, TopicText>> {
  return help.topics;
}

function overviewCommand(command: OverviewCommand): string {
  return typeof command === 'string' ? `\`/opp ${command}\`` : `\`/opp ${command.example}\` ${command.note}`;
}

/**
 * The codes of the reader's workspace that examples cite (src/i18n/en/help.ts: `{cycle}`, `{stage}`,
 * `{won}`, `{lost}`): its own sales cycle with one of its stages, a won and a lost close code. What it
 * lacks is shown as a placeholder.
 */
export interface ExampleCodes {
  cycle?: string | undefined;
  stage?: number | undefined;
  won?: string | undefined;
  lost?: string | undefined;
}

/** Codes that read well in examples for tests (every example must parse with them). */
export const SAMPLE_CODES: ExampleCodes = { cycle: 'FIRM', stage: 1, won: 'WIN', lost: 'COMP' };

const EXAMPLE_TOKEN = /\{(cycle|stage|won|lost)\}/g;

/**
 * An example with the workspace's codes in place of its tokens. A code that would end the example's
 * `code` span (a backtick) or is missing becomes the placeholder of the usage lines.
 */
export function withExampleCodes(help: HelpTexts, text: string, codes: ExampleCodes): string {
  return text.replace(EXAMPLE_TOKEN, (_token, name: keyof ExampleCodes) => {
    const value = codes[name];
    if (value !== undefined && !String(value).includes('`')) return String(value);
    return name === 'cycle' ? '<CYCLE>' : name === 'stage' ? `<${help.placeholders['stage no']}>` : '<CODE>';
  });
}

/**
 * `/opp help` (no topic) or the help of one topic, as Slack mrkdwn (≤ 3,000 characters), its examples
 * citing the workspace's own codes. Slack would read the usage placeholders (`<stage no>`) as links, and
 * a code is typed by an admin, so the whole text is escaped.
 */
export function helpText(p: Presenter, topic?: string, codes: ExampleCodes = {}): Markup {
  return escapeText(withExampleCodes(p.t.help, rawHelpText(p.t.help, topic), codes));
}

function rawHelpText(help: HelpTexts, topic?: string): string {
  const known = topic === undefined ? undefined : HELP_TOPICS.find((t) => t === topic.trim().toLowerCase());
  if (known === undefined) {
    const { overview } = help;
    const sections = overview.sections.map((section) =>
      [section.title, ...section.lines.map((line) => line.map(overviewCommand).join(' · '))].join('\n'),
    );
    return [overview.title, ...sections, overview.details].join('\n\n');
  }
  const text = topicTexts(help)[known];
  const usage = TOPIC_SUBCOMMANDS[known].map((id) => `/opp ${usageIn(help, SUBCOMMANDS[id].usage)}`);
  const parts = [help.heading(text.title ?? `\`/opp ${known}\``, text.summary)];
  if (usage.length > 0) parts.push(`\`\`\`${usage.join('\n')}\`\`\``);
  if (text.notes) parts.push(text.notes.map((note) => `• ${note}`).join('\n'));
  parts.push(`${help.examplesTitle}\n${text.examples.map((example) => `• \`/opp ${example}\``).join('\n')}`);
  return parts.join('\n');
}

/**
 * A usage line with its placeholders (`<stage no>`, `[search text]`) in the catalogue's words. The grammar
 * writes them in English; codes in capitals and the keywords around them stay as they are.
 */
export function usageIn(help: HelpTexts, usage: string): string {
  const words: Readonly<Record<string, string>> = help.placeholders;
  return usage.replace(/([<[])([^<>[\]|:]+)([>\]])/g, (whole, open: string, name: string, close: string) => {
    const word = Object.hasOwn(words, name) ? words[name] : undefined;
    return word === undefined ? whole : `${open}${word}${close}`;
  });
}

/** Every example in a catalogue's help, for tests: each must parse. */
export function helpExamples(p: Presenter): string[] {
  const { help } = p.t;
  const fromTopics = Object.values(topicTexts(help)).flatMap((topic) => topic.examples);
  const fromOverview = help.overview.sections.flatMap((section) =>
    section.lines.flat().map((command: OverviewCommand) => (typeof command === 'string' ? command : command.example)),
  );
  return [...fromTopics, ...fromOverview].map((example) => withExampleCodes(help, example, SAMPLE_CODES));
}

// `/opp help` in every language: the same topics and usage lines, each section within one Slack section
// block, no raw `<`/`>`, and every example parses when read in that language (a French example's
// `close:fin du mois` is read as French, as it would be for the French reader it is shown to).
import { describe, expect, it } from 'vitest';
import type { DateContext } from '../../../src/domain/human-date.ts';
import { LANGUAGE_LOCALES, LANGUAGES } from '../../../src/i18n/catalogue.ts';
import { presenterFor } from '../../../src/i18n/presenter.ts';
import { MAX_HELP_SECTION, helpExamples, helpText, usageIn } from '../../../src/slack/grammar/help.ts';
import { parseOppCommand } from '../../../src/slack/grammar/parse-command.ts';
import { FIRST_WORDS, HELP_TOPICS, SUBCOMMANDS } from '../../../src/slack/grammar/usage.ts';
import { NOW, asSlackText } from './helpers.ts';
import { enUS } from '../../support/presenter.ts';

describe.each(LANGUAGES)('helpText in %s', (language) => {
  const p = presenterFor(LANGUAGE_LOCALES[language]);

  it('lists every command with an example, within one section', () => {
    const text = helpText(p);
    expect(text.length).toBeLessThanOrEqual(MAX_HELP_SECTION);
    for (const word of FIRST_WORDS.filter((w) => w !== 'help' && w !== 'setup')) expect(text).toContain(`/opp ${word}`);
    expect(text).not.toMatch(/undefined|\[object Object\]/);
  });

  it.each(HELP_TOPICS)('topic %s: its title, usage and two examples, within one section', (topic) => {
    const text = helpText(p, topic);
    expect(text.length).toBeLessThanOrEqual(MAX_HELP_SECTION);
    // A command's topic is titled with the command; a guide (dates, amounts, keys) with its own title.
    const texts = p.t.help.topics[topic];
    const title = 'title' in texts ? String(texts.title) : `/opp ${topic}`;
    expect(text).toContain(title);
    expect(text.match(/• `\/opp /g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(text).not.toMatch(/undefined|\[object Object\]/);
  });

  it('covers every subcommand’s usage in some topic, its placeholders in the reader’s words', () => {
    const all = HELP_TOPICS.map((topic) => helpText(p, topic)).join('\n');
    for (const info of Object.values(SUBCOMMANDS))
      expect(all).toContain(
        usageIn(p.t.help, info.usage).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
      );
  });

  it('escapes < and > so Slack does not read placeholders as links', () => {
    for (const topic of [undefined, ...HELP_TOPICS]) expect(helpText(p, topic)).not.toMatch(/[<>]/);
  });

  it('cites the workspace’s own codes, within one section even when they are ten characters long', () => {
    const codes = { cycle: 'CYCLECODE1', stage: 9999, won: 'WONCODE123', lost: 'LOSTCODE12' };
    for (const topic of [undefined, ...HELP_TOPICS])
      expect(helpText(p, topic, codes).length, topic).toBeLessThanOrEqual(MAX_HELP_SECTION);
    expect(helpText(p, 'close', codes)).toContain('code:WONCODE123');
    expect(helpText(p, 'close', codes)).toContain('code:LOSTCODE12');
    expect(helpText(p, 'stage', codes)).toContain('stage edit CYCLECODE1 9999');
    expect(helpText(p, undefined, codes)).not.toMatch(/\{(cycle|stage|won|lost)\}/);
    // Without codes of its own the workspace reads placeholders, escaped; a code with a backtick is one too.
    expect(helpText(p, 'stats')).toContain('cycle:&lt;CYCLE&gt;');
    expect(helpText(p, 'order', { won: 'W`X' })).toContain('code:&lt;CODE&gt;');
  });

  it('is case-insensitive and falls back to the overview for unknown topics', () => {
    expect(helpText(p, 'CLOSE')).toBe(helpText(p, 'close'));
    expect(helpText(p, 'nonsense')).toBe(helpText(p));
  });
});

describe('usage placeholders', () => {
  const PLACEHOLDER = /[<[]([^<>[\]|:]+)[>\]]/g;
  it('every one the grammar writes has its words in the catalogue (codes in capitals and mentions excepted)', () => {
    for (const info of Object.values(SUBCOMMANDS))
      for (const [, name = ''] of info.usage.matchAll(PLACEHOLDER))
        if (name !== name.toUpperCase() && !/^[#@]/.test(name))
          expect(Object.keys(enUS.t.help.placeholders), info.usage).toContain(name);
  });

  it('are translated: a French reader reads <montant>, a Chinese one <金额>', () => {
    const usage = SUBCOMMANDS.update.usage;
    expect(usageIn(presenterFor('fr-CA').t.help, usage)).toBe(
      'update <no> [value:<montant>] [chance:<pourcentage>] [close:<date>] [date:<date modification>]',
    );
    expect(usageIn(presenterFor('zh-CN').t.help, usage)).toContain('[value:<金额>]');
    expect(usageIn(enUS.t.help, usage)).toBe(usage);
    expect(usageIn(presenterFor('fr-CA').t.help, SUBCOMMANDS['contact list'].usage)).toBe(
      'contact list [texte recherché]',
    );
  });
});

describe('the English topics name themselves', () => {
  it.each(HELP_TOPICS)('%s', (topic) => {
    expect(helpText(enUS, topic).toLowerCase()).toContain(topic === 'keys' ? 'keys and values' : topic);
  });
});

describe.each(LANGUAGES)('every %s help example parses in that language', (language) => {
  const contexts: DateContext[] = [
    { now: NOW, timeZone: 'UTC', dateOrder: 'DMY', language },
    { now: NOW, timeZone: 'America/Los_Angeles', dateOrder: 'MDY', language },
    { now: NOW, timeZone: 'Pacific/Auckland', dateOrder: 'YMD', language },
  ];
  it.each(helpExamples(presenterFor(LANGUAGE_LOCALES[language])))('%s', (example) => {
    for (const ctx of contexts) expect(() => parseOppCommand(asSlackText(example), ctx)).not.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import type { DateContext } from '../../../src/domain/human-date.ts';
import { MAX_HELP_SECTION, helpExamples, helpText } from '../../../src/slack/grammar/help.ts';
import { parseOppCommand } from '../../../src/slack/grammar/parse-command.ts';
import { FIRST_WORDS, HELP_TOPICS, SUBCOMMANDS } from '../../../src/slack/grammar/usage.ts';
import { NOW, asSlackText } from './helpers.ts';
import { enUS } from '../../support/presenter.ts';

describe('helpText', () => {
  it('lists every command with an example, within one section', () => {
    const text = helpText(enUS);
    expect(text.length).toBeLessThanOrEqual(MAX_HELP_SECTION);
    for (const word of FIRST_WORDS.filter((w) => w !== 'help' && w !== 'setup')) expect(text).toContain(`/opp ${word}`);
    expect(text).not.toMatch(/undefined|\[object Object\]/);
  });

  it.each(HELP_TOPICS)('topic %s: usage and two examples, within one section', (topic) => {
    const text = helpText(enUS, topic);
    expect(text.length).toBeLessThanOrEqual(MAX_HELP_SECTION);
    expect(text.toLowerCase()).toContain(topic === 'keys' ? 'keys and values' : topic);
    expect(text.match(/• `\/opp /g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(text).not.toMatch(/undefined|\[object Object\]/);
  });

  it('covers every subcommand’s usage in some topic', () => {
    const all = HELP_TOPICS.map((topic) => helpText(enUS, topic)).join('\n');
    for (const info of Object.values(SUBCOMMANDS))
      expect(all).toContain(info.usage.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  });

  it('escapes < and > so Slack does not read placeholders as links', () => {
    for (const topic of [undefined, ...HELP_TOPICS]) expect(helpText(enUS, topic)).not.toMatch(/[<>]/);
  });

  it('is case-insensitive and falls back to the overview for unknown topics', () => {
    expect(helpText(enUS, 'CLOSE')).toBe(helpText(enUS, 'close'));
    expect(helpText(enUS, 'nonsense')).toBe(helpText(enUS));
  });
});

describe('every help example parses', () => {
  const contexts: DateContext[] = [
    { now: NOW, timeZone: 'UTC', dateOrder: 'DMY' },
    { now: NOW, timeZone: 'America/Los_Angeles', dateOrder: 'MDY' },
    { now: NOW, timeZone: 'Pacific/Auckland', dateOrder: 'YMD' },
  ];
  it.each(helpExamples(enUS))('%s', (example) => {
    for (const ctx of contexts) expect(() => parseOppCommand(asSlackText(example), ctx)).not.toThrow();
  });
});

import type { DateContext } from '../../../src/slack/grammar/parse-command.ts';
import { describeInputProblem } from '../../../src/i18n/en/input.ts';
import type { InputProblem } from '../../../src/slack/grammar/input-problems.ts';
import { InputError } from '../../../src/slack/grammar/input-problems.ts';
import { parseOppCommand } from '../../../src/slack/grammar/parse-command.ts';
import { enUS } from '../../support/presenter.ts';

/** Wednesday 20 May 2026, 23:30 UTC: still the 20th in UTC and Los Angeles, the 21st in Auckland. */
export const NOW = new Date('2026-05-20T23:30:00Z');
export const UTC: DateContext = { now: NOW, timeZone: 'UTC', dateOrder: 'DMY' };

/** The parse as plain JSON (Decimals become strings), for easy comparison. */
export function parsed(text: string, ctx: DateContext = UTC): unknown {
  return JSON.parse(JSON.stringify(parseOppCommand(text, ctx))) as unknown;
}

export function problemOf(text: string, ctx: DateContext = UTC): InputProblem {
  try {
    parseOppCommand(text, ctx);
  } catch (error) {
    if (error instanceof InputError) return error.problem;
    throw error;
  }
  throw new Error(`expected an InputError for: ${text}`);
}

export function sentenceOf(text: string, ctx: DateContext = UTC): string {
  return describeInputProblem(problemOf(text, ctx), enUS.format);
}

/** Help examples write `@ann` and `#sales`; Slack sends mentions as escapes. */
export function asSlackText(example: string): string {
  return example
    .replace(/(^|[\s:])@(\w+)/g, (_m, before: string, name: string) => `${before}<@U0${name.toUpperCase()}|${name}>`)
    .replace(/(^|[\s:])#(\w+)/g, (_m, before: string, name: string) => `${before}<#C0${name.toUpperCase()}|${name}>`);
}

// The parser's way of reporting what the user got wrong in `/opp` text: the problems themselves are data
// (src/domain/input-problems.ts); here they are thrown, with the help topic that has examples for them.
import type { InputProblem } from '../../domain/input-problems.ts';
import { GROUPS, HELP_TOPICS, SUBCOMMANDS } from './usage.ts';

export { argumentField, keyField } from '../../domain/input-problems.ts';
export type {
  ActivityStepPart,
  ArgumentName,
  Field,
  InputProblem,
  InputProblemKind,
  NotApplicableReason,
  QuoteLinePart,
} from '../../domain/input-problems.ts';

/** Thrown by the parser for every mistake in the user's text. Anything else thrown is a bug. */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly problem: InputProblem;

  constructor(problem: InputProblem) {
    super(`/opp input problem: ${problem.kind}`);
    const helpTopic = 'subcommand' in problem ? topicOf(problem.subcommand) : undefined;
    this.problem = helpTopic === undefined ? problem : { ...problem, helpTopic };
  }
}

export function fail(problem: InputProblem): never {
  throw new InputError(problem);
}

/** The help topic for a subcommand id ("cycle add"), group word ("cycle") or "setup". */
function topicOf(subcommand: string): string | undefined {
  if (Object.hasOwn(SUBCOMMANDS, subcommand)) return SUBCOMMANDS[subcommand as keyof typeof SUBCOMMANDS].topic;
  if (Object.hasOwn(GROUPS, subcommand) || subcommand === 'setup') return subcommand;
  return (HELP_TOPICS as readonly string[]).includes(subcommand) ? subcommand : undefined;
}

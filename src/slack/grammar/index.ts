// The `/opp` text grammar: parse, help, and the problems a user's text can have.
export { parseOppCommand, MAX_TEXT, MAX_QUOTE_LINES, MAX_ACTIVITY_STEPS } from './parse-command.ts';
export type { DateContext } from './parse-command.ts';
export type * from './opp-command.ts';
export { InputError } from './input-problems.ts';
export type {
  InputProblem,
  InputProblemKind,
  ArgumentName,
  Field,
  NotApplicableReason,
  QuoteLinePart,
  ActivityStepPart,
} from './input-problems.ts';
export { helpText, MAX_HELP_SECTION } from './help.ts';
export { HELP_TOPICS } from './usage.ts';
export type { HelpTopic } from './usage.ts';

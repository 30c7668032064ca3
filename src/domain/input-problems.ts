// Everything a user can get wrong in `/opp` text, as data: the parser (src/slack/grammar) produces these and
// `describeInputProblem` (src/i18n/en/input.ts) turns each one into a sentence. Kept here, beside the rule
// problems, so the catalogue reads them without depending on the Slack adapter. Texts stored here are what
// the user typed (Slack escapes decoded).
import type { NumberIssue } from './amounts.ts';
import type { LocalDate } from './local-date.ts';

/** Positional arguments (the words before the first `key:`), by meaning. */
export type ArgumentName =
  | 'opportunity-no'
  | 'code'
  | 'description'
  | 'cycle'
  | 'stage-no'
  | 'outcome'
  | 'contact-name'
  | 'contact-type'
  | 'contact'
  | 'scope'
  | 'channel'
  | 'frequency'
  | 'user'
  | 'role'
  | 'search'
  | 'language'
  | 'note'
  | 'stats-target'
  | 'alert-kind'
  | 'alert-no';

/** Where a bad value was typed: after a `key:` or as a positional argument. */
export type Field =
  { readonly type: 'key'; readonly key: string } | { readonly type: 'argument'; readonly name: ArgumentName };

export const keyField = (key: string): Field => ({ type: 'key', key });
export const argumentField = (name: ArgumentName): Field => ({ type: 'argument', name });

/** Why a `key:` cannot be used in this command as written. */
export type NotApplicableReason = 'weekly-only' | 'person-only';

export type QuoteLinePart = 'format' | 'description' | 'quantity' | 'unit-price' | 'discount';
export type ActivityStepPart = 'format' | 'description' | 'formula';

/** One problem; `helpTopic` is the `/opp help` topic with examples for it, when the parser knows one. */
export type InputProblem = InputProblemDetail & { readonly helpTopic?: string };

export type InputProblemDetail =
  | { kind: 'text-too-long'; length: number; max: number }
  | { kind: 'unknown-subcommand'; word: string; suggestion?: string }
  /** `/opp cycle frobnicate`, `/opp cycle`: a group word needs one of `allowed` after it. */
  | { kind: 'unknown-action'; subcommand: string; word?: string; allowed: string[]; suggestion?: string }
  | { kind: 'unknown-help-topic'; topic: string; suggestion?: string }
  | { kind: 'unknown-key'; key: string; subcommand: string; allowed: string[]; suggestion?: string }
  | { kind: 'duplicate-key'; key: string }
  | { kind: 'missing-value'; key: string }
  | { kind: 'missing-argument'; what: ArgumentName; subcommand: string; usage: string }
  | { kind: 'missing-keys'; keys: string[]; subcommand: string; usage: string }
  /** `update` with none of the keys that change something. */
  | { kind: 'nothing-to-change'; subcommand: string; keys: string[] }
  | { kind: 'unexpected-text'; text: string; subcommand: string; usage: string }
  /** Two ways of saying the same thing at once, e.g. `stats OP00001 cycle:FIRM`. */
  | { kind: 'conflicting-arguments'; subcommand: string; first: string; second: string }
  | { kind: 'key-not-applicable'; key: string; reason: NotApplicableReason }
  | { kind: 'unbalanced-quote'; text: string }
  /** A closing quote glued to more text: `contact:"Acme"Corp`. */
  | { kind: 'text-after-quote'; text: string }
  | { kind: 'too-many'; key: string; max: number }
  | { kind: 'too-long'; field: Field; max: number; length: number }
  | { kind: 'bad-number'; field: Field; text: string }
  | { kind: 'ambiguous-number'; field: Field; text: string }
  | { kind: 'too-many-decimals'; field: Field; text: string; max: number }
  | { kind: 'number-out-of-range'; field: Field; text: string; min: string; max: string }
  | { kind: 'bad-percent'; field: Field; text: string }
  | { kind: 'bad-integer'; field: Field; text: string; min: number; max: number }
  | { kind: 'bad-date'; field: Field; text: string }
  | { kind: 'bad-date-range'; fromKey: string; toKey: string; from: LocalDate; to: LocalDate }
  | { kind: 'bad-date-formula'; field: Field; text: string }
  | { kind: 'bad-opportunity-no'; text: string }
  | { kind: 'bad-code'; field: Field; text: string }
  | { kind: 'bad-choice'; field: Field; text: string; allowed: string[] }
  | { kind: 'bad-mention'; field: Field; text: string }
  | { kind: 'bad-channel'; field: Field; text: string }
  | { kind: 'bad-email'; field: Field; text: string }
  /** `value:` of `/opp alert`: a comparison and an amount (`>50k`). */
  | { kind: 'bad-value-filter'; text: string }
  | { kind: 'bad-time'; field: Field; text: string }
  | { kind: 'bad-time-zone'; field: Field; text: string }
  | { kind: 'bad-currency'; field: Field; text: string }
  /** An amount written in a currency other than the workspace's (`value:$20,000` where amounts are EUR). */
  | { kind: 'other-currency'; field: Field; text: string; currency: string }
  /** `index` is 1-based; `value` is the offending part of the line. */
  | { kind: 'bad-quote-line'; index: number; text: string; part: QuoteLinePart; value: string; issue?: NumberIssue }
  | { kind: 'bad-activity-step'; index: number; text: string; part: ActivityStepPart; value: string };

export type InputProblemKind = InputProblem['kind'];

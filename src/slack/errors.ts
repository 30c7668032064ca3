// The one place where a failure becomes words: rule problems, input problems and infrastructure
// failures each map to a sentence from the catalogue; nothing else ever reaches a user.
import type { Markup } from '../i18n/markup.ts';
import type { Presenter } from '../i18n/presenter.ts';
import { DomainError } from '../domain/problems.ts';
import { ScheduleError } from '../domain/schedule.ts';
import { ChangeSavedError, isDatabaseUnavailable } from '../services/db.ts';
import { usageIn } from './grammar/help.ts';
import { InputError } from './grammar/index.ts';

export type FailureKind = 'rule' | 'input' | 'database' | 'unexpected';

export interface DescribedFailure {
  kind: FailureKind;
  sentence: Markup;
}

/** The failure in the reader's words (their catalogue, their formatter for the values in it). */
export function describeFailure(p: Presenter, error: unknown): DescribedFailure {
  const { t, format } = p;
  if (error instanceof DomainError) return { kind: 'rule', sentence: t.describeRuleProblem(error.problem, format) };
  if (error instanceof InputError) {
    const { problem } = error;
    // The usage line the grammar quotes names its placeholders in English: the reader's words instead.
    const local = 'usage' in problem ? { ...problem, usage: usageIn(t.help, problem.usage) } : problem;
    return { kind: 'input', sentence: t.describeInputProblem(local, format) };
  }
  if (error instanceof ScheduleError) return { kind: 'input', sentence: t.describeScheduleProblem(error.problem) };
  // Stored, then not read back: saying "nothing was changed" would have the person make it again.
  if (error instanceof ChangeSavedError) return { kind: 'database', sentence: t.system.savedNotShown };
  // Read paths reach here with the driver's own error; isDatabaseUnavailable recognises those too.
  if (isDatabaseUnavailable(error)) {
    return { kind: 'database', sentence: t.system.databaseUnavailable };
  }
  return { kind: 'unexpected', sentence: t.system.unexpected };
}

/** Failures that are the user's to fix are not logged as errors; the rest are. */
export function isExpectedFailure(error: unknown): boolean {
  return error instanceof DomainError || error instanceof InputError || error instanceof ScheduleError;
}

// Everything a user can get wrong, as data. The rules throw DomainError(problem); the Slack layer
// turns the problem into a sentence (src/i18n/en/rules.ts), the service layer adds the lookup kinds.
import type { Decimal } from './decimal.ts';
import type { LocalDate } from './local-date.ts';
import type { CloseOutcome, MoveAction, OpportunityStatus } from './opportunity-status.ts';
import type { GuardedAction } from './permissions.ts';

/** Fields a form can leave empty although a rule needs them. */
export type RequiredField =
  | 'description'
  | 'contact'
  | 'salesperson'
  | 'sales-cycle'
  | 'estimated-close-date'
  | 'outcome'
  | 'close-code'
  | 'name'
  | 'code'
  | 'note';

/** Free-text fields with a length limit. */
export type TextField = 'description' | 'name' | 'code' | 'email' | 'activity-code' | 'date-formula' | 'note';

export type PercentField = 'chances' | 'completed' | 'discount';
export type PositiveField = 'estimated-value' | 'chances' | 'sales-amount';
export type QuoteLineField = 'description' | 'quantity' | 'unit-price' | 'discount';
export type CodeEntity = 'sales-cycle' | 'close-code' | 'activity';
export type DuplicateEntity = 'sales-cycle' | 'stage' | 'close-code' | 'contact' | 'customer' | 'activity';

export type Problem =
  // ---- rules (src/domain) ----
  | {
      kind: 'action-not-available';
      action: MoveAction;
      opportunityNo: string;
      /** Not started yet: its first stage is to be activated before any other move. */
      notStarted?: boolean;
    }
  | { kind: 'no-stages'; cycle: string }
  | { kind: 'stage-not-allowed'; action: MoveAction; stage: number; allowed: readonly number[] }
  | { kind: 'quote-required'; stage: number; stageDescription: string }
  | { kind: 'date-of-change-before-last'; dateOfChange: LocalDate; lastDateOfChange: LocalDate }
  | {
      kind: 'must-be-positive';
      field: PositiveField;
      /** The value came from the opportunity, not from the person (a Next after an activation without one). */
      untypedOn?: string;
      /** The value is the linked quote's total (a Won close), whatever amount was typed. */
      source?: 'linked-quote';
    }
  | { kind: 'percent-out-of-range'; field: PercentField; value: Decimal }
  | { kind: 'completed-not-whole'; value: Decimal }
  | { kind: 'close-date-before-change'; estimatedCloseDate: LocalDate; dateOfChange: LocalDate }
  | { kind: 'close-date-before-today'; estimatedCloseDate: LocalDate; today: LocalDate }
  | { kind: 'opportunity-closed'; opportunityNo: string; status: CloseOutcome }
  | { kind: 'already-started'; opportunityNo: string }
  | { kind: 'sales-cycle-locked'; opportunityNo: string }
  | { kind: 'sales-cycle-blocked'; code: string }
  | { kind: 'required'; field: RequiredField }
  | { kind: 'too-long'; field: TextField; max: number }
  | { kind: 'code-invalid'; entity: CodeEntity; code: string; max: number }
  | { kind: 'stage-number-invalid'; value: number }
  | { kind: 'bad-date-formula'; text: string }
  | { kind: 'close-code-wrong-type'; code: string; codeType: CloseOutcome; outcome: CloseOutcome }
  | { kind: 'closing-date-before-last-change'; closingDate: LocalDate; lastChange: LocalDate }
  | { kind: 'contact-has-no-company'; contactNo: string; name: string }
  | { kind: 'contact-other-company'; contactNo: string; name: string }
  | { kind: 'contact-company-not-company'; companyNo: string }
  | { kind: 'company-cannot-have-company'; name: string }
  | { kind: 'customer-has-documents'; contactNo: string; name: string; customerNo: string; documents: number }
  | { kind: 'quote-already-exists'; opportunityNo: string }
  | { kind: 'quote-needs-in-progress'; opportunityNo: string; status: OpportunityStatus }
  | { kind: 'quote-needs-company-contact'; contactNo: string; name: string }
  | { kind: 'quote-line-invalid'; line: number; field: QuoteLineField }
  | { kind: 'quote-too-many-lines'; max: number; count: number }
  | { kind: 'make-order-not-started'; opportunityNo: string }
  | { kind: 'delete-in-progress'; opportunityNo: string }
  | { kind: 'purge-range-empty'; closedAfter: LocalDate; closedBefore: LocalDate }
  | { kind: 'task-not-open'; taskId: number; status: 'completed' | 'canceled' }
  | { kind: 'postpone-not-later'; taskId: number; date: LocalDate; newDate: LocalDate }
  | { kind: 'quote-replace-needs-in-progress'; opportunityNo: string; status: OpportunityStatus }
  /** An edit that asks for the values the opportunity already has. */
  | { kind: 'nothing-edited'; opportunityNo: string }
  /** A search that found nothing the reader may see. */
  | { kind: 'nothing-found'; text: string }
  // ---- raised by the service layer ----
  | { kind: 'opportunity-not-found'; no: string }
  | { kind: 'sales-cycle-not-found'; code: string }
  | { kind: 'stage-not-found'; cycle: string; stage: number }
  | { kind: 'close-code-not-found'; code: string }
  | { kind: 'activity-not-found'; code: string }
  | { kind: 'contact-not-found'; text: string }
  | { kind: 'contact-ambiguous'; text: string; candidates: string[] }
  | { kind: 'salesperson-not-found'; text: string }
  | { kind: 'salesperson-blocked'; name: string }
  | { kind: 'customer-not-found'; text: string }
  | { kind: 'duplicate'; entity: DuplicateEntity; key: string }
  | { kind: 'changed-meanwhile'; opportunityNo: string }
  | { kind: 'sales-cycle-in-use'; code: string; openCount: number }
  | { kind: 'sales-cycle-referenced'; code: string; count: number }
  | { kind: 'stage-in-use'; cycle: string; stage: number }
  | { kind: 'close-code-in-use'; code: string; entryCount: number }
  | { kind: 'quote-not-found'; opportunityNo: string }
  | { kind: 'task-not-found'; taskId: number }
  | { kind: 'quote-has-no-lines' }
  | { kind: 'workspace-not-set-up' }
  | { kind: 'nothing-to-purge' }
  // ---- channel alerts (src/usecases/alerts.ts) ----
  /** channelId null: typed where there is no channel (a direct message). */
  | {
      kind: 'alert-channel-unusable';
      channelId: string | null;
      reason: 'not-a-channel' | 'archived' | 'not-member' | 'not-found';
    }
  | { kind: 'alert-person-unknown'; slackUserId: string }
  | { kind: 'alert-not-found'; id: number }
  // ---- roles (src/domain/permissions.ts) ----
  /** The person's role does not allow the action; `role` is the least role that would. */
  | { kind: 'not-allowed'; action: GuardedAction; role: 'admin' | 'manager'; opportunityNo?: string }
  /** Making the workspace's only admin a manager or rep would leave it without one. */
  | { kind: 'last-admin'; slackUserId: string };

export type ProblemKind = Problem['kind'];

export class DomainError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.kind);
    this.name = 'DomainError';
  }
}

export function fail(problem: Problem): never {
  throw new DomainError(problem);
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}

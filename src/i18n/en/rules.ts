// English sentences for the rule problems, written for a sales rep: what went wrong and what to do.
import type { Formatter } from '../format.ts';
import { icuFor } from '../icu.ts';
import { catalogueText, escapeFields, type Markup } from '../markup.ts';
import type { Decimal } from '../../domain/decimal.ts';
import type { LocalDate } from '../../domain/local-date.ts';
import type { MoveAction, OpportunityStatus } from '../../domain/opportunity.ts';
import type { GuardedAction } from '../../domain/permissions.ts';
import {
  assertNever,
  type CodeEntity,
  type DuplicateEntity,
  type PercentField,
  type PositiveField,
  type Problem,
  type QuoteLineField,
  type RequiredField,
  type TextField,
} from '../../domain/problems.ts';

/**
 * The sentence for a problem; every text in it that came from a person is escaped first, and its dates
 * are written by the reader's formatter.
 */
const m = icuFor('en');

export function describeRuleProblem(problem: Problem, format: Formatter): Markup {
  return catalogueText(sentence(escapeFields(problem), format));
}

function sentence(problem: Problem, format: Formatter): string {
  const formatDate = (date: LocalDate): string => format.date(date);
  switch (problem.kind) {
    case 'action-not-available':
      if (problem.notStarted && problem.action !== 'first')
        return `Opportunity ${problem.opportunityNo} hasn't been started yet: activate its first stage first (Activate first stage on its card, or /opp move ${problem.opportunityNo}).`;
      return `${actionLabel(problem.action)} isn't possible for opportunity ${problem.opportunityNo} right now: ${actionHint(problem.action)}.`;
    case 'no-stages':
      return `Sales cycle ${problem.cycle} has no stages yet; add a stage to it first.`;
    case 'stage-not-allowed':
      if (problem.allowed.length === 0) return `${actionLabel(problem.action)} has no stage to go to.`;
      return Number.isFinite(problem.stage)
        ? `Stage ${problem.stage} isn't a valid target for ${actionLabel(problem.action)}; choose one of ${problem.allowed.join(', ')}.`
        : `Choose a stage for ${actionLabel(problem.action)}: one of ${problem.allowed.join(', ')}.`;
    case 'quote-required':
      return `You can't move to stage ${stageName(problem.stage, problem.stageDescription)} until a sales quote is assigned to the opportunity.`;
    case 'date-of-change-before-last':
      return `The date of change (${formatDate(problem.dateOfChange)}) can't be earlier than the last date of change (${formatDate(problem.lastDateOfChange)}).`;
    case 'must-be-positive':
      if (problem.untypedOn !== undefined)
        return `Opportunity ${problem.untypedOn} has no estimated value yet, and it must be greater than 0 to move on: give it one with Update on its card, or /opp update ${problem.untypedOn} value:25000.`;
      return `${positiveLabel(problem.field)} must be greater than 0.`;
    case 'percent-out-of-range':
      return `${percentLabel(problem.field)} must be between 0 and 100 with at most 2 decimals (you entered ${formatPercent(problem.value)}).`;
    case 'completed-not-whole':
      return `The completed % of a stage must be a whole number (you entered ${formatPercent(problem.value)}).`;
    case 'close-date-before-change':
      return `The estimated closing date (${formatDate(problem.estimatedCloseDate)}) can't be earlier than the date of change (${formatDate(problem.dateOfChange)}).`;
    case 'close-date-before-today':
      return `The estimated closing date (${formatDate(problem.estimatedCloseDate)}) can't be earlier than today (${formatDate(problem.today)}).`;
    case 'opportunity-closed':
      return `Opportunity ${problem.opportunityNo} is already closed as ${problem.status === 'won' ? 'Won' : 'Lost'} and can't be changed any more.`;
    case 'already-started':
      return `Opportunity ${problem.opportunityNo} has already been started, so its first stage can't be activated again.`;
    case 'sales-cycle-locked':
      return `The sales cycle of opportunity ${problem.opportunityNo} can only be changed before the opportunity is started.`;
    case 'sales-cycle-blocked':
      return `Sales cycle ${problem.code} is blocked, so it can't be used for opportunities.`;
    case 'required':
      return requiredSentence(problem.field);
    case 'too-long':
      return `${textLabel(problem.field)} can be at most ${problem.max} characters long.`;
    case 'code-invalid':
      return `"${problem.code}" isn't a valid ${codeLabel(problem.entity)} code: use 1 to ${problem.max} characters without spaces.`;
    case 'stage-number-invalid':
      return `The stage number must be a whole number of 1 or more (you entered ${problem.value}).`;
    case 'bad-date-formula':
      return `"${problem.text}" isn't a date formula. Use terms like 10D, 2W, 1M, 1Q, 1Y or CM (end of month), joined with + or -, e.g. 1M+CM.`;
    case 'close-code-wrong-type':
      return `Close code ${problem.code} is for ${outcomeLabel(problem.codeType)} opportunities, so it can't be used to close as ${outcomeLabel(problem.outcome)}.`;
    case 'closing-date-before-last-change':
      return `The closing date (${formatDate(problem.closingDate)}) can't be earlier than the last change (${formatDate(problem.lastChange)}).`;
    case 'contact-has-no-company':
      return `A customer can't be created from ${problem.name} (${problem.contactNo}) until that contact belongs to a company; link the person to a company first.`;
    case 'contact-other-company':
      return `${problem.name} (${problem.contactNo}) belongs to a different company; once an opportunity has started, its contact can only change within the same company.`;
    case 'contact-company-not-company':
      return `Contact ${problem.companyNo} is a person, not a company, so nobody can belong to it.`;
    case 'company-cannot-have-company':
      return `${problem.name} is a company, so it can't belong to another company.`;
    case 'customer-has-documents':
      return `Customer ${problem.customerNo} of ${problem.name} (${problem.contactNo}) has ${m('{n, plural, one {# quote or order} other {# quotes and orders}}', { n: problem.documents })}, so it stays linked to the contact.`;
    case 'quote-already-exists':
      return `A sales quote is already assigned to opportunity ${problem.opportunityNo}; each opportunity has at most one quote.`;
    case 'quote-needs-in-progress':
      return `Opportunity ${problem.opportunityNo} must be in progress to get a sales quote (it is ${statusLabel(problem.status)}).`;
    case 'quote-needs-company-contact':
      return `Quotes can only be made for company contacts (or persons who belong to a company); ${problem.name} (${problem.contactNo}) has no company.`;
    case 'quote-line-invalid':
      return `Line ${problem.line}: ${quoteLineRule(problem.field)}.`;
    case 'quote-too-many-lines':
      return `A quote can have at most ${problem.max} lines (this one has ${problem.count}).`;
    case 'make-order-not-started':
      return `Opportunity ${problem.opportunityNo} hasn't been started, so it has no quote to turn into an order.`;
    case 'delete-in-progress':
      return `Opportunity ${problem.opportunityNo} is in progress and can't be deleted; close it as Won or Lost first.`;
    case 'task-not-open':
      return `Task ${problem.taskId} is already ${problem.status === 'completed' ? 'completed' : 'canceled'}; nothing was changed.`;
    case 'postpone-not-later':
      return `Task ${problem.taskId} is due ${formatDate(problem.date)}: postpone it to a later date than that (you chose ${formatDate(problem.newDate)}).`;
    case 'quote-replace-needs-in-progress':
      return `Opportunity ${problem.opportunityNo} is ${problem.status === 'not_started' ? 'not started' : problem.status === 'won' ? 'won' : 'lost'}: its quote can only be replaced while it is in progress.`;
    case 'purge-range-empty':
      return `No day lies after ${formatDate(problem.closedAfter)} and before ${formatDate(problem.closedBefore)}; widen the closing date range.`;
    case 'opportunity-not-found':
      return `There is no opportunity ${problem.no}.`;
    case 'sales-cycle-not-found':
      return `There is no sales cycle ${problem.code}.`;
    case 'stage-not-found':
      return `Sales cycle ${problem.cycle} has no stage ${problem.stage}.`;
    case 'close-code-not-found':
      return `There is no close code ${problem.code}.`;
    case 'contact-not-found':
      return `No contact matches "${problem.text}".`;
    case 'contact-ambiguous':
      return `"${problem.text}" matches several contacts (${listSome(problem.candidates)}); please be more specific.`;
    case 'salesperson-not-found':
      return `No salesperson matches "${problem.text}".`;
    case 'salesperson-blocked':
      return `Salesperson ${problem.name} is blocked and can't be assigned to opportunities.`;
    case 'customer-not-found':
      return `No customer matches "${problem.text}".`;
    case 'activity-not-found':
      return `No activity with code ${problem.code} exists; add it first with /opp activity add.`;
    case 'duplicate':
      return `${duplicateLabel(problem.entity)} ${problem.key} already exists.`;
    case 'changed-meanwhile':
      return `Opportunity ${problem.opportunityNo} was changed by someone else in the meantime; have a look at it and try again.`;
    case 'sales-cycle-referenced':
      return `Sales cycle ${problem.code} is still the cycle of ${m('{n, plural, one {# closed or not-started opportunity} other {# closed or not-started opportunities}}', { n: problem.count })}, so it can't be deleted; their history keeps it.`;
    case 'sales-cycle-in-use':
      return `Sales cycle ${problem.code} still has ${m('{n, plural, one {# open opportunity} other {# open opportunities}}', { n: problem.openCount })}, so it can't be deleted.`;
    case 'stage-in-use':
      return `Stage ${problem.stage} of sales cycle ${problem.cycle} can't be deleted while opportunities are at that stage.`;
    case 'close-code-in-use':
      return `Close code ${problem.code} has been used ${m('{n, plural, one {# time} other {# times}}', { n: problem.entryCount })}, so it can't be deleted (the bot keeps closed opportunities' codes valid).`;
    case 'quote-not-found':
      return `No sales quote is assigned to opportunity ${problem.opportunityNo}.`;
    case 'task-not-found':
      return `There is no task ${problem.taskId}.`;
    case 'quote-has-no-lines':
      return 'A quote needs at least one line.';
    case 'workspace-not-set-up':
      return "This workspace isn't set up yet; ask an admin to run the setup first.";
    case 'nothing-to-purge':
      return 'No closed opportunities match that filter, so nothing was deleted.';
    case 'nothing-edited':
      return `Opportunity ${problem.opportunityNo} already has those values, so nothing was changed.`;
    case 'nothing-found':
      return `No opportunity you can see matches "${problem.text}". Try fewer or other words, or /opp list all.`;
    case 'not-allowed':
      return `Only ${problem.role === 'admin' ? 'admins' : 'managers and admins'} can ${guardedActionText(problem.action, problem.opportunityNo)}; ask an admin (see /opp roles).`;
    case 'alert-channel-unusable':
      switch (problem.reason) {
        case 'not-a-channel':
          return 'Alerts go to a channel: name one (/opp alert #deals won lost), or type the command in the channel.';
        case 'archived':
          return `I can't post in <#${problem.channelId}>: it is archived. Choose another channel.`;
        case 'not-member':
          return `I can't post in <#${problem.channelId}> yet: invite me to it first (/invite in the channel), then set up the alert again.`;
        case 'not-found':
          return `I can't find <#${problem.channelId}>: it may have been deleted, or it is private and I'm not in it. Invite me to it first.`;
        default:
          return assertNever(problem.reason);
      }
    case 'alert-person-unknown':
      return `<@${problem.slackUserId}> isn't a person in this workspace I can alert about (a deactivated account or an app); choose a salesperson with @.`;
    case 'alert-not-found':
      return `There is no alert ${problem.id} in this workspace; /opp alerts lists them with their numbers.`;
    case 'last-admin':
      return `<@${problem.slackUserId}> is the only admin of this workspace, so nothing was changed; make someone else admin first (/opp role @user admin).`;
    default:
      return assertNever(problem);
  }
}

/** A percentage as it was entered, every decimal kept, trailing zeros trimmed: "12.5", "40". */
export function formatPercent(value: Decimal): string {
  const fixed = value.toFixed();
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

function actionLabel(action: MoveAction): string {
  switch (action) {
    case 'first':
      return 'Activate first stage';
    case 'next':
      return 'Next';
    case 'previous':
      return 'Previous';
    case 'skip':
      return 'Skip';
    case 'jump':
      return 'Jump';
    case 'update':
      return 'Update';
    default:
      return assertNever(action);
  }
}

function actionHint(action: MoveAction): string {
  switch (action) {
    case 'first':
      return 'it has already been started';
    case 'next':
      return 'it is at the last stage, so close it as Won or Lost instead';
    case 'previous':
      return 'it is at the first stage';
    case 'skip':
      return 'Skip needs the next stage to allow skipping and at least two stages to choose from';
    case 'jump':
      return 'Jump needs at least two earlier stages to choose from';
    case 'update':
      return 'it has not been started yet';
    default:
      return assertNever(action);
  }
}

function guardedActionText(action: GuardedAction, opportunityNo: string | undefined): string {
  switch (action) {
    case 'set-up-sales-cycles':
      return 'set up sales cycles';
    case 'set-up-stages':
      return 'set up the stages of sales cycles';
    case 'set-up-close-codes':
      return 'set up close codes';
    case 'add-contact':
      return 'add contacts in this workspace (an admin can open it to everyone with `/opp setting reps-add-contacts:yes`)';
    case 'edit-contact':
      return 'change contacts';
    case 'add-customer':
      return 'make customers from contacts';
    case 'add-activity':
      return 'set up activities';
    case 'purge':
      return 'purge closed opportunities';
    case 'change-roles':
      return 'give people roles';
    case 'change-settings':
      return "change the workspace's settings";
    case 'delete-workspace':
      return "delete the workspace's data";
    case 'post-digest':
      return 'post pipeline digests';
    case 'manage-subscriptions':
      return 'schedule pipeline digests';
    case 'manage-alerts':
      return 'set up channel alerts';
    case 'set-channel-language':
      return 'choose the language of a channel’s posts';
    case 'create-opportunity':
      return 'create opportunities for another salesperson (name yourself as the salesperson)';
    case 'change-opportunity':
      return opportunityNo
        ? `change opportunity ${opportunityNo}, because someone else is its salesperson`
        : 'change opportunities where someone else is the salesperson';
    case 'read-opportunity':
      return opportunityNo
        ? `see opportunity ${opportunityNo}, because someone else is its salesperson and reps here see only their own opportunities`
        : 'see opportunities where someone else is the salesperson: reps here see only their own';
    case 'read-pipeline':
      return 'see statistics over all opportunities: reps here see only their own';
    case 'change-task':
      return 'complete or postpone tasks that someone else owns';
    case 'read-tasks':
      return "see someone else's tasks";
    case 'reassign-opportunity':
      return opportunityNo
        ? `give opportunity ${opportunityNo} to another salesperson`
        : 'give opportunities to another salesperson';
    default:
      return assertNever(action);
  }
}

function requiredSentence(field: RequiredField): string {
  switch (field) {
    case 'description':
      return 'Please fill in the description.';
    case 'note':
      return 'Please write the note.';
    case 'contact':
      return 'You must specify the contact involved in the opportunity.';
    case 'salesperson':
      return 'Please choose a salesperson.';
    case 'sales-cycle':
      return 'Please choose a sales cycle.';
    case 'estimated-close-date':
      return 'Please fill in the estimated closing date.';
    case 'outcome':
      return 'Choose either Won or Lost.';
    case 'close-code':
      return 'Please choose a close code.';
    case 'name':
      return 'Please fill in the name.';
    case 'code':
      return 'Please fill in the code.';
    default:
      return assertNever(field);
  }
}

function positiveLabel(field: PositiveField): string {
  switch (field) {
    case 'estimated-value':
      return 'The estimated value';
    case 'chances':
      return 'The chances of success %';
    case 'sales-amount':
      return 'To close as Won, the sales amount';
    default:
      return assertNever(field);
  }
}

function percentLabel(field: PercentField): string {
  switch (field) {
    case 'chances':
      return 'The chances of success %';
    case 'completed':
      return 'The completed %';
    case 'discount':
      return 'The discount %';
    default:
      return assertNever(field);
  }
}

function textLabel(field: TextField): string {
  switch (field) {
    case 'note':
      return 'A note';
    case 'description':
      return 'The description';
    case 'name':
      return 'The name';
    case 'code':
      return 'The code';
    case 'email':
      return 'The email address';
    case 'activity-code':
      return 'The activity code';
    case 'date-formula':
      return 'The date formula';
    default:
      return assertNever(field);
  }
}

function codeLabel(entity: CodeEntity): string {
  return entity === 'sales-cycle' ? 'sales cycle' : entity === 'activity' ? 'activity' : 'close';
}

function duplicateLabel(entity: DuplicateEntity): string {
  switch (entity) {
    case 'sales-cycle':
      return 'A sales cycle';
    case 'stage':
      return 'A stage';
    case 'close-code':
      return 'A close code';
    case 'contact':
      return 'A contact';
    case 'customer':
      return 'A customer';
    case 'activity':
      return 'An activity';
    default:
      return assertNever(entity);
  }
}

function quoteLineRule(field: QuoteLineField): string {
  switch (field) {
    case 'description':
      return 'the description must be 1 to 100 characters long';
    case 'quantity':
      return 'the quantity must be greater than 0, with at most 4 decimals';
    case 'unit-price':
      return "the unit price can't be negative and has at most 2 decimals";
    case 'discount':
      return 'the discount must be between 0 and 100 %, with at most 2 decimals';
    default:
      return assertNever(field);
  }
}

function outcomeLabel(outcome: 'won' | 'lost'): string {
  return outcome === 'won' ? 'Won' : 'Lost';
}

function statusLabel(status: OpportunityStatus): string {
  switch (status) {
    case 'not_started':
      return 'not started';
    case 'in_progress':
      return 'in progress';
    case 'won':
      return 'won';
    case 'lost':
      return 'lost';
    default:
      return assertNever(status);
  }
}

function stageName(stage: number, description: string): string {
  return description.trim() === '' ? String(stage) : `${stage} (${description})`;
}

function listSome(items: readonly string[], max = 5): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
